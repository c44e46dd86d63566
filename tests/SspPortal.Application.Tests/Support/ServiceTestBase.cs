using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SspPortal.Application.Audit;
using SspPortal.Application.Common;
using SspPortal.Application.CustomTexts;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tenants;
using SspPortal.Application.Tickets;
using SspPortal.Infrastructure;
using SspPortal.Infrastructure.Persistence;
using SspPortal.Infrastructure.SetupFlow;

namespace SspPortal.Application.Tests.Support;

/// <summary>
/// Every test gets its own database (a SQLite file in a temp directory, or a database of its own on PostgreSQL or SQL
/// Server for the classes in <c>Persistence/EngineLegs.cs</c>), migrated the way the app migrates it, two seeded
/// tenants, and the services wired exactly as the app wires them (<c>AddInfrastructure</c>) around a test clock.
/// </summary>
public abstract class ServiceTestBase : IAsyncLifetime
{
    public const string TenantId = "acme";
    public const string TenantDomain = "acme.example.com";
    public const string CustomDomain = "login.acme.test";
    public const string OtherTenantId = "globex";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ssp-app-tests", Guid.NewGuid().ToString("N"));
    private IHost? _host;
    private TestDatabase? _database;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 2, 13, 7, 23, 17, 157, TimeSpan.Zero));

    /// <summary><c>SelfService:MaxProfilesPerTenant</c>; set it before the first service call.</summary>
    protected int ProfileLimit { get; set; } = 1;

    protected Actor Editor { get; } = Actor.ForRole(TenantId, "user-1", "Ada Editor", PortalRole.Editor);

    /// <summary>Deletes profiles and manages connections and the tenant's settings.</summary>
    protected Actor Admin { get; } = Actor.ForRole(TenantId, "user-3", "Ann Admin", PortalRole.Admin);

    protected Actor Viewer { get; } = Actor.ForRole(TenantId, "user-2", "Vic Viewer", PortalRole.Viewer);

    protected Actor OtherTenantEditor { get; } = Actor.ForRole(OtherTenantId, "user-9", "Gil Globex", PortalRole.Editor);

    /// <summary>Simulates another writer between a service's read and its SaveChanges.</summary>
    protected ConcurrentWriteInterceptor ConcurrentWriter { get; } = new();

    protected IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("Not initialized.");

    protected ISelfServiceProfileService Profiles => Services.GetRequiredService<ISelfServiceProfileService>();

    protected ICustomTextService CustomTexts => Services.GetRequiredService<ICustomTextService>();

    protected ISsoTicketService Tickets => Services.GetRequiredService<ISsoTicketService>();

    protected IAuditLogService Audit => Services.GetRequiredService<IAuditLogService>();

    /// <summary>The engine this class's tests run on (<see cref="RunsOnAttribute"/>; SQLite without one).</summary>
    protected DatabaseProvider Engine => TestDatabase.ProviderOf(GetType());

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _database = TestDatabase.Create(Engine, _directory);
        var builder = Host.CreateEmptyApplicationBuilder(
            new HostApplicationBuilderSettings { EnvironmentName = "Testing", ContentRootPath = _directory }
        );
        builder.Configuration.AddInMemoryCollection(_database.Settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" });
        // The app's own wiring, with the test clock (registered first, so the app's TryAdd keeps it) and the
        // profile limit read when the options are first used. The concurrent writer comes before the app's
        // interceptors, so that its write is done before the SQLite write gate is taken.
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.ConfigureDbContext<SspDbContext>(options => options.AddInterceptors(ConcurrentWriter));
        builder.AddInfrastructure();
        builder.Services.AddSetupFlowServices(builder.Configuration);
        builder.Services.PostConfigure<SelfServiceOptions>(options => options.MaxProfilesPerTenant = ProfileLimit);
        _host = builder.Build();

        await Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        await using var db = Db();
        db.Tenants.Add(
            new Tenant
            {
                Id = TenantId,
                DisplayName = "Acme",
                Domain = TenantDomain,
                CustomDomains = [CustomDomain],
                CreatedAt = Clock.GetUtcNow().UtcDateTime,
            }
        );
        db.Tenants.Add(
            new Tenant
            {
                Id = OtherTenantId,
                DisplayName = "Globex",
                Domain = "globex.example.com",
                CreatedAt = Clock.GetUtcNow().UtcDateTime,
            }
        );
        await db.SaveChangesAsync();
        await SeedAsync();
    }

    /// <summary>Extra data a test class needs before each test.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _host?.Dispose();
        await Task.Yield();

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp file does not make a test wrong.
        }
    }

    /// <summary>An unscoped context for seeding and for reading what the services stored.</summary>
    protected SspDbContext Db() => Services.GetRequiredService<SspDbContextFactory>().Unscoped();

    protected async Task<T> DbAsync<T>(Func<SspDbContext, Task<T>> read)
    {
        await using var db = Db();
        return await read(db);
    }

    /// <summary>Changes a stored profile through a context of its own, the way another writer would.</summary>
    protected async Task ChangeStoredProfileAsync(string id, Action<SelfServiceProfile> change)
    {
        await using var db = Db();
        var profile = await db.Profiles.IgnoreQueryFilters().SingleAsync(p => p.Id == id);
        change(profile);
        await db.SaveChangesAsync();
    }

    protected async Task SetTenantMaxProfilesAsync(int? maxProfiles, string tenantId = TenantId)
    {
        await using var db = Db();
        var tenant = await db.Tenants.SingleAsync(t => t.Id == tenantId);
        tenant.MaxProfiles = maxProfiles;
        await db.SaveChangesAsync();
    }

    protected async Task<List<AuditEntry>> AuditEntriesAsync(string tenantId = TenantId) =>
        await DbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.TenantId == tenantId).OrderBy(a => a.Id).ToListAsync());

    protected async Task<SelfServiceProfileDto> CreateProfileAsync(CreateProfileRequest? request = null, Actor? actor = null)
    {
        var result = await Profiles.CreateAsync(actor ?? Editor, request ?? new CreateProfileRequest { Name = "Acme SSO" });
        Assert.True(result.IsOk, Describe(result));
        return result.Value;
    }

    protected static string Describe(Result result) =>
        $"{result.Status} {result.ErrorCode} {result.Message} {string.Join("; ", result.Errors.Select(e => $"{e.Path}: {e.Reason}"))}";

    protected static void AssertInvalid(Result result, string path, string? reasonPart = null, string errorCode = ErrorCodes.InvalidBody)
    {
        Assert.True(result.Status == ResultStatus.Invalid, Describe(result));
        Assert.Equal(errorCode, result.ErrorCode);
        Assert.True(
            result.Errors.Any(e => e.Path == path && (reasonPart is null || e.Reason.Contains(reasonPart, StringComparison.Ordinal))),
            $"Expected an error on {path} containing '{reasonPart}', got: {Describe(result)}"
        );
    }

    /// <summary>Profiles compared by content (the DTO's lists compare by reference).</summary>
    protected static void AssertSameProfile(SelfServiceProfileDto expected, SelfServiceProfileDto actual) =>
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(expected), System.Text.Json.JsonSerializer.Serialize(actual));

    protected static void AssertOk(Result result) => Assert.True(result.IsOk, Describe(result));
}
