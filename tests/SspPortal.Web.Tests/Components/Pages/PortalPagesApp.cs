using Microsoft.Extensions.DependencyInjection;
using SspPortal.Application.Common;
using SspPortal.Application.Connections;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tenants;
using SspPortal.Application.Tickets;
using SspPortal.Infrastructure.Persistence;
using SspPortal.Web.Tests.Testing;

namespace SspPortal.Web.Tests.Components.Pages;

/// <summary>The app's real services on a temp SQLite database, with the tenant <c>acme</c>, for page tests.</summary>
internal sealed class PortalPagesApp : IAsyncDisposable
{
    public const string TenantId = "acme";
    public const string OtherTenantId = "globex";

    private readonly SspWebApplicationFactory _factory = new();

    public Actor Admin { get; } = Actor.ForRole(TenantId, "admin-1", "Ada Admin", PortalRole.Admin);

    public IServiceProvider Services => _factory.Services;

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public DateTime Now => Timestamps.Now(Get<TimeProvider>());

    public async Task StartAsync()
    {
        var tenants = Get<ITenantDirectory>();
        await tenants.EnsureAsync(new AddTenantRequest(TenantId, "acme.example.com", "Acme", ["login.acme.test"]));
        await tenants.EnsureAsync(new AddTenantRequest(OtherTenantId, "globex.example.com", "Globex", []));
    }

    /// <summary>Registers the app's own service instances with a component test's services.</summary>
    public void AddServicesTo(IServiceCollection services)
    {
        services.AddSingleton(Get<IConnectionService>());
        services.AddSingleton(Get<ITenantSettingsService>());
        services.AddSingleton(Get<ISelfServiceProfileService>());
        services.AddSingleton(Get<ISsoTicketService>());
    }

    public async Task<Connection> SeedConnectionAsync(Action<Connection>? change = null, string tenantId = TenantId)
    {
        var id = Ids.NewConnectionId();
        var connection = new Connection
        {
            Id = id,
            TenantId = tenantId,
            Name = "acme-okta",
            DisplayName = "Acme Okta",
            Strategy = Strategies.Okta,
            Enabled = true,
            OptionsJson = """{"client_id":"0oa-client","client_secret":"stored-protected-value","domain":"acme.okta.com","scope":"openid profile email"}""",
            DomainAliases = ["acme.example.com", "acme.test"],
            EnabledClients = ["client-a"],
            EnabledOrganizationsJson = """[{"organization_id":"org_123","assign_membership_on_login":false,"show_as_button":true}]""",
            Metadata = new Dictionary<string, string?> { ["team"] = "it" },
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        change?.Invoke(connection);
        await using var db = Get<SspDbContextFactory>().Unscoped();
        db.Connections.Add(connection);
        await db.SaveChangesAsync();
        return connection;
    }

    public async Task<T> DbAsync<T>(Func<SspDbContext, Task<T>> read)
    {
        await using var db = Get<SspDbContextFactory>().Unscoped();
        return await read(db);
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
