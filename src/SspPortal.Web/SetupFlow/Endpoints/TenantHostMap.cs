using SspPortal.Application.Tenants;

namespace SspPortal.Web.SetupFlow.Endpoints;

/// <summary>
/// Which tenant a request's host belongs to (its domain or one of its custom domains), from a snapshot of the
/// tenants table taken at most <see cref="Lifetime"/> ago, so that a flood of requests costs no database reads.
/// </summary>
public sealed class TenantHostMap(ITenantDirectory tenants, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Snapshot _snapshot = new(new Dictionary<string, string>(), DateTimeOffset.MinValue);

    /// <summary>The tenant id for <paramref name="host"/> (<c>host</c> or <c>host:port</c>, any case), or null.</summary>
    public async ValueTask<string?> TenantForHostAsync(string host, CancellationToken cancellationToken = default)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        return snapshot.TenantByHost.TryGetValue(host, out var tenantId) ? tenantId : null;
    }

    private async ValueTask<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot.Until > clock.GetUtcNow())
        {
            return snapshot;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            snapshot = Volatile.Read(ref _snapshot);
            if (snapshot.Until > clock.GetUtcNow())
            {
                return snapshot;
            }

            var byHost = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var tenant in await tenants.ListAsync(cancellationToken))
            {
                foreach (var host in tenant.CustomDomains.Prepend(tenant.Domain))
                {
                    byHost.TryAdd(host, tenant.Id);
                }
            }

            snapshot = new Snapshot(byHost, clock.GetUtcNow() + Lifetime);
            Volatile.Write(ref _snapshot, snapshot);
            return snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, string> TenantByHost, DateTimeOffset Until);
}
