using SspPortal.E2E.Infrastructure;

namespace SspPortal.E2E.SetupFlow;

/// <summary>
/// The portal (development sign-in) plus the test OpenID provider acting as the customer's identity provider:
/// its client accepts the flow's test callback. Outbound fetches may reach loopback over http (test setting).
/// </summary>
public sealed class SetupFlowFixture : PortalFixture, IAsyncLifetime
{
    public override bool UsesOpenIdConnect => false;

    /// <summary>The customer's identity provider in these tests.</summary>
    public OidcProviderServer IdentityProvider { get; private set; } = default!;

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>
        {
            ["SelfService:MaxProfilesPerTenant"] = "20",
            ["SetupFlow:AllowLoopbackFetches"] = "true",
        };

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        IdentityProvider = await OidcProviderServer.StartAsync(
            BaseUrl,
            new Dictionary<string, string?> { ["OIDC_REDIRECT_URIS"] = new Uri(BaseUrl, "/self-service/test/callback").ToString() }
        );
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (IdentityProvider is not null)
        {
            var logs = Path.Combine(RepositoryPaths.Artifacts, "logs");
            Directory.CreateDirectory(logs);
            await File.WriteAllTextAsync(Path.Combine(logs, "SetupFlowFixture-identity-provider.log"), IdentityProvider.Output);
            await IdentityProvider.DisposeAsync();
        }

        await DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SetupFlowCollection : ICollectionFixture<SetupFlowFixture>
{
    public const string Name = "Setup flow";
}
