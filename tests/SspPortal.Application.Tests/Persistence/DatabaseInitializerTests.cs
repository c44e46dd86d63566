using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Application.Tests.Persistence;

public sealed class DatabaseInitializerTests
{
    [Fact]
    public async Task Initialize_CreatesTheDataFolderAndAppliesEveryMigration_WhenTheFileIsMissing()
    {
        await using var database = new SqliteTestDatabase();
        var initializer = database.Services.GetRequiredService<DatabaseInitializer>();
        Assert.False(Directory.Exists(Path.GetDirectoryName(database.DatabasePath)));

        var applied = await initializer.InitializeAsync(CancellationToken.None);

        Assert.True(File.Exists(database.DatabasePath));
        await using var context = new SspDbContext(database.PlainOptions());
        Assert.Equal(context.Database.GetMigrations(), applied);
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Initialize_AppliesNothing_WhenRunASecondTime()
    {
        await using var database = new SqliteTestDatabase();
        var initializer = database.Services.GetRequiredService<DatabaseInitializer>();
        await initializer.InitializeAsync(CancellationToken.None);

        var applied = await initializer.InitializeAsync(CancellationToken.None);

        Assert.Empty(applied);
    }

    [Fact]
    public async Task Initialize_SwitchesTheFileToWriteAheadLogging_WhenItCreatesIt()
    {
        await using var database = new SqliteTestDatabase();
        await database.MigrateAsync();

        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Check_ReportsNotReachable_WhenTheFileDoesNotExist()
    {
        await using var database = new SqliteTestDatabase();
        var initializer = database.Services.GetRequiredService<DatabaseInitializer>();

        var status = await initializer.CheckAsync(CancellationToken.None);

        Assert.False(status.Reachable);
        Assert.False(status.IsReady);
        Assert.False(File.Exists(database.DatabasePath));
    }

    [Fact]
    public async Task Check_ReportsPendingMigrations_WhenTheFileHasNoSchema()
    {
        await using var database = new SqliteTestDatabase();
        Directory.CreateDirectory(Path.GetDirectoryName(database.DatabasePath)!);
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
        }

        var status = await database.Services.GetRequiredService<DatabaseInitializer>().CheckAsync(CancellationToken.None);

        Assert.True(status.Reachable);
        Assert.Contains("20261123000000_InitialSchema", status.PendingMigrations);
        Assert.False(status.IsReady);
    }

    [Fact]
    public async Task Check_ReportsReady_WhenMigrated()
    {
        await using var database = new SqliteTestDatabase();
        await database.MigrateAsync();

        var status = await database.Services.GetRequiredService<DatabaseInitializer>().CheckAsync(CancellationToken.None);

        Assert.True(status.IsReady, status.Error);
    }
}
