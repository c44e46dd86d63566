using Microsoft.Extensions.Diagnostics.HealthChecks;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Web.Operations;

/// <summary>Ready when the database answers and no migration is pending.</summary>
internal sealed class DatabaseHealthCheck(DatabaseInitializer database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = await database.CheckAsync(cancellationToken).ConfigureAwait(false);
        if (!status.Reachable)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }

        return status.PendingMigrations.Count == 0
            ? HealthCheckResult.Healthy("The database is reachable and its migrations are applied.")
            : HealthCheckResult.Unhealthy($"The database has {status.PendingMigrations.Count} pending migration(s).");
    }
}
