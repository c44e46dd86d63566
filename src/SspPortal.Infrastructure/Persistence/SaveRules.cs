using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SspPortal.Application.Connections;

namespace SspPortal.Infrastructure.Persistence;

/// <summary>
/// What every save does, the same on every engine (no <c>rowversion</c>, no triggers):
/// <list type="bullet">
/// <item>a Guid concurrency token named <c>Version</c> gets a new value whenever its row (or a JSON document it owns)
/// changes, so the UPDATE checks the old value and a lost race is a <see cref="DbUpdateConcurrencyException"/>;</item>
/// <item>a connection's <see cref="NormalizedName"/> (lower-case name) is kept for the unique index that makes names
/// unique per tenant regardless of case (SQLite and PostgreSQL compare case-sensitively, SQL Server usually not).</item>
/// </list>
/// </summary>
internal static class SaveRules
{
    /// <summary>The shadow column behind the case-insensitive unique index of connection names.</summary>
    public const string NormalizedName = "NormalizedName";

    private const string Version = "Version";

    public static void Apply(ChangeTracker changeTracker)
    {
        if (changeTracker.AutoDetectChangesEnabled)
        {
            changeTracker.DetectChanges();
        }

        foreach (var entry in changeTracker.Entries().ToList())
        {
            if (entry.Entity is Connection connection && entry.State is EntityState.Added or EntityState.Modified)
            {
                var normalized = Normalize(connection.Name);
                var property = entry.Property(NormalizedName);
                if (!string.Equals(property.CurrentValue as string, normalized, StringComparison.Ordinal))
                {
                    property.CurrentValue = normalized;
                }
            }

            BumpVersion(entry);
        }
    }

    /// <summary>The normalized form of a connection name (names are ASCII letters, digits and dashes).</summary>
    public static string Normalize(string name) => name.ToLowerInvariant();

    private static void BumpVersion(EntityEntry entry)
    {
        if (entry.Metadata.IsOwned() || entry.Metadata.FindProperty(Version) is not { IsConcurrencyToken: true } token || token.ClrType != typeof(Guid))
        {
            return;
        }

        if (entry.State == EntityState.Modified || (entry.State == EntityState.Unchanged && OwnedChanged(entry)))
        {
            var version = entry.Property(token.Name);
            // A token the caller already moved for this save keeps its value; otherwise it moves here.
            if (Equals(version.CurrentValue, version.OriginalValue))
            {
                version.CurrentValue = Guid.NewGuid();
            }
        }
    }

    /// <summary>Whether a document owned by this row (a JSON column) is added, changed or removed.</summary>
    private static bool OwnedChanged(EntityEntry entry) =>
        entry
            .Navigations.Where(n => n.Metadata.TargetEntityType.IsOwned())
            .SelectMany(n =>
                n switch
                {
                    CollectionEntry collection => collection.CurrentValue?.Cast<object>().Select(o => entry.Context.Entry(o)) ?? [],
                    ReferenceEntry { TargetEntry: { } target } => [target],
                    _ => [],
                }
            )
            .Any(owned => owned.State is EntityState.Added or EntityState.Modified or EntityState.Deleted || OwnedChanged(owned))
        || entry.Context.ChangeTracker.Entries().Any(e => e.State == EntityState.Deleted && e.Metadata.IsOwned() && IsOwnedBy(e, entry));

    private static bool IsOwnedBy(EntityEntry owned, EntityEntry owner)
    {
        var ownership = owned.Metadata.FindOwnership();
        return ownership is not null
            && ownership.PrincipalEntityType == owner.Metadata
            && ownership.Properties.Select(p => owned.Property(p.Name).CurrentValue).SequenceEqual(ownership.PrincipalKey.Properties.Select(p => owner.Property(p.Name).CurrentValue));
    }
}
