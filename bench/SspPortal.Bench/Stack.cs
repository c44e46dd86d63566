using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SspPortal.Bench;

/// <summary>
/// What the scenarios run against: the test OpenID provider, the app (Production environment, fresh SQLite file,
/// a tenant added with the operator command, profiles created through the API) and the baseline.
/// </summary>
public sealed class Stack : IAsyncDisposable
{
    public const string TenantId = "acme";
    public const string Issuer = "https://issuer.bench.sspportal.test/";
    public const string Audience = "https://api.bench.sspportal.test/";
    public const string PortalLogin = "admin@acme";
    public const string PortalPassword = "Passw0rd!";

    private static readonly string[] AllScopes =
    [
        "read:self_service_profiles",
        "create:self_service_profiles",
        "update:self_service_profiles",
        "delete:self_service_profiles",
        "read:self_service_profile_custom_texts",
        "update:self_service_profile_custom_texts",
        "create:sso_access_tickets",
        "delete:sso_access_tickets",
    ];

    private readonly List<ChildProcess> _processes = [];

    private Stack(BenchOptions options, string work, string webExe, bool withBaseline)
    {
        Options = options;
        Work = work;
        WebExe = webExe;
        WithBaseline = withBaseline;
        Directory.CreateDirectory(work);
    }

    /// <summary>The app build this stack runs.</summary>
    public string WebExe { get; }

    private bool WithBaseline { get; }

    public BenchOptions Options { get; }

    public string Work { get; }

    public Uri AppUrl { get; private set; } = default!;

    public Uri BaselineUrl { get; private set; } = default!;

    public int AppPid { get; private set; }

    public string Token { get; private set; } = "";

    public IReadOnlyList<string> ProfileIds { get; private set; } = [];

    public int ProfileBytes { get; private set; }

