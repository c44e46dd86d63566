using SspPortal.E2E.Infrastructure;

namespace SspPortal.E2E.Portal;

/// <summary>
/// The portal with the development sign-in and room for several profiles per tenant, so that each page test
/// works on its own profile.
/// </summary>
public sealed class PortalPagesFixture : PortalFixture
{
    public override bool UsesOpenIdConnect => false;

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["SelfService:MaxProfilesPerTenant"] = "20" };

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
