using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SspPortal.Application.Common;
using SspPortal.Application.Connections;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tests.Support;
using SspPortal.Infrastructure;

namespace SspPortal.Application.Tests.Persistence;

/// <summary>
/// What must behave the same on every engine (issue: SQLite, PostgreSQL, SQL Server): connection names unique per
/// tenant regardless of case, the profile limit under concurrent creates, the concurrency token, JSON columns, times.
/// Runs on SQLite here and on the server engines through <see cref="EngineLegs"/>.
/// </summary>
public class EngineBehaviourTests : ServiceTestBase
{
    [Fact]
    public async Task SaveChanges_RefusesAConnectionName_WhenItDiffersFromAnotherOnlyInCase()
    {
        await AddConnectionAsync(TenantId, "Acme-SSO");

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => AddConnectionAsync(TenantId, "acme-sso"));

        Assert.NotNull(error.InnerException);
        Assert.Equal(1, await DbAsync(db => db.Connections.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task SaveChanges_AcceptsTheSameName_WhenTheTenantsDiffer()
    {
        await AddConnectionAsync(TenantId, "shared-name");

        await AddConnectionAsync(OtherTenantId, "SHARED-NAME");

        Assert.Equal(2, await DbAsync(db => db.Connections.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task Create_StopsExactlyAtTheProfileLimit_WhenCreatesRunConcurrently()
    {
        await SetTenantMaxProfilesAsync(3);

        var results = await Task.WhenAll(
            Enumerable.Range(0, 10).Select(i => Task.Run(() => Profiles.CreateAsync(Editor, new CreateProfileRequest { Name = $"Profile {i}" })))
        );

        Assert.Equal(3, results.Count(r => r.IsOk));
        Assert.All(results.Where(r => !r.IsOk), r => Assert.Equal(ResultStatus.Conflict, r.Status));
        Assert.Equal(3, await DbAsync(db => db.Profiles.IgnoreQueryFilters().CountAsync(p => p.TenantId == TenantId)));
    }

    [Fact]
    public async Task SaveChanges_MovesTheVersion_WhenOnlyAJsonDocumentOfTheRowChanges()
    {
        var created = await CreateProfileAsync();
        await using var stale = Db();
        var staleProfile = await stale.Profiles.IgnoreQueryFilters().SingleAsync(p => p.Id == created.Id);

        await ChangeStoredProfileAsync(created.Id, p => p.UserAttributes = [new UserAttribute { Name = "email", Description = "Email" }]);

        var stored = await DbAsync(db => db.Profiles.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.Id == created.Id));
        Assert.NotEqual(created.Version, stored.Version);
        Assert.Equal("email", Assert.Single(stored.UserAttributes).Name);
        staleProfile.Name = "Stale write";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
    }

    [Fact]
    public async Task Read_ReturnsTimesAsUtcWithMilliseconds_WhenStored()
    {
        var at = new DateTime(2026, 2, 13, 7, 23, 17, 157, DateTimeKind.Utc);

        var id = await AddConnectionAsync(TenantId, "timed", at);

        var stored = await DbAsync(db => db.Connections.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(at, stored.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, stored.CreatedAt.Kind);
        Assert.Equal(1, await DbAsync(db => db.Connections.IgnoreQueryFilters().CountAsync(c => c.CreatedAt > at.AddMilliseconds(-1) && c.CreatedAt < at.AddMilliseconds(1))));
    }

    [Fact]
    public async Task Read_ReturnsJsonColumnsAsStored_WhenTheyHoldNestedAndNonAsciiText()
    {
        var metadata = new Dictionary<string, string?> { ["région"] = "Île-de-France ✓", ["quote"] = "say \"hi\"", ["none"] = null };

        var id = await AddConnectionAsync(TenantId, "json", metadata: metadata, options: """{"client_id":"abc","nested":{"list":[1,2,3]}}""");

        var stored = await DbAsync(db => db.Connections.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(metadata, stored.Metadata);
        var options = System.Text.Json.Nodes.JsonNode.Parse(stored.OptionsJson)!;
        Assert.Equal("abc", (string?)options["client_id"]);
        Assert.Equal(3, options["nested"]!["list"]!.AsArray().Count);
        Assert.Equal(ExpectedJsonColumnType, await ColumnTypeAsync("Connections", "Metadata"));
    }

    private string ExpectedJsonColumnType =>
        Engine switch
        {
            DatabaseProvider.PostgreSql => "jsonb",
            DatabaseProvider.SqlServer => "nvarchar",
            _ => "TEXT",
        };

    /// <summary>The column's type as the migrated database reports it.</summary>
    private async Task<string?> ColumnTypeAsync(string table, string column)
    {
        await using var db = Db();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = Engine switch
        {
            DatabaseProvider.Sqlite => $"SELECT type FROM pragma_table_info('{table}') WHERE name = '{column}'",
            _ => $"SELECT data_type FROM information_schema.columns WHERE table_name = '{table}' AND column_name = '{column}'",
        };
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> AddConnectionAsync(
        string tenantId,
        string name,
        DateTime? at = null,
        Dictionary<string, string?>? metadata = null,
        string options = "{}"
    )
    {
        var id = Ids.NewConnectionId();
        await using var db = Db();
        db.Connections.Add(
            new Connection
            {
                Id = id,
                TenantId = tenantId,
                Name = name,
                OptionsJson = options,
                Metadata = metadata ?? [],
                CreatedAt = at ?? Clock.GetUtcNow().UtcDateTime,
                UpdatedAt = at ?? Clock.GetUtcNow().UtcDateTime,
            }
        );
        await db.SaveChangesAsync();
        return id;
    }
}