    public static async Task<Stack> StartAsync(BenchOptions options, string work, string? webExe = null, bool withBaseline = true)
    {
        var stack = new Stack(options, work, webExe ?? options.WebExe, withBaseline);
        try
        {
            await stack.StartAllAsync();
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    private async Task StartAllAsync()
    {
        var appPort = ChildProcess.FreePort();
        AppUrl = new Uri($"http://127.0.0.1:{appPort}/");
        var portal = AppUrl.ToString().TrimEnd('/');

        Console.WriteLine("Starting the test OpenID provider");
        var provider = ChildProcess.Start(
            "node",
            ["server.mjs"],
            Path.Combine(Options.Repo, "e2e", "oidc-provider"),
            new Dictionary<string, string>
            {
                ["OIDC_PORT"] = "0",
                ["OIDC_CLIENT_ID"] = "ssp-portal",
                ["OIDC_CLIENT_SECRET"] = "ssp-portal-secret",
                ["OIDC_REDIRECT_URIS"] = $"{portal}/signin-oidc",
                ["OIDC_POST_LOGOUT_REDIRECT_URIS"] = $"{portal}/account/signed-out",
            },
            Path.Combine(Work, "oidc-provider.log")
        );
        _processes.Add(provider);
        var ready = await provider.WaitForLineAsync("OIDC_PROVIDER_READY", TimeSpan.FromSeconds(30));
        var issuer = ready[ready.IndexOf("http", StringComparison.Ordinal)..].Trim();

        var signingKey = RandomNumberGenerator.GetBytes(32);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Database__Path"] = Path.Combine(Work, "sspportal.db"),
            ["Authentication__OpenIdConnect__Authority"] = issuer,
            ["Authentication__OpenIdConnect__ClientId"] = "ssp-portal",
            ["Authentication__OpenIdConnect__ClientSecret"] = "ssp-portal-secret",
            ["Authentication__Schemes__Bearer__ValidIssuer"] = Issuer,
            ["Authentication__Schemes__Bearer__ValidAudiences__0"] = Audience,
            ["Authentication__Schemes__Bearer__SigningKeys__0__Issuer"] = Issuer,
            ["Authentication__Schemes__Bearer__SigningKeys__0__Value"] = Convert.ToBase64String(signingKey),
            // The bench measures capacity, so the per-tenant and per-IP budgets must not answer 429 during a run.
            ["Api__RateLimit__PermitLimit"] = "10000000",
            ["SetupFlow__PerIpRequestsPerMinute"] = "10000000",
            ["SetupFlow__PerTenantRequestsPerMinute"] = "10000000",
            ["SelfService__MaxProfilesPerTenant"] = "20",
        };
        foreach (var (key, value) in Options.AppEnvironment)
        {
            environment[key] = value;
        }

        Console.WriteLine("Adding the tenant with the operator command");
        var webDirectory = Path.GetDirectoryName(WebExe)!;
        var (exitCode, output) = await ChildProcess.RunAsync(
            WebExe,
            ["tenants", "add", TenantId, "--domain", AppUrl.Authority, "--name", "Acme Corp", "--max-profiles", "20"],
            webDirectory,
            environment,
            TimeSpan.FromMinutes(2)
        );
        if (exitCode != 0)
        {
            throw new InvalidOperationException("tenants add failed: " + output);
        }

        Console.WriteLine($"Starting the app on {AppUrl}");
        var app = ChildProcess.Start(WebExe, ["--urls", portal], webDirectory, environment, Path.Combine(Work, "app.log"));
        _processes.Add(app);
        AppPid = app.Id;
        await WaitReadyAsync(new Uri(AppUrl, "health/ready"), app);

        Token = MintToken(signingKey);
        ProfileIds = await SeedProfilesAsync();

        using var http = Client();
        var body = await http.GetByteArrayAsync($"api/v2/self-service-profiles/{ProfileIds[0]}");
        ProfileBytes = body.Length;
        var bodyFile = Path.Combine(Work, "baseline-body.json");
        await File.WriteAllBytesAsync(bodyFile, body);

        if (!WithBaseline)
        {
            return;
        }

        var baselinePort = ChildProcess.FreePort();
        BaselineUrl = new Uri($"http://127.0.0.1:{baselinePort}/");
        Console.WriteLine($"Starting the baseline on {BaselineUrl}");
        var baseline = ChildProcess.Start(
            Options.BaselineExe,
            ["--urls", BaselineUrl.ToString().TrimEnd('/')],
            Path.GetDirectoryName(Options.BaselineExe)!,
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["BENCH_BASELINE_BODY"] = bodyFile,
            },
            Path.Combine(Work, "baseline.log")
        );
        _processes.Add(baseline);
        await WaitReadyAsync(new Uri(BaselineUrl, "profile"), baseline);
    }

    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = AppUrl, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.DisposeAsync();
        }
    }

    private static string MintToken(byte[] key)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(
            new SecurityTokenDescriptor
            {
                Issuer = Issuer,
                Audience = Audience,
                IssuedAt = now,
                NotBefore = now.AddMinutes(-1),
                Expires = now.AddHours(2),
                Claims = new Dictionary<string, object>
                {
                    ["sub"] = "bench-client@clients",
                    ["client_id"] = "bench-client",
                    ["ssp_tenant"] = TenantId,
                    ["scope"] = string.Join(' ', AllScopes),
                },
                SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
            }
        );
    }

    private async Task<IReadOnlyList<string>> SeedProfilesAsync()
    {
        using var http = Client();
        var ids = new List<string>();
        for (var i = 1; i <= 20; i++)
        {
            var json = $$$"""
                {"name":"Customer SSO {{{i:D2}}}","description":"Self-service single sign-on for enterprise customer {{{i}}}",
                 "user_attributes":[{"name":"email","description":"Work email","is_optional":false},
                                    {"name":"given_name","description":"First name","is_optional":true},
                                    {"name":"department","description":"Department","is_optional":true}],
                 "allowed_strategies":["oidc","samlp","waad","okta"],
                 "branding":{"logo_url":"https://cdn.example.com/logos/customer-{{{i}}}.png","colors":{"primary":"#19aecc"} } }
                """;
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("api/v2/self-service-profiles", content);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"Creating profile {i} answered {(int)response.StatusCode}: {body}");
            }

            using var doc = JsonDocument.Parse(body);
            ids.Add(doc.RootElement.GetProperty("id").GetString()!);
        }

        return ids;
    }

    private static async Task WaitReadyAsync(Uri url, ChildProcess process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The process for {url} exited while starting; see its log.");
            }

            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{url} did not answer within 90 s.");
    }
}
