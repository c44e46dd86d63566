using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SspPortal.Application.Tickets;

namespace SspPortal.Infrastructure.Persistence.Configurations;

internal sealed class SsoTicketConfiguration : IEntityTypeConfiguration<SsoTicket>
{
    public void Configure(EntityTypeBuilder<SsoTicket> builder)
    {
        builder.ToTable("SsoTickets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.TenantId).HasMaxLength(64);
        // No foreign key to the profile: a ticket outlives its deleted profile as a revoked record.
        builder.Property(t => t.ProfileId).HasMaxLength(32);
        builder.Property(t => t.SecretHash).HasMaxLength(32);
        builder.Property(t => t.IssuedBy).HasMaxLength(300);
        builder.Property(t => t.ConnectionId).HasMaxLength(32);
        builder.Property(t => t.Domain).HasMaxLength(255);
        builder.HasIndex(t => t.SecretHash).IsUnique();
        builder.HasIndex(t => new { t.TenantId, t.ProfileId, t.CreatedAt });
    }
}
