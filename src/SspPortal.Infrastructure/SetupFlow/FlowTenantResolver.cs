using Microsoft.EntityFrameworkCore;
using SspPortal.Application.Common;
using SspPortal.Application.SetupFlow;
using SspPortal.Application.Tickets;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Infrastructure.SetupFlow;

/// <summary>Looks credentials up by their hashes (read-only, one or two indexed reads).</summary>
internal sealed class FlowTenantResolver(SspDbContextFactory contexts, TimeProvider clock) : IFlowTenantResolver
{
    private const int SessionTokenLength = 32;

    public async Task<string?> TenantOfUsableTicketAsync(string ticketSecret, CancellationToken cancellationToken = default)
    {
        if (!Ids.IsTicketSecret(ticketSecret))
        {
            return null;
        }

        var hash = Ids.HashTicket(ticketSecret);
        await using var db = contexts.Unscoped();
        var ticket = await db.Tickets.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(t => t.SecretHash == hash, cancellationToken);
        return ticket is not null && TicketRules.CanOpen(ticket.StatusAt(Timestamps.Now(clock))) ? ticket.TenantId : null;
    }

    public async Task<string?> TenantOfActiveSessionAsync(string sessionToken, CancellationToken cancellationToken = default)
    {
        if (sessionToken is not { Length: SessionTokenLength } || !sessionToken.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        var hash = TicketFlowService.HashToken(sessionToken);
        await using var db = contexts.Unscoped();
        var session = await db.FlowSessions.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(s => s.TokenHash == hash, cancellationToken);
        if (session is null || session.EndedAt is not null || Timestamps.Now(clock) >= session.ExpiresAt)
        {
            return null;
        }

        var ticketUsable = await db
            .Tickets.IgnoreQueryFilters()
            .AnyAsync(
                t => t.Id == session.TicketId && t.TenantId == session.TenantId && t.RevokedAt == null && t.CompletedAt == null,
                cancellationToken
            );
        return ticketUsable ? session.TenantId : null;
    }
}
