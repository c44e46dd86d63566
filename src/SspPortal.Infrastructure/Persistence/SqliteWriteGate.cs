using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SspPortal.Infrastructure.Persistence;

/// <summary>
/// Lets one context at a time write to the database, queueing the others asynchronously. SQLite allows one writer;
/// a second one gets SQLITE_BUSY and Microsoft.Data.Sqlite retries it only after sleeping 150 ms on a thread-pool
/// thread, so concurrent writes (tickets issued and opened, audit entries) queued behind those sleeps: at 32 concurrent
/// ticket requests the median was above 40 ms and p99 near 500 ms (bench/run.sh). The gate is held from the start of
/// a write (a transaction, or SaveChanges) until it ends, and released at the latest when the context closes its
/// connection or is disposed. Readers never wait (WAL). One gate per configured database, so writes from another
/// process (the operator commands) still meet SQLite's own locking.
/// A bulk ExecuteUpdate/ExecuteDelete is not a SaveChanges: run it inside a transaction to queue it too (a command
/// interceptor would, but costs every read command its interception).
/// </summary>
internal sealed class SqliteWriteGate : IDbTransactionInterceptor, ISaveChangesInterceptor, IDbConnectionInterceptor
{
    /// <summary>How long a write waits for the gate before failing as SQLite would on a locked database.</summary>
    internal static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private const int SqliteBusy = 5;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, Holder> _holders = [];

    // Transactions (explicit, or SaveChanges' own) hold the gate until they end.
    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection,
        TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default
    )
    {
        await EnterAsync(eventData.Context, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection,
        TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result
    )
    {
        Enter(eventData.Context);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Exit(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Exit(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Exit(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context);
        return Task.CompletedTask;
    }

    // SaveChanges without a transaction of its own (one statement) holds it for the call.
    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        await EnterAsync(eventData.Context, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Enter(eventData.Context);
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Exit(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Exit(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => Exit(eventData.Context);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context);
        return Task.CompletedTask;
    }

    // Whatever happened, nothing stays held once the context lets its connection go.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => ExitAll(eventData.Context);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        ExitAll(eventData.Context);
        return Task.CompletedTask;
    }

    private async ValueTask EnterAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null)
        {
            return;
        }

        var holder = _holders.GetOrCreateValue(context);
        if (holder.Depth == 0 && !await _gate.WaitAsync(WaitLimit, cancellationToken).ConfigureAwait(false))
        {
            throw new SqliteException("database is locked: another write did not finish in time", SqliteBusy);
        }

        holder.Depth++;
    }

    private void Enter(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var holder = _holders.GetOrCreateValue(context);
        if (holder.Depth == 0 && !_gate.Wait(WaitLimit))
        {
            throw new SqliteException("database is locked: another write did not finish in time", SqliteBusy);
        }

        holder.Depth++;
    }

    private void Exit(DbContext? context)
    {
        if (context is null || !_holders.TryGetValue(context, out var holder) || holder.Depth == 0)
        {
            return;
        }

        holder.Depth--;
        if (holder.Depth == 0)
        {
            _gate.Release();
        }
    }

    /// <summary>Releases whatever <paramref name="context"/> holds; the context calls it when it is disposed.</summary>
    internal void ExitAll(DbContext? context)
    {
        if (context is null || !_holders.TryGetValue(context, out var holder) || holder.Depth == 0)
        {
            return;
        }

        holder.Depth = 0;
        _gate.Release();
    }

    private sealed class Holder
    {
        public int Depth { get; set; }
    }
}
