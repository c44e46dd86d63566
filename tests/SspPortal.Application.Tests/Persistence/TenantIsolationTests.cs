using Microsoft.EntityFrameworkCore;
using SspPortal.Application.Audit;
using SspPortal.Application.Common;
using SspPortal.Application.Connections;
using SspPortal.Application.CustomTexts;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tenants;
using SspPortal.Application.Tickets;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Application.Tests.Persistence;

/// <summary>Guards the tenant boundary: every tenant-owned entity is filtered, and a tenant's context sees only its rows.</summary>
public sealed class TenantIsolationTests
{
    [Fact]
    public async Task Model_HasATenantQueryFilter_OnEveryTenantOwnedEntity()
    {
        await using var database = new SqliteTestDatabase();
        await using var context = new SspDbContext(database.PlainOptions());
        var owned = TenantOwnedEntityTypes(context).ToList();

        Assert.NotEmpty(owned);
        Assert.All(
            owned,
            entityType =>
            {
                var filter = entityType.GetDeclaredQueryFilters().SingleOrDefault()?.Expression;
                Assert.True(filter is not null, $"{entityType.DisplayName()} has no tenant query filter.");
                Assert.Contains(nameof(ITenantOwned.TenantId), filter.Body.ToString(), StringComparison.Ordinal);
            }
        );
    }

    [Fact]
    public async Task Model_DeclaresEveryEntityWithATenantIdAsTenantOwned()
    {
        await using var database = new SqliteTestDatabase();
        await using var context = new SspDbContext(database.PlainOptions());

        var unguarded = context
            .Model.GetEntityTypes()
            .Where(e => !e.IsOwned() && e.ClrType != typeof(Tenant))
            .Where(e => e.FindProperty(nameof(ITenantOwned.TenantId)) is not null)
            .Where(e => !typeof(ITenantOwned).IsAssignableFrom(e.ClrType))
            .Select(e => e.DisplayName());

        Assert.Empty(unguarded);
    }

    [Fact]
    public async Task ForTenant_FiltersEveryTenantOwnedSetByTenant_WhenQueried()
    {
        await using var database = new SqliteTestDatabase();
        await database.MigrateAsync();
        await using var context = database.Contexts.ForTenant("tenant-a");
        var set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;
        var owned = TenantOwnedEntityTypes(context).ToList();

        Assert.NotEmpty(owned);
        Assert.All(
            owned,
            entityType =>
            {
                var query = (IQueryable)set.MakeGenericMethod(entityType.ClrType).Invoke(context, null)!;
                var sql = query.ToQueryString();
                Assert.Matches("WHERE \\S*\"TenantId\" = @", sql);
                Assert.Contains("'tenant-a'", sql, StringComparison.Ordinal);
            }
        );
    }

    [Fact]
    public async Task ForTenant_SeesOnlyItsOwnRows_WhenTwoTenantsHaveData()
    {
        await using var database = new SqliteTestDatabase();
        await database.MigrateAsync();
        await SeedAsync(database.Contexts, "tenant-a");
        await SeedAsync(database.Contexts, "tenant-b");

        await using var context = database.Contexts.ForTenant("tenant-a");

        Assert.Equal(["tenant-a"], await context.Profiles.Select(p => p.TenantId).ToListAsync());
        Assert.Equal(["tenant-a"], await context.CustomTexts.Select(p => p.TenantId).ToListAsync());
        Assert.Equal(["tenant-a"], await context.Tickets.Select(p => p.TenantId).ToListAsync());
        Assert.Equal(["tenant-a"], await context.Connections.Select(p => p.TenantId).ToListAsync());
        Assert.Equal(["tenant-a"], await context.AuditEntries.Select(p => p.TenantId).ToListAsync());
        Assert.Null(await context.Profiles.FindAsync(ProfileId("tenant-b")));
        Assert.Null(await context.Profiles.SingleOrDefaultAsync(p => p.Id == ProfileId("tenant-b")));
    }

