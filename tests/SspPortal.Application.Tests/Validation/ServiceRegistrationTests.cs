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
    public void AddApplicationServices_ResolvesValidator_WhenCalled(Type validatorType)
    {
        using var provider = new ServiceCollection().AddApplicationServices().BuildServiceProvider();

        var first = provider.GetRequiredService(validatorType);
        var second = provider.GetRequiredService(validatorType);

        Assert.Same(first, second);
    }

    [Fact]
    public void AddApplicationServices_RegistersEveryValidatorOfTheApplication_WhenCalled()
    {
        var validators = typeof(PageRequestValidator)
            .Assembly.GetTypes()
            .Where(type => type is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(type))
            .ToList();

        var services = new ServiceCollection().AddApplicationServices();

        Assert.NotEmpty(validators);
        Assert.All(
            validators,
            validator =>
                Assert.Contains(services, d => d.ImplementationType == validator && d.Lifetime == ServiceLifetime.Singleton)
        );
    }

    [Theory]
    [InlineData(typeof(ISelfServiceProfileService))]
    [InlineData(typeof(ICustomTextService))]
    [InlineData(typeof(ISsoTicketService))]
    [InlineData(typeof(IAuditLogService))]
    public void AddApplicationServices_RegistersService_WhenCalled(Type serviceType)
    {
        var services = new ServiceCollection().AddApplicationServices();

        Assert.Single(services, d => d.ServiceType == serviceType);
    }
}
