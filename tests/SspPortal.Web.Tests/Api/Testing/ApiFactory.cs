using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SspPortal.Application.Common;
using SspPortal.Application.Tenants;

namespace SspPortal.Web.Tests.Api.Testing;

/// <summary>
/// Hosts the whole app on a temporary SQLite file with the API's bearer scheme configured through the standard
/// <c>Authentication:Schemes:Bearer</c> section (symmetric signing key); tests mint real signed tokens with
/// <see cref="Tokens"/>. Each test creates its own tenants, so tests do not see each other's data.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Issuer = "https://issuer.ssp.test/";
    public const string Audience = "https://api.ssp.test/";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ssp-api-tests", Guid.NewGuid().ToString("N"));
    private readonly byte[] _signingKey = RandomNumberGenerator.GetBytes(32);

    public ApiFactory()
    {
        Directory.CreateDirectory(_directory);
        Tokens = new TokenMinter(Issuer, Audience, _signingKey);
    }

    public TokenMinter Tokens { get; }

    /// <summary>The app's clock; tests move it.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Settings a subclass adds or overrides.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Path"] = Path.Combine(_directory, "ssp.db"),
            ["Database:MigrateOnStartup"] = "true",
            ["SelfService:MaxProfilesPerTenant"] = "20",
            ["Api:RateLimit:PermitLimit"] = "1000000",
            ["Authentication:Schemes:Bearer:ValidIssuer"] = Issuer,
            ["Authentication:Schemes:Bearer:ValidAudiences:0"] = Audience,
            ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = Issuer,
            ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(_signingKey),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in ExtraSettings())
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public Task InitializeAsync()
    {
        _ = Server;
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platforms; the temp directory is cleaned up later.
        }
    }

    /// <summary>A new tenant with the domain <c>{id}.ssp.test</c> and the custom domain <c>login.{id}.ssp.test</c>.</summary>
    public async Task<string> CreateTenantAsync()
    {
        var id = "t-" + Guid.NewGuid().ToString("N")[..12];
        using var scope = Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<ITenantDirectory>();
        var result = await directory.AddAsync(new AddTenantRequest(id, $"{id}.ssp.test", $"Tenant {id}", [$"login.{id}.ssp.test"]));
        Assert.True(result.IsOk, $"Seeding tenant {id} failed: {result.Status} {result.Message}");
        return id;
    }

    /// <summary>A client whose requests carry a token for <paramref name="tenant"/> with <paramref name="scopes"/>.</summary>
    public HttpClient ClientFor(string tenant, params string[] scopes) => WithToken(Tokens.Create(tenant, scopes));

    /// <summary>A client with every API scope for <paramref name="tenant"/>.</summary>
    public HttpClient AdminClientFor(string tenant) => ClientFor(tenant, ApiScopes.All);

    public HttpClient WithToken(string token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Runs a service call as an actor of <paramref name="tenant"/> with every permission.</summary>
    public async Task<T> AsTenantAsync<TService, T>(string tenant, Func<TService, Actor, Task<T>> call)
        where TService : notnull
    {
        using var scope = Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<TService>();
        var actor = Actor.ForRole(tenant, "test-admin", "Test admin", PortalRole.Admin);
        return await call(service, actor);
    }
}

/// <summary>The eight scopes of the API.</summary>
public static class ApiScopes
{
    public static readonly string[] All =
    [
        Scopes.ReadProfiles,
        Scopes.CreateProfiles,
        Scopes.UpdateProfiles,
        Scopes.DeleteProfiles,
        Scopes.ReadCustomTexts,
        Scopes.UpdateCustomTexts,
        Scopes.CreateTickets,
        Scopes.DeleteTickets,
        Scopes.ReadConnections,
    ];

    public static string[] AllExcept(string scope) => [.. All.Where(s => s != scope)];
}
