using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace SspPortal.Infrastructure.Persistence;

/// <summary>Transactions that work on every engine, and the lock that serializes a tenant's profile creates.</summary>
internal static class DatabaseTransactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction through the engine's execution strategy: the server engines retry
    /// transient failures, and a retrying strategy accepts a transaction only this way. On a retry the context forgets
    /// what the failed attempt tracked. <paramref name="work"/> commits; leaving without a commit rolls back.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(
        this SspDbContext db,
        Func<IDbContextTransaction, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken
    )
    {
        var attempt = 0;
        return db.Database.CreateExecutionStrategy()
            .ExecuteAsync(
                async token =>
                {
                    if (attempt++ > 0)
                    {
                        db.ChangeTracker.Clear();
                    }

                    await using var transaction = await db.Database.BeginTransactionAsync(token).ConfigureAwait(false);
                    return await work(transaction, token).ConfigureAwait(false);
                },
                cancellationToken
            );
    }

    /// <summary>
    /// Takes the tenant's row lock until the transaction ends (an UPDATE that changes nothing), so that concurrent
    /// transactions of one tenant that count and insert run one after the other on every engine: SQLite has one writer
    /// anyway; PostgreSQL and SQL Server make the second wait for the first's commit, and its count then sees the row.
    /// </summary>
    public static Task<int> LockTenantAsync(this SspDbContext db, string tenantId, CancellationToken cancellationToken) =>
        db.Tenants.Where(t => t.Id == tenantId).ExecuteUpdateAsync(set => set.SetProperty(t => t.MaxProfiles, t => t.MaxProfiles), cancellationToken);
}
