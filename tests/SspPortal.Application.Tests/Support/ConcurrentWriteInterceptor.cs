using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SspPortal.Application.Tests.Support;

/// <summary>
/// When armed, runs one SQL statement on the same connection just before the next SaveChanges sends its commands:
/// the way another editor's write lands between our read and our write.
/// </summary>
public sealed class ConcurrentWriteInterceptor : SaveChangesInterceptor
{
    private Func<DbContext, string>? _sql;

    public void Arm(string sql) => _sql = _ => sql;

    /// <summary>Arms with SQL made from what the saving context is about to write (its change tracker).</summary>
    public void Arm(Func<DbContext, string> sqlFor) => _sql = sqlFor;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        if (Interlocked.Exchange(ref _sql, null) is { } sqlFor && eventData.Context is { } context)
        {
            var sql = sqlFor(context);
            var connection = context.Database.GetDbConnection();
            if (connection.State != System.Data.ConnectionState.Open)
            {
                await connection.OpenAsync(cancellationToken);
            }

            await using DbCommand command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return result;
    }
}
