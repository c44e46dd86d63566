using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SspPortal.Application.SetupFlow;

namespace SspPortal.Infrastructure.Persistence.Configurations;

internal sealed class FlowSessionConfiguration : IEntityTypeConfiguration<FlowSession>
{
    public void Configure(EntityTypeBuilder<FlowSession> builder)
    {
        builder.ToTable("FlowSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.TenantId).HasMaxLength(64);
        builder.Property(s => s.TokenHash).HasMaxLength(32);
        builder.Property(s => s.Step).HasMaxLength(32);
        builder.Property(s => s.Strategy).HasMaxLength(32);
        builder.Property(s => s.ConnectionId).HasMaxLength(32);
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.HasIndex(s => s.TicketId);
    }
}
