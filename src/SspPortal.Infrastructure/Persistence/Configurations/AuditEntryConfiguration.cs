using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SspPortal.Application.Audit;

namespace SspPortal.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.TenantId).HasMaxLength(64);
        builder.Property(a => a.Actor).HasMaxLength(300);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.TargetId).HasMaxLength(64);
        builder.Property(a => a.ProfileId).HasMaxLength(32);
        builder.Property(a => a.Summary).HasMaxLength(1000);
        builder.HasIndex(a => new { a.TenantId, a.At });
        builder.HasIndex(a => new { a.TenantId, a.ProfileId });
    }
}
