using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SspPortal.Application.Common;
using SspPortal.Application.Connections;
using SspPortal.Application.CustomTexts;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tests.Support;
using SspPortal.Application.Tickets;
using SspPortal.Infrastructure;
using SspPortal.Infrastructure.Persistence;
using SspPortal.Infrastructure.SetupFlow;

namespace SspPortal.Application.Tests.Persistence;

/// <summary>
/// A SQLite database made by the 2026-12-03 release (<c>Fixtures/release-2026-12-03</c>, made by that release's own
/// code: see its README), with its key folder beside it, upgrades in place when this build starts on it: every row is
/// still there and reads back the same, the stored client secret included.
/// </summary>
public sealed class ReleaseUpgradeTests : IAsyncLifetime
{
    private const string ReleaseLastMigration = "20261202060000_TenantEntityIdTemplate";
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Persistence", "Fixtures", "release-2026-12-03");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ssp-upgrade-tests", Guid.NewGuid().ToString("N"));
    private readonly Facts _facts = JsonSerializer.Deserialize<Facts>(File.ReadAllText(Path.Combine(Fixture, "facts.json")))!;
    private IHost? _host;

    private string DatabasePath => Path.Combine(_folder, "data", "sspportal.db");

    private IServiceProvider Services => _host!.Services;

    private Actor Operator { get; } =
        new(
            "acme",
            "operator",
            "Operator",
            new HashSet<string>
            {
                Scopes.ReadProfiles,
                Scopes.ReadCustomTexts,
                Scopes.ReadTickets,
                Scopes.ReadConnections,
                Scopes.ReadConnectionSecrets,
            }
        );

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "data", "keys"));
        foreach (var key in Directory.GetFiles(Path.Combine(Fixture, "keys"), "key-*.xml"))
        {
            File.Copy(key, Path.Combine(_folder, "data", "keys", Path.GetFileName(key)));
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = await File.ReadAllTextAsync(Path.Combine(Fixture, "sspportal.sql"));
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Start_KeepsEveryRowAndTheSecret_WhenTheDatabaseWasMadeByTheEarlierRelease()
    {
        await StartAsync();

        await using var db = Services.GetRequiredService<SspDbContextFactory>().Unscoped();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Contains(ReleaseLastMigration, await db.Database.GetAppliedMigrationsAsync());

        var tenant = await db.Tenants.AsNoTracking().SingleAsync();
        Assert.Equal(("acme", "Acme Corp", "acme.example.com", 5, "urn:acme:{connection}"), (tenant.Id, tenant.DisplayName, tenant.Domain, tenant.MaxProfiles, tenant.EntityIdTemplate));
        Assert.Equal(["login.acme.test"], tenant.CustomDomains);

        var profile = (await Services.GetRequiredService<ISelfServiceProfileService>().GetAsync(Operator, _facts.ProfileId)).Value;
        Assert.Equal(("Acme SSO", "Made by the 2026-12-03 release", _facts.ProfileVersion), (profile.Name, profile.Description, profile.Version));
        Assert.Equal(["email:Work e-mail:False", "department:Département:True"], profile.UserAttributes.Select(a => $"{a.Name}:{a.Description}:{a.IsOptional}"));
        Assert.Equal(["oidc", "samlp"], profile.AllowedStrategies);

        var text = (await Services.GetRequiredService<ICustomTextService>().GetAsync(Operator, _facts.ProfileId, "fr", "get-started")).Value;
        Assert.Equal("Bienvenue chez <b>Acme</b> ✓", text["introduction"]);

        var tickets = (await Services.GetRequiredService<ISsoTicketService>().ListAsync(Operator, new TicketQuery { ProfileId = _facts.ProfileId })).Value.Items;
        Assert.Equal(2, tickets.Count);
        var opened = Assert.Single(tickets, t => t.Id == _facts.OpenedTicketId);
        Assert.Equal((1, "Acme-Okta"), (opened.OpenCount, opened.ConnectionName));
        Assert.Equal(0, Assert.Single(tickets, t => t.Id == _facts.UnopenedTicketId).OpenCount);
        var secretHash = SHA256.HashData(Encoding.ASCII.GetBytes(_facts.UnopenedTicketSecret));
        Assert.True(await db.Tickets.IgnoreQueryFilters().AnyAsync(t => t.SecretHash == secretHash && t.Id == _facts.UnopenedTicketId));

        var session = await db.FlowSessions.IgnoreQueryFilters().AsNoTracking().SingleAsync();
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(_facts.SessionToken)), session.TokenHash);
        Assert.Equal((_facts.OpenedTicketId, _facts.SessionExpiresAt.ToUniversalTime(), DateTimeKind.Utc), (session.TicketId, session.ExpiresAt, session.ExpiresAt.Kind));

        var connection = (await Services.GetRequiredService<IConnectionService>().GetAsync(Operator, "con_9Zx2Kq7Wm4Np8Rt3")).Value;
        var options = JsonNode.Parse(connection.OptionsJson)!;
        Assert.Equal("fixture-client-secret-4711", (string?)options["client_secret"]);
        Assert.Equal(("Acme-OIDC", "acme-client", "eu-west"), (connection.Name, (string?)options["client_id"], connection.Metadata["région"]));
        Assert.Equal(3, await db.Connections.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task Start_ImportsTheKeyFolder_WhenTheDatabaseHasNoKeysYet()
    {
        var keyFiles = Directory.GetFiles(Path.Combine(_folder, "data", "keys"), "key-*.xml").Select(Path.GetFileNameWithoutExtension).ToList();

        await StartAsync();

        await using var db = Services.GetRequiredService<SspDbContextFactory>().Unscoped();
        Assert.NotEmpty(keyFiles);
        Assert.Equal(keyFiles.Order(), (await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync()).Order());
        Assert.True((await Services.GetRequiredService<StoredSecretsCheck>().CheckNowAsync(CancellationToken.None)).AllReadable);
    }

    [Fact]
    public async Task Start_KeepsNamesThatDifferOnlyInCase_AndRefusesANewOne()
    {
        await StartAsync();

        await using var db = Services.GetRequiredService<SspDbContextFactory>().Unscoped();
        var names = await db.Connections.IgnoreQueryFilters().OrderBy(c => c.Name).Select(c => c.Name).ToListAsync();
        Assert.Equal(["Acme-OIDC", "Acme-Okta", "acme-oidc"], names.Order(StringComparer.Ordinal));
        db.Connections.Add(
            new Connection
            {
                Id = Ids.NewConnectionId(),
                TenantId = "acme",
                Name = "ACME-OKTA",
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            }
        );
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Fixture_HasTheSchemaTheKeptMigrationsMake_SoThatTheyStillMatchTheRelease()
    {
        var fresh = Path.Combine(_folder, "fresh.db");
        var options = new DbContextOptionsBuilder<SspDbContext>()
            .UseSqlite($"Data Source={fresh};Pooling=False", sqlite => sqlite.MigrationsAssembly(MigrationsAssemblies.Sqlite))
            .Options;
        await using (var context = new SspDbContext(options))
        {
            await context.GetService<IMigrator>().MigrateAsync(ReleaseLastMigration);
        }

        Assert.Equal(SqliteSchema.Describe($"Data Source={DatabasePath};Pooling=False"), SqliteSchema.Describe($"Data Source={fresh};Pooling=False"));
    }

    private async Task StartAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", ContentRootPath = _folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Path"] = DatabasePath });
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 4, 0, 0, TimeSpan.Zero)));
        builder.AddInfrastructure();
        builder.Services.AddSetupFlowServices(builder.Configuration);
        _host = builder.Build();
        await _host.StartAsync();
    }

    private sealed record Facts(
        [property: System.Text.Json.Serialization.JsonPropertyName("profile_id")] string ProfileId,
        [property: System.Text.Json.Serialization.JsonPropertyName("profile_version")] Guid ProfileVersion,
        [property: System.Text.Json.Serialization.JsonPropertyName("opened_ticket_id")] Guid OpenedTicketId,
        [property: System.Text.Json.Serialization.JsonPropertyName("unopened_ticket_id")] Guid UnopenedTicketId,
        [property: System.Text.Json.Serialization.JsonPropertyName("unopened_ticket_secret")] string UnopenedTicketSecret,
        [property: System.Text.Json.Serialization.JsonPropertyName("session_token")] string SessionToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("session_expires_at")] DateTime SessionExpiresAt
    );
}
