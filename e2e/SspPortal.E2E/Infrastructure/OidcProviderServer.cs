namespace SspPortal.E2E.Infrastructure;

/// <summary>
/// The npm <c>oidc-provider</c> test server (<c>e2e/oidc-provider/server.mjs</c>) on 127.0.0.1 with the portal as a
/// static client and the users of <see cref="TestUsers"/>. Installs its npm packages on first use.
/// </summary>
public sealed class OidcProviderServer : IAsyncDisposable
{
    public const string ClientId = "ssp-portal";
    public const string ClientSecret = "ssp-portal-secret";

    private ChildProcess? _process;

    /// <summary>The issuer (and authority), <c>http://127.0.0.1:&lt;port&gt;</c>.</summary>
    public Uri Issuer { get; private set; } = default!;

    public string Output => _process?.Output ?? "";

    /// <summary>Starts the provider for a portal at <paramref name="portalBaseUrl"/> (its redirect URIs are registered).</summary>
    public static async Task<OidcProviderServer> StartAsync(Uri portalBaseUrl, IReadOnlyDictionary<string, string?>? extraEnvironment = null)
    {
        await EnsurePackagesAsync();
        var portal = portalBaseUrl.ToString().TrimEnd('/');
        var environment = new Dictionary<string, string?>
        {
            ["OIDC_PORT"] = "0",
            ["OIDC_CLIENT_ID"] = ClientId,
            ["OIDC_CLIENT_SECRET"] = ClientSecret,
            ["OIDC_REDIRECT_URIS"] = $"{portal}/signin-oidc",
            ["OIDC_POST_LOGOUT_REDIRECT_URIS"] = $"{portal}/signout-callback-oidc",
        };
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        var server = new OidcProviderServer();
        server._process = ChildProcess.Start("oidc-provider", "node", ["server.mjs"], RepositoryPaths.OidcProviderDirectory, environment);
        var ready = await server._process.WaitForLineAsync("OIDC_PROVIDER_READY", TimeSpan.FromSeconds(30));
        server.Issuer = new Uri(ready[(ready.IndexOf("http", StringComparison.Ordinal))..].Trim());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    private static async Task EnsurePackagesAsync()
    {
        if (Directory.Exists(Path.Combine(RepositoryPaths.OidcProviderDirectory, "node_modules", "oidc-provider")))
        {
            return;
        }

        var (exitCode, output) = await ChildProcess.RunAsync(
            "npm ci",
            "npm",
            ["ci", "--no-audit", "--no-fund"],
            RepositoryPaths.OidcProviderDirectory,
            new Dictionary<string, string?>(),
            TimeSpan.FromMinutes(3)
        );
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {RepositoryPaths.OidcProviderDirectory} failed:{Environment.NewLine}{output}");
        }
    }
}
