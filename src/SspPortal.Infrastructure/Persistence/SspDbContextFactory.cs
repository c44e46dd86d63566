using Microsoft.EntityFrameworkCore;

namespace SspPortal.Infrastructure.Persistence;

/// <summary>Makes one context per operation, scoped to a tenant (or deliberately unscoped for operator work).</summary>
public sealed class SspDbContextFactory(IDbContextFactory<SspDbContext> inner)
{
    /// <summary>A context that sees only <paramref name="tenantId"/>'s rows.</summary>
    public SspDbContext ForTenant(string tenantId)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        var context = inner.CreateDbContext();
        context.TenantId = tenantId;
        return context;
    }

    /// <summary>
    /// A context with no tenant: tenant-owned sets return nothing unless a query calls <c>IgnoreQueryFilters()</c>.
    /// For the tenants table, migrations, and looking a ticket up by its hash.
    /// </summary>
    public SspDbContext Unscoped()
    {
        var context = inner.CreateDbContext();
        context.TenantId = null;
        return context;
    }
}
