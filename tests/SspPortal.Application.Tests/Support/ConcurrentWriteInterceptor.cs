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
    private string? _sql;

    public void Arm(string sql) => _sql = sql;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        if (Interlocked.Exchange(ref _sql, null) is { } sql && eventData.Context is { } context)
        {
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
