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
        builder.HasIndex(c => new { c.TenantId, c.Name }).IsUnique();
    }
}
