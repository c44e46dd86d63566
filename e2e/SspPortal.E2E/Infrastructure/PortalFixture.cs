using Microsoft.Playwright;

namespace SspPortal.E2E.Infrastructure;

/// <summary>
/// One running portal for a test collection: the real app (own SQLite file, free port, tenants from
/// <see cref="Tenants"/>), a headless Chromium, and — for <see cref="OidcPortalFixture"/> — the test OpenID provider.
/// Everything is stopped at the end; the app's and the provider's output go to <c>artifacts/e2e/logs/</c>.
/// </summary>
public abstract class PortalFixture : IAsyncLifetime
{
    public static readonly TestTenant Acme = new("acme", "Acme Corporation");

    /// <summary>A second tenant (its domain is not this app): for isolation checks.</summary>
    public static readonly TestTenant Globex = new("globex", "Globex", "globex.example.test");

    private IPlaywright? _playwright;

    public PortalAppServer App { get; private set; } = default!;

    /// <summary>The test OpenID provider; null when the portal uses the development sign-in.</summary>
    public OidcProviderServer? Provider { get; private set; }

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseUrl => App.BaseUrl;

    /// <summary>True when users sign in through the OpenID provider, false for the development sign-in.</summary>
    public abstract bool UsesOpenIdConnect { get; }

    /// <summary>The tenants created before the app starts.</summary>
    public virtual IReadOnlyList<TestTenant> Tenants => [Acme, Globex];

    /// <summary>Extra app settings (configuration keys) for a derived fixture.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>A fresh browser context (its own cookies) whose relative URLs resolve against the app.</summary>
    public Task<IBrowserContext> NewContextAsync() =>
        Browser.NewContextAsync(
            new BrowserNewContextOptions
            {
                BaseURL = BaseUrl.ToString(),
                ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
                Locale = "en-US",
                TimezoneId = "UTC",
            }
        );

    public async Task InitializeAsync()
    {
        App = PortalAppServer.Create("Development", Settings);
        if (UsesOpenIdConnect)
        {
            Provider = await OidcProviderServer.StartAsync(App.BaseUrl);
            App.SetSetting("Authentication:OpenIdConnect:Authority", Provider.Issuer.ToString().TrimEnd('/'));
            App.SetSetting("Authentication:OpenIdConnect:ClientId", OidcProviderServer.ClientId);
            App.SetSetting("Authentication:OpenIdConnect:ClientSecret", OidcProviderServer.ClientSecret);
        }

        foreach (var tenant in Tenants)
        {
            await App.AddTenantAsync(tenant);
        }

        await App.StartAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(
            new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args =
                [
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                ],
            }
        );
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        var logs = Path.Combine(RepositoryPaths.Artifacts, "logs");
        Directory.CreateDirectory(logs);
        var name = GetType().Name;
        if (App is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(logs, $"{name}-app.log"), App.Output);
            await App.DisposeAsync();
        }

        if (Provider is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(logs, $"{name}-oidc-provider.log"), Provider.Output);
            await Provider.DisposeAsync();
        }
    }

    /// <summary><c>$SSP_CHROMIUM</c>, else <c>/usr/bin/chromium</c>.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("SSP_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
}

/// <summary>The portal with the development sign-in (Development, no OpenID Connect authority).</summary>
public sealed class DevSignInPortalFixture : PortalFixture
{
    public override bool UsesOpenIdConnect => false;
}

/// <summary>The portal signing in through the test OpenID provider (npm <c>oidc-provider</c>).</summary>
public sealed class OidcPortalFixture : PortalFixture
{
    public override bool UsesOpenIdConnect => true;
}

/// <summary>Tests sharing the portal with the development sign-in.</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<DevSignInPortalFixture>
{
    public const string Name = "Portal with development sign-in";
}

/// <summary>Tests sharing the portal that signs in through the test OpenID provider.</summary>
[CollectionDefinition(Name)]
public sealed class OidcPortalCollection : ICollectionFixture<OidcPortalFixture>
{
    public const string Name = "Portal with OpenID Connect sign-in";
}
