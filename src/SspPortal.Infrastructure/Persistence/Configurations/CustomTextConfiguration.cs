using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SspPortal.Application.CustomTexts;
using SspPortal.Application.Profiles;

namespace SspPortal.Infrastructure.Persistence.Configurations;

internal sealed class CustomTextConfiguration : IEntityTypeConfiguration<CustomText>
{
    public void Configure(EntityTypeBuilder<CustomText> builder)
    {
        builder.ToTable("CustomTexts");
        builder.HasKey(c => new { c.ProfileId, c.Language, c.Page });
        builder.Property(c => c.TenantId).HasMaxLength(64);
        builder.Property(c => c.ProfileId).HasMaxLength(32);
        builder.Property(c => c.Language).HasMaxLength(16);
        builder.Property(c => c.Page).HasMaxLength(32);
        builder.Property(c => c.Entries).HasJsonConversion();
        builder.HasOne<SelfServiceProfile>().WithMany().HasForeignKey(c => c.ProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.TenantId);
    }
}
