using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SspPortal.Infrastructure.Persistence;

/// <summary>
/// Applies <c>Database:Synchronous</c> once per physical SQLite connection (pooled connections keep it). The database
/// runs in WAL mode, where NORMAL syncs the log only at checkpoints instead of on every commit: a commit stays
/// atomic and survives an application crash, and only a power loss or OS crash may undo the last commits. FULL
/// syncs every commit. Measured with bench/run.sh, NORMAL about doubled ticket issuing at 32 connections.
/// </summary>
internal sealed class SqliteConnectionSettings(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    private static readonly object Marker = new();
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _applied = [];
    private readonly string _pragma = $"PRAGMA synchronous={synchronous.ToString().ToUpperInvariant()};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(
        DbConnection connection,
        ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || _applied.TryGetValue(handle, out _))
        {
            return;
        }

        // Through a command, not sqlite3_exec: a command waits out SQLITE_BUSY (a checkpoint of another connection
        // while this one opens) for its timeout, where a raw call fails at once with "database is locked".
        using (var command = connection.CreateCommand())
        {
            command.CommandText = _pragma;
            command.ExecuteNonQuery();
        }

        _applied.AddOrUpdate(handle, Marker);
    }
}