    [Fact]
    public async Task Unscoped_SeesNoTenantOwnedRows_UnlessFiltersAreIgnoredOnPurpose()
    {
        await using var database = new SqliteTestDatabase();
        await database.MigrateAsync();
        await SeedAsync(database.Contexts, "tenant-a");
        await SeedAsync(database.Contexts, "tenant-b");

        await using var context = database.Contexts.Unscoped();

        Assert.Equal(0, await context.Profiles.CountAsync());
        Assert.Equal(0, await context.CustomTexts.CountAsync());
        Assert.Equal(0, await context.Tickets.CountAsync());
        Assert.Equal(0, await context.Connections.CountAsync());
        Assert.Equal(0, await context.AuditEntries.CountAsync());
        Assert.Equal(2, await context.Tenants.CountAsync());
        Assert.Equal(2, await context.Profiles.IgnoreQueryFilters().CountAsync());
        Assert.Equal(2, await context.Tickets.IgnoreQueryFilters().CountAsync());
    }

    private static IEnumerable<Microsoft.EntityFrameworkCore.Metadata.IEntityType> TenantOwnedEntityTypes(SspDbContext context) =>
        context.Model.GetEntityTypes().Where(e => !e.IsOwned() && typeof(ITenantOwned).IsAssignableFrom(e.ClrType));

    private static string ProfileId(string tenantId) => "ssp_" + tenantId.Replace("-", string.Empty, StringComparison.Ordinal).PadRight(22, 'x');

    private static async Task SeedAsync(SspDbContextFactory contexts, string tenantId)
    {
        var now = Timestamps.Truncate(DateTime.UtcNow);
        await using var context = contexts.ForTenant(tenantId);
        context.Tenants.Add(new Tenant { Id = tenantId, DisplayName = tenantId, Domain = $"{tenantId}.example.com", CreatedAt = now });
        context.Profiles.Add(
            new SelfServiceProfile
            {
                Id = ProfileId(tenantId),
                TenantId = tenantId,
                Name = "Profile of " + tenantId,
                AllowedStrategies = [Strategies.Oidc],
                UserAttributes = [new UserAttribute { Name = "email", Description = "Email" }],
                Branding = new Branding { LogoUrl = "https://example.com/logo.png", Colors = new BrandingColors { Primary = "#123456" } },
                CreatedAt = now,
                UpdatedAt = now,
                Version = Guid.NewGuid(),
            }
        );
        context.CustomTexts.Add(
            new CustomText
            {
                TenantId = tenantId,
                ProfileId = ProfileId(tenantId),
                Language = "en",
                Page = "get-started",
                Entries = new() { ["introduction"] = "Hello " + tenantId },
                UpdatedAt = now,
            }
        );
        context.Tickets.Add(
            new SsoTicket
            {
                Id = Guid.NewGuid(),
                TenantId = tenantId,
                ProfileId = ProfileId(tenantId),
                SecretHash = Ids.HashTicket(Ids.NewTicketSecret()),
                IssuedBy = "test",
                CreatedAt = now,
                ExpiresAt = now.AddDays(5),
                Domain = $"{tenantId}.example.com",
                RequestJson = "{}",
            }
        );
        context.Connections.Add(
            new Connection
            {
                Id = Ids.NewConnectionId(),
                TenantId = tenantId,
                Name = "connection-" + tenantId,
                Metadata = new() { ["team"] = "blue" },
                DomainAliases = ["example.com"],
                CreatedAt = now,
                UpdatedAt = now,
            }
        );
        context.AuditEntries.Add(
            new AuditEntry
            {
                TenantId = tenantId,
                Actor = "test",
                Action = "profile.created",
                TargetId = ProfileId(tenantId),
                ProfileId = ProfileId(tenantId),
                At = now,
                Summary = "Seeded.",
            }
        );
        await context.SaveChangesAsync();
    }
}
