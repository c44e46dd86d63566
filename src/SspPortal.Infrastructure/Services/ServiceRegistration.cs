using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using SspPortal.Application.Audit;
using SspPortal.Application.Common;
using SspPortal.Application.CustomTexts;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tickets;

namespace SspPortal.Infrastructure.Services;

/// <summary>Registers the implementations of the application-service interfaces and the validators they share with the forms.</summary>
internal static class ServiceRegistration
{
    public static IServiceCollection AddApplicationServices(this IServiceCollection services)
    {
        services.AddSingleton<IValidator<PageRequest>, PageRequestValidator>();
        services.AddSingleton<IValidator<CreateProfileRequest>, CreateProfileRequestValidator>();
        services.AddSingleton<IValidator<UpdateProfileRequest>, UpdateProfileRequestValidator>();

        services.AddSingleton<IValidator<CustomTextPath>, CustomTextPathValidator>();
        services.AddSingleton<IValidator<CustomTextEntries>, CustomTextEntriesValidator>();

        services.AddSingleton<IValidator<IssueTicketRequest>, IssueTicketRequestValidator>();

        services.AddSingleton<ISelfServiceProfileService, SelfServiceProfileService>();
        services.AddSingleton<ICustomTextService, CustomTextService>();
        services.AddSingleton<ISsoTicketService, SsoTicketService>();
        services.AddSingleton<IAuditLogService, AuditLogService>();
        return services;
    }
}
