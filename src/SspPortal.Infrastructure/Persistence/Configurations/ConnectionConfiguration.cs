using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SspPortal.Application.Connections;

namespace SspPortal.Infrastructure.Persistence.Configurations;

internal sealed class ConnectionConfiguration : IEntityTypeConfiguration<Connection>
{
    public void Configure(EntityTypeBuilder<Connection> builder)
    {
        builder.ToTable("Connections");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(32);
        builder.Property(c => c.TenantId).HasMaxLength(64);
        builder.Property(c => c.Name).HasMaxLength(128);
        builder.Property(c => c.DisplayName).HasMaxLength(128);
        builder.Property(c => c.Strategy).HasMaxLength(32);
        builder.Property(c => c.DomainAliases);
        builder.Property(c => c.EnabledClients);
        builder.Property(c => c.Metadata).HasJsonConversion();
        // Unique per tenant regardless of case, the same on every engine: the index is on the lower-case name (SaveRules).
        builder.Property<string>(SaveRules.NormalizedName).HasMaxLength(128).IsRequired();
        builder.HasIndex(nameof(Connection.TenantId), SaveRules.NormalizedName).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.Name });
    }
}
