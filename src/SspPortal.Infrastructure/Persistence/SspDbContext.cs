using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SspPortal.Application.Audit;
using SspPortal.Application.Common;
using SspPortal.Application.Connections;
using SspPortal.Application.CustomTexts;
using SspPortal.Application.Profiles;
using SspPortal.Application.SetupFlow;
using SspPortal.Application.Tenants;
using SspPortal.Application.Tickets;

namespace SspPortal.Infrastructure.Persistence;

/// <summary>
/// The one database context. Every <see cref="ITenantOwned"/> entity is filtered by <see cref="TenantId"/>:
/// a context made for tenant A cannot see tenant B's rows, and an unscoped context (TenantId null) sees none
/// unless a query says <c>IgnoreQueryFilters()</c> on purpose. Create contexts through <see cref="SspDbContextFactory"/>.
/// The same model runs on SQLite, SQL Server and PostgreSQL: what differs per engine is set in <see cref="ProviderModel"/>,
/// and what must behave the same everywhere (concurrency tokens, normalized connection names) in <see cref="SaveRules"/>.
/// </summary>
public sealed class SspDbContext(DbContextOptions<SspDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>The tenant this context is scoped to; set by <see cref="SspDbContextFactory"/>.</summary>
    public string? TenantId { get; internal set; }

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<SelfServiceProfile> Profiles => Set<SelfServiceProfile>();

    public DbSet<CustomText> CustomTexts => Set<CustomText>();

    public DbSet<SsoTicket> Tickets => Set<SsoTicket>();

    public DbSet<Connection> Connections => Set<Connection>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<FlowSession> FlowSessions => Set<FlowSession>();

    /// <summary>Data Protection's key ring (see <see cref="KeyStorage"/>); not tenant-owned.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        SaveRules.Apply(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        SaveRules.Apply(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// On SQLite, opens the connection now and keeps it open until the context is disposed, so that an operation of
    /// several queries opens it once: EF closes the connection after every query, and each open of a pooled
    /// Microsoft.Data.Sqlite connection registers EF's SQL functions again (about a tenth of a query's allocations and
    /// CPU in bench/run.sh's profiles). The server engines open per command as before, as their retrying execution
    /// strategy expects.
    /// </summary>
    public Task HoldConnectionAsync(CancellationToken cancellationToken = default) =>
        (_isSqlite ??= Database.IsSqlite()) ? Database.OpenConnectionAsync(cancellationToken) : Task.CompletedTask;

    // A pooled instance keeps its provider for life; IsSqlite() compares assembly names on every call.
    private bool? _isSqlite;

    private SqliteWriteGate? _writeGate;
    private bool _writeGateLooked;

    public override void Dispose()
    {
        ReleaseWriteGate();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        ReleaseWriteGate();
        return base.DisposeAsync();
    }

    /// <summary>A write that ended without commit, rollback or close (e.g. a transaction disposed early) must not keep the gate.</summary>
    private void ReleaseWriteGate()
    {
        if (!_writeGateLooked)
        {
            _writeGate = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<SqliteWriteGate>().FirstOrDefault();
            _writeGateLooked = true;
        }

        _writeGate?.ExitAll(this);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every engine gives times back as UTC (SQLite and SQL Server would say "unspecified"; PostgreSQL needs UTC).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SspDbContext).Assembly);
        modelBuilder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
        ProviderModel.Apply(modelBuilder, Database);

        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            if (typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType) && entityType.BaseType is null && !entityType.IsOwned())
            {
                GetType()
                    .GetMethod(nameof(ApplyTenantFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                    .MakeGenericMethod(entityType.ClrType)
                    .Invoke(this, [modelBuilder]);
            }
        }
    }

    private void ApplyTenantFilter<TEntity>(ModelBuilder modelBuilder)
        where TEntity : class, ITenantOwned =>
        modelBuilder.Entity<TEntity>().HasQueryFilter(e => e.TenantId == TenantId);
}
