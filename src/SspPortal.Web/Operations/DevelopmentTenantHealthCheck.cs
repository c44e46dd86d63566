using Microsoft.Extensions.Diagnostics.HealthChecks;
using SspPortal.Application.Tenants;

namespace SspPortal.Web.Operations;

/// <summary>In Development, ready only once tenant <c>dev</c> exists: before that, every call for it would be refused.</summary>
internal sealed class DevelopmentTenantHealthCheck(ITenantDirectory tenants) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await tenants.FindAsync(DevelopmentTenant.TenantId, cancellationToken).ConfigureAwait(false) is null
                ? HealthCheckResult.Unhealthy($"The development tenant '{DevelopmentTenant.TenantId}' does not exist yet.")
                : HealthCheckResult.Healthy($"The development tenant '{DevelopmentTenant.TenantId}' exists.");
        }
        catch (System.Data.Common.DbException)
        {
            // The database check reports why; this one only says the tenant cannot be confirmed.
            return HealthCheckResult.Unhealthy($"The development tenant '{DevelopmentTenant.TenantId}' cannot be looked up.");
        }
    }
}
