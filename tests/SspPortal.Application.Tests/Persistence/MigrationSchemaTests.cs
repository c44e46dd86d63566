using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Application.Tests.Persistence;

/// <summary>The hand-written migrations must build exactly the schema the current model describes.</summary>
public sealed class MigrationSchemaTests
{
    [Fact]
    public async Task Migrate_CreatesTheSchemaOfTheModel_WhenAppliedToAnEmptyFile()
    {
        await using var migrated = new SqliteTestDatabase();
        await using var created = new SqliteTestDatabase();
        await migrated.MigrateAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(created.DatabasePath)!);
        await using (var context = new SspDbContext(created.PlainOptions()))
        {
            Assert.True(await context.Database.EnsureCreatedAsync());
        }

        var expected = SqliteSchema.Describe(created.ConnectionString);
        var actual = SqliteSchema.Describe(migrated.ConnectionString);

        Assert.Contains("table SelfServiceProfiles", expected, StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Describe_ReportsADifference_WhenAnIndexIsMissing()
    {
        await using var database = new SqliteTestDatabase();
        await database.MigrateAsync();
        var before = SqliteSchema.Describe(database.ConnectionString);

        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP INDEX IX_Tenants_EntraTenantId";
            await command.ExecuteNonQueryAsync();
        }

        Assert.NotEqual(before, SqliteSchema.Describe(database.ConnectionString));
    }

    [Fact]
    public async Task Snapshot_MatchesTheModel_WhenNoMigrationIsMissing()
    {
        await using var database = new SqliteTestDatabase();
        await using var context = new SspDbContext(database.PlainOptions());

        Assert.False(context.Database.HasPendingModelChanges(), "The model changed without a migration (or the snapshot was not updated).");
    }

    [Fact]
    public async Task Migrations_AreListedInOrder_WhenTheAssemblyIsScanned()
    {
        await using var database = new SqliteTestDatabase();
        await using var context = new SspDbContext(database.PlainOptions());
        var migrations = context.GetService<IMigrationsAssembly>().Migrations.Keys.ToList();

        Assert.NotEmpty(migrations);
        Assert.Equal("20261123000000_InitialSchema", migrations[0]);
        Assert.Equal(migrations.Order(StringComparer.Ordinal), migrations);
        Assert.NotNull(context.GetService<IMigrationsAssembly>().ModelSnapshot);
    }
}
