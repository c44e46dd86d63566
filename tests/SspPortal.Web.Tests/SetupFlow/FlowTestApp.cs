using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SspPortal.Application.Common;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tenants;
using SspPortal.Application.Tickets;
using SspPortal.Infrastructure.Persistence;
using SspPortal.Web.Tests.Testing;

namespace SspPortal.Web.Tests.SetupFlow;

/// <summary>
/// The whole app on a real SQLite file in a temp folder, with a clock the tests move and every log line kept.
/// Tenants are seeded; profiles are created through the real profile service.
/// </summary>
public sealed class FlowTestApp : WebApplicationFactory<Program>
{
    public const string TenantId = "acme";
    public const string TenantDomain = "acme.example.com";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ssp-flow-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;

    public FlowTestApp(IReadOnlyDictionary<string, string?>? settings = null)
    {
        Directory.CreateDirectory(_folder);
        _settings = new Dictionary<string, string?>
        {
            ["Database:Path"] = Path.Combine(_folder, "flow.db"),
            ["Authentication:OpenIdConnect:Authority"] = "http://127.0.0.1:9",
            ["Authentication:OpenIdConnect:ClientId"] = "flow-tests",
            ["Authentication:OpenIdConnect:ClientSecret"] = "flow-tests-secret",
            ["SetupFlow:PerIpRequestsPerMinute"] = "10000",
            ["SetupFlow:PerTenantRequestsPerMinute"] = "10000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The fetch-metadata headers of a browser's own page navigation: only such a GET opens a ticket (see <c>TicketScannerTests</c>).</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> BrowserNavigationHeaders =
    [
        new("Sec-Fetch-Mode", "navigate"),
        new("Sec-Fetch-Dest", "document"),
    ];

    /// <summary>Makes every request of <paramref name="client"/> a browser's page navigation.</summary>
    public static HttpClient AsBrowser(HttpClient client)
    {
        foreach (var (name, value) in BrowserNavigationHeaders)
        {
            client.DefaultRequestHeaders.Add(name, value);
        }

        return client;
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public ConcurrentQueue<string> LogLines { get; } = new();

    /// <summary>Every command the app sends to the database, and its connection opens.</summary>
    public DbCommandCounter Database { get; } = new();

    public Actor Editor { get; } = Actor.ForRole(TenantId, "user-1", "Ada Editor", PortalRole.Editor);

    /// <summary>Deletes profiles and manages connections and settings.</summary>
    public Actor Admin { get; } = Actor.ForRole(TenantId, "user-3", "Ann Admin", PortalRole.Admin);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Debug);
            logging.AddProvider(new CollectingLoggerProvider(LogLines));
        });
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.ConfigureDbContext<SspDbContext>(options => options.AddInterceptors(Database));
        });
    }

    /// <summary>Starts the app (migrating the database) and seeds the tenant.</summary>
    public async Task StartAsync()
    {
        _ = Server;
        await using var db = Services.GetRequiredService<SspDbContextFactory>().Unscoped();
        if (!await db.Tenants.AnyAsync(t => t.Id == TenantId))
        {
            db.Tenants.Add(new Tenant { Id = TenantId, DisplayName = "Acme", Domain = TenantDomain, CreatedAt = Timestamps.Now(Clock) });
            await db.SaveChangesAsync();
        }
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public SspDbContext Db() => Get<SspDbContextFactory>().Unscoped();

    public async Task<SelfServiceProfileDto> CreateProfileAsync(CreateProfileRequest? request = null)
    {
        var result = await Get<ISelfServiceProfileService>()
            .CreateAsync(
                Editor,
                request
                    ?? new CreateProfileRequest
                    {
                        Name = "Acme Partners",
                        UserAttributes = [new UserAttributeInput("email", "Work email", false), new UserAttributeInput("name", "Full name", true)],
                        Branding = new BrandingInput("https://cdn.acme.example.com/logo.png", new BrandingColorsInput("#0a7d4f")),
                    }
            );
        Assert.True(result.IsOk, $"{result.Status} {result.Message} {string.Join(';', result.Errors.Select(e => e.Reason))}");
        return result.Value;
    }

    /// <summary>Issues a ticket through the real ticket service and returns the secret from its URL.</summary>
    public async Task<(string Secret, Guid Id)> IssueTicketAsync(string profileId, IssueTicketRequest? request = null)
    {
        var issued = await Get<ISsoTicketService>().IssueAsync(Editor, profileId, request ?? new IssueTicketRequest(), null);
        Assert.True(issued.IsOk, $"{issued.Status} {issued.Message} {string.Join(';', issued.Errors.Select(e => $"{e.Path}: {e.Reason}"))}");
        var secret = issued.Value.Url[(issued.Value.Url.IndexOf("ticket=", StringComparison.Ordinal) + "ticket=".Length)..];
        return (secret, issued.Value.TicketId);
    }

    public async Task<SsoTicket> TicketAsync(Guid id)
    {
        await using var db = Db();
        return await db.Tickets.IgnoreQueryFilters().AsNoTracking().SingleAsync(t => t.Id == id);
    }

    public async Task RevokeAsync(Guid id)
    {
        var revoked = await Get<ISsoTicketService>().RevokeByIdAsync(Editor, id);
        Assert.True(revoked.IsOk, $"{revoked.Status} {revoked.Message}");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder does not make a test wrong.
        }
    }

    private sealed class CollectingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CollectingLogger(categoryName, lines);

        public void Dispose() { }
    }

    private sealed class CollectingLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
