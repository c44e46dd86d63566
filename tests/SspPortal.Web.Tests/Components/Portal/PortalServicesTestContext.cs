using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using SspPortal.Application.Common;
using SspPortal.Application.Connections;
using SspPortal.Application.CustomTexts;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tenants;
using SspPortal.Application.Tickets;
using SspPortal.Web.Tests.Testing;

namespace SspPortal.Web.Tests.Components.Portal;

/// <summary>
/// Portal pages rendered with the app's real services on a real SQLite file (one app per test class instance), for a
/// tenant <see cref="TenantId"/> whose admin can seed data through <see cref="AppServices"/>.
/// </summary>
public abstract class PortalServicesTestContext : PortalTestContext
{
    protected const string TenantId = "acme";

    private readonly SspWebApplicationFactory _app = new(
        "Testing",
        new Dictionary<string, string?>
        {
            ["SelfService:MaxProfilesPerTenant"] = "20",
        }
    );

    protected Actor Admin { get; } = Actor.ForRole(TenantId, "admin-1", "Ada Admin", PortalRole.Admin);

    /// <summary>The app's own services (the components get these very instances).</summary>
    protected IServiceProvider AppServices => _app.Services;

    protected ISelfServiceProfileService ProfileService => AppServices.GetRequiredService<ISelfServiceProfileService>();

    /// <summary>The components get the app's own service instances (registered before the first render, resolved late).</summary>
    protected PortalServicesTestContext()
    {
        Services.AddSingleton(_ => _app.Services.GetRequiredService<ISelfServiceProfileService>());
        Services.AddSingleton(_ => _app.Services.GetRequiredService<ICustomTextService>());
        Services.AddSingleton(_ => _app.Services.GetRequiredService<ISsoTicketService>());
        Services.AddSingleton(_ => _app.Services.GetRequiredService<IConnectionService>());
        Services.AddSingleton(_ => _app.Services.GetRequiredService<ITenantDirectory>());
        Services.AddSingleton(_ => _app.Services.GetRequiredService<ITenantSettingsService>());
        Services.AddSingleton(_ => _app.Services.GetRequiredService<IValidator<UpdateProfileRequest>>());
        Services.AddSingleton(_ => _app.Services.GetRequiredService<IValidator<IssueTicketRequest>>());
    }

    public override async Task InitializeAsync()
    {
        await _app.Services.GetRequiredService<ITenantDirectory>().EnsureAsync(new AddTenantRequest(TenantId, "acme.example.com", "Acme", []));
        await SeedAsync();
    }

    /// <summary>The data a test class needs, created through the app's services before each test.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    protected async Task<SelfServiceProfileDto> CreateProfileAsync(CreateProfileRequest request)
    {
        var result = await ProfileService.CreateAsync(Admin, request);
        Assert.True(result.IsOk, result.Message);
        return result.Value;
    }

    protected override async Task DisposeTestAsync() => await _app.DisposeAsync();
}
