using SspPortal.Application.Common;
using SspPortal.Application.SetupFlow;
using SspPortal.Application.Tickets;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Infrastructure.SetupFlow;

/// <summary>
/// Looks credentials up by their hashes (read-only, one or two indexed reads) and leaves what it read in
/// <see cref="FlowRequestLookups"/>, where the flow service of the same request takes it instead of reading it again.
/// </summary>
internal sealed class FlowTenantResolver(SspDbContextFactory contexts, TimeProvider clock, FlowRequestLookups lookups) : IFlowTenantResolver
{
    public async Task<string?> TenantOfUsableTicketAsync(string ticketSecret, CancellationToken cancellationToken = default)
    {
        if (!Ids.IsTicketSecret(ticketSecret))
        {
            return null;
        }

        var hash = Ids.HashTicket(ticketSecret);
        await using var db = contexts.Unscoped();
        var ticket = await CompiledQueries.TicketBySecretHash(db, hash, cancellationToken);
        lookups.RememberTicket(hash, ticket);
        return ticket is not null && TicketRules.CanOpen(ticket.StatusAt(Timestamps.Now(clock))) ? ticket.TenantId : null;
    }

    public async Task<string?> TenantOfActiveSessionAsync(string sessionToken, CancellationToken cancellationToken = default)
    {
        if (!TicketFlowService.IsSessionToken(sessionToken))
        {
            return null;
        }

        var hash = TicketFlowService.HashToken(sessionToken);
        await using var db = contexts.Unscoped();
        await db.HoldConnectionAsync(cancellationToken);
        var session = await CompiledQueries.SessionByTokenHash(db, hash, cancellationToken);
        if (session is null || session.EndedAt is not null || Timestamps.Now(clock) >= session.ExpiresAt)
        {
            lookups.RememberSession(hash, session, null);
            return null;
        }

        var ticket = await CompiledQueries.TicketOfSession(db, session.TicketId, session.TenantId, cancellationToken);
        lookups.RememberSession(hash, session, ticket);
        return ticket is { RevokedAt: null, CompletedAt: null } ? session.TenantId : null;
    }
}
