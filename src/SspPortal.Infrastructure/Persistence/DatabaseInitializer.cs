using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SspPortal.Infrastructure.Persistence;

/// <summary>What the readiness check and the <c>migrate</c> command learn about the database.</summary>
public sealed record DatabaseStatus(bool Reachable, IReadOnlyList<string> PendingMigrations, string? Error)
{
    public bool IsReady => Reachable && PendingMigrations.Count == 0;
}

/// <summary>
/// Brings the database to the current schema: creates the data folder, switches SQLite to WAL, applies pending
/// migrations through EF's migrator (the configured engine's set) and imports the keys of an earlier release's key
/// folder. Used on start-up (when <c>Database:MigrateOnStartup</c>) and by the <c>migrate</c> command. Never
/// <c>EnsureCreated</c>: that is for tests only.
/// </summary>
public sealed partial class DatabaseInitializer(
    SspDbContextFactory contexts,
    IOptions<DatabaseOptions> options,
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger
)
{
    /// <summary>The absolute path of the database file (SQLite).</summary>
    public string DatabasePath => options.Value.ResolvePath(environment.ContentRootPath);

    /// <summary>What messages call the database: the SQLite file's path, or the server engine (never its connection string).</summary>
    public string Target =>
        options.Value.ProviderKind == DatabaseProvider.Sqlite ? DatabasePath : $"the {options.Value.ProviderKind} database";

    /// <summary>The idempotent SQL of every migration for the configured engine, for those who apply changes by hand.</summary>
    public string Script()
    {
        using var context = contexts.Unscoped();
        return context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }

    /// <summary>Applies every pending migration and returns their names (empty when the schema was current).</summary>
    public async Task<IReadOnlyList<string>> InitializeAsync(CancellationToken cancellationToken)
    {
        await using var context = contexts.Unscoped();
        if (context.Database.IsSqlite())
        {
            var folder = Path.GetDirectoryName(DatabasePath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            await UseWriteAheadLogAsync(context, cancellationToken).ConfigureAwait(false);
        }

        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        if (pending.Count == 0)
        {
            LogSchemaCurrent(logger, Target);
            return [];
        }

        LogApplyingMigrations(logger, pending.Count, Target);
        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        foreach (var migration in pending)
        {
            LogMigrationApplied(logger, migration);
        }

        return pending;
    }

    /// <summary>Whether the database answers and whether migrations are still pending. Does not change anything.</summary>
    public async Task<DatabaseStatus> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var context = contexts.Unscoped();

            // Opening a missing SQLite file would create it: a check must not change anything.
            if (context.Database.IsSqlite() && !File.Exists(DatabasePath))
            {
                return new DatabaseStatus(false, [], "The database file does not exist yet.");
            }

            if (!await context.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false))
            {
                return new DatabaseStatus(false, [], "The database cannot be reached.");
            }

            var pending = await context.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false);
            return new DatabaseStatus(true, [.. pending], null);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or IOException or TimeoutException)
        {
            return new DatabaseStatus(false, [], exception.Message);
        }
    }

    private async Task UseWriteAheadLogAsync(SspDbContext context, CancellationToken cancellationToken)
    {
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            var mode = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            LogJournalMode(logger, Convert.ToString(mode, System.Globalization.CultureInfo.InvariantCulture) ?? "unknown");
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Applying {Count} pending migration(s) to {Database}")]
    private static partial void LogApplyingMigrations(ILogger logger, int count, string database);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Applied migration {Migration}")]
    private static partial void LogMigrationApplied(ILogger logger, string migration);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Database schema is current ({Database})")]
    private static partial void LogSchemaCurrent(ILogger logger, string database);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "SQLite journal mode is {JournalMode}")]
    private static partial void LogJournalMode(ILogger logger, string journalMode);
}
