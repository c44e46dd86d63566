using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tenants;

namespace SspPortal.Infrastructure.Persistence.Configurations;

internal sealed class SelfServiceProfileConfiguration : IEntityTypeConfiguration<SelfServiceProfile>
{
    public void Configure(EntityTypeBuilder<SelfServiceProfile> builder)
    {
        builder.ToTable("SelfServiceProfiles");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(32);
        builder.Property(p => p.TenantId).HasMaxLength(64);
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Description).HasMaxLength(140);
        builder.Property(p => p.UserAttributeProfileId).HasMaxLength(64);
        builder.Property(p => p.AllowedStrategies);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.OwnsMany(p => p.UserAttributes, a => a.ToJson());
        builder.OwnsOne(
            p => p.Branding,
            b =>
            {
                b.ToJson();
                b.OwnsOne(x => x.Colors);
            }
        );
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.TenantId, p.CreatedAt, p.Id });
    }
}
