using Microsoft.EntityFrameworkCore;
using SspPortal.Application.Tenants;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Application.Tests.Persistence;

/// <summary>How the app writes to its SQLite file: the <c>Database:Synchronous</c> setting and the in-process write queue.</summary>
public sealed class SqliteWriteSettingsTests
{
    [Theory]
    [InlineData(null, 1)]
    [InlineData("Normal", 1)]
    [InlineData("Full", 2)]
    public async Task Connection_UsesTheConfiguredSynchronousMode(string? setting, long expected)
    {
        await using var database = new SqliteTestDatabase(setting is null ? null : new Dictionary<string, string?> { ["Database:Synchronous"] = setting });
        await database.MigrateAsync();
        await using var db = database.Contexts.Unscoped();

        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        var mode = (long)(await command.ExecuteScalarAsync())!;

        Assert.Equal(expected, mode);
    }

    /// <summary>The write queue is entered by the transaction and again by SaveChanges inside it: neither may wait on the other.</summary>
    [Fact]
    public async Task ConcurrentWrites_AllComplete_WhenEachSavesInsideItsOwnTransaction()
    {
        await using var database = new SqliteTestDatabase();
        await database.MigrateAsync();
        var writes = Enumerable.Range(0, 24).Select(i => WriteTenantAsync(database.Contexts, $"tenant-{i}")).ToList();

        await Task.WhenAll(writes);

        await using var db = database.Contexts.Unscoped();
        Assert.Equal(24, await db.Tenants.CountAsync());
    }

    private static async Task WriteTenantAsync(SspDbContextFactory contexts, string id)
    {
        await Task.Yield();
        await using var db = contexts.Unscoped();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Tenants.Add(new Tenant { Id = id, DisplayName = id, Domain = $"{id}.example.com", CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        // Hold the write a moment, as a real request does between its statements.
        await Task.Delay(20);
        await transaction.CommitAsync();
    }
}
