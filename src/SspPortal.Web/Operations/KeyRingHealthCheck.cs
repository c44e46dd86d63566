using Microsoft.Extensions.Diagnostics.HealthChecks;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Web.Operations;

/// <summary>
/// Degraded when a stored client secret cannot be decrypted: the Data Protection key that protected it is missing from
/// the key ring or cannot be read (its certificate is gone). The app still serves; the secret would otherwise be
/// silently missing from the connection.
/// </summary>
internal sealed class KeyRingHealthCheck(DatabaseInitializer database, StoredSecretsCheck secrets) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // The database check reports an unreachable or outdated database; there is nothing to read then.
        if (!(await database.CheckAsync(cancellationToken).ConfigureAwait(false)).IsReady)
        {
            return HealthCheckResult.Healthy("Not checked: the database is not ready.");
        }

        var status = await secrets.CheckAsync(cancellationToken).ConfigureAwait(false);
        return status.AllReadable
            ? HealthCheckResult.Healthy($"All {status.Checked} stored client secret(s) can be decrypted.")
            : HealthCheckResult.Degraded(
                $"{status.Unreadable.Count} of {status.Checked} stored client secret(s) cannot be decrypted: their Data Protection key is missing or unreadable (connections {string.Join(", ", status.Unreadable)})."
            );
    }
}
