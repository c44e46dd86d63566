using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using SspPortal.Application.Audit;
using SspPortal.Application.Common;
using SspPortal.Application.CustomTexts;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tickets;
using SspPortal.Infrastructure.Services;

namespace SspPortal.Application.Tests.Validation;

public sealed class ServiceRegistrationTests
{
    [Theory]
    [InlineData(typeof(IValidator<CreateProfileRequest>))]
    [InlineData(typeof(IValidator<UpdateProfileRequest>))]
    [InlineData(typeof(IValidator<IssueTicketRequest>))]
    [InlineData(typeof(IValidator<CustomTextPath>))]
    [InlineData(typeof(IValidator<CustomTextEntries>))]
    [InlineData(typeof(IValidator<PageRequest>))]
    public void AddApplicationServices_RegistersValidator(Type validatorType)
    {
        var services = new ServiceCollection().AddApplicationServices();

        Assert.Contains(services, d => d.ServiceType == validatorType && d.Lifetime == ServiceLifetime.Singleton);
    }

    [Theory]
    [InlineData(typeof(ISelfServiceProfileService))]
    [InlineData(typeof(ICustomTextService))]
    [InlineData(typeof(ISsoTicketService))]
    [InlineData(typeof(IAuditLogService))]
    public void AddApplicationServices_RegistersService(Type serviceType)
    {
        var services = new ServiceCollection().AddApplicationServices();

        Assert.Single(services, d => d.ServiceType == serviceType);
    }
}
