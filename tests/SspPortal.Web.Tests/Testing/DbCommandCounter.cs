using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SspPortal.Web.Tests.Testing;

/// <summary>
/// Records the text of every command EF sends and counts the connections it opens, so that a test can say how much
/// database work one request does. Registered with <c>ConfigureDbContext</c>; <see cref="Reset"/> before the request.
/// </summary>
public sealed class DbCommandCounter : IDbCommandInterceptor, IDbConnectionInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();
    private int _opens;

    public IReadOnlyList<string> Commands => [.. _commands];

    public int ConnectionOpens => Volatile.Read(ref _opens);

    /// <summary>How many commands contain <paramref name="fragment"/> (e.g. a table and its key column).</summary>
    public int CountContaining(string fragment) => _commands.Count(c => c.Contains(fragment, StringComparison.Ordinal));

    public void Reset()
    {
        _commands.Clear();
        Interlocked.Exchange(ref _opens, 0);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Record(command, result);

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default
    ) => ValueTask.FromResult(Record(command, result));

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Record(command, result);

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    ) => ValueTask.FromResult(Record(command, result));

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Record(command, result);

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<object> result,
        CancellationToken cancellationToken = default
    ) => ValueTask.FromResult(Record(command, result));

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Interlocked.Increment(ref _opens);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _opens);
        return Task.CompletedTask;
    }

    private T Record<T>(DbCommand command, T result)
    {
        _commands.Enqueue(command.CommandText);
        return result;
    }
}
