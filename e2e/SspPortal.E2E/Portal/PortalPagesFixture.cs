using SspPortal.E2E.Infrastructure;

namespace SspPortal.E2E.Portal;

/// <summary>
/// The portal with the development sign-in and room for several profiles per tenant, so that each page test
/// works on its own profile. Its tenants (acme, globex) are added with the app's <c>tenants add</c> command once
/// the app runs.
/// </summary>
public sealed class PortalPagesFixture : PortalFixture, IAsyncLifetime
{
    public override bool UsesOpenIdConnect => false;

    /// <summary>None before start: <see cref="IAsyncLifetime.InitializeAsync"/> adds them with the command's own options.</summary>
    public override IReadOnlyList<TestTenant> Tenants => [];

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["SelfService:MaxProfilesPerTenant"] = "20" };

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        foreach (var tenant in new[] { Acme, Globex })
        {
            await AddTenantAsync(tenant);
        }
    }

    /// <summary>Adds a tenant to the running app (<paramref name="maxProfiles"/> overrides the setting for it).</summary>
    public Task<string> AddTenantAsync(TestTenant tenant, int? maxProfiles = null)
    {
        string[] arguments = ["tenants", "add", tenant.Id, "--domain", tenant.Domain ?? BaseUrl.Authority, "--name", tenant.DisplayName];
        return App.RunCommandAsync(maxProfiles is { } limit ? [.. arguments, "--max-profiles", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)] : arguments);
    }
}

[CollectionDefinition(Name)]
public sealed class PortalPagesCollection : ICollectionFixture<PortalPagesFixture>
{
    public const string Name = "Portal pages";
}
