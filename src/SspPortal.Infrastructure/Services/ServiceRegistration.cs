using Microsoft.Extensions.DependencyInjection;

namespace SspPortal.Infrastructure.Services;

/// <summary>Registers the implementations of the application-service interfaces.</summary>
internal static class ServiceRegistration
{
    public static IServiceCollection AddApplicationServices(this IServiceCollection services) => services;
}
