using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SspPortal.Application.Tenants;

namespace SspPortal.Infrastructure.Persistence.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("Tenants");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(64);
        builder.Property(t => t.DisplayName).HasMaxLength(200);
        builder.Property(t => t.Domain).HasMaxLength(255);
        builder.Property(t => t.CustomDomains);
        builder.Property(t => t.EntraTenantId).HasMaxLength(64);
        builder.Property(t => t.LoginCallbackUrl).HasMaxLength(1024);
        builder.Property(t => t.EntityIdTemplate).HasMaxLength(300);
        builder.HasIndex(t => t.EntraTenantId);
    }
}
