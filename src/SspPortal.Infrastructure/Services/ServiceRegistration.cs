using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SspPortal.Application.Audit;
using SspPortal.Application.Common;
using SspPortal.Application.CustomTexts;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tenants;
using SspPortal.Application.Tickets;

namespace SspPortal.Infrastructure.Services;

/// <summary>Registers the implementations of the application-service interfaces and the validators they share with the forms.</summary>
internal static class ServiceRegistration
{
    public static IServiceCollection AddApplicationServices(this IServiceCollection services)
    {
        // Every validator of the application assembly, as the one instance each (they hold no state).
        services.AddValidatorsFromAssemblyContaining<PageRequestValidator>(ServiceLifetime.Singleton);

        services.AddSingleton<ISelfServiceProfileService, SelfServiceProfileService>();
        services.AddSingleton<ICustomTextService, CustomTextService>();
        services.TryAddSingleton<ILinkSchemeService, HttpsLinkScheme>();
        services.AddSingleton<ISsoTicketService, SsoTicketService>();
        services.AddSingleton<IAuditLogService, AuditLogService>();
        services.AddSingleton<ITenantSettingsService, TenantSettingsService>();
        return services;
    }
}
