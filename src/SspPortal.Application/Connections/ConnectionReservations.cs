using SspPortal.Application.Tickets;

namespace SspPortal.Application.Connections;

/// <summary>When a connection that is only reserved (its flow never finished) can be released.</summary>
public static class ConnectionReservations
{
    /// <summary>
    /// Whether a ticket could still lead a flow to finish: not revoked or completed, and either never opened and not
    /// past its expiry, or opened and still inside the session lifetime (a used-up ticket's sessions run until then).
    /// </summary>
    public static bool CanStillFinish(SsoTicket ticket, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.RevokedAt is not null || ticket.CompletedAt is not null)
        {
            return false;
        }

        return ticket.FirstOpenedAt is { } opened ? now < opened + TicketRules.SessionLifetime : now < ticket.ExpiresAt;
    }

    /// <summary>Whether the connection is only reserved (no strategy, not enabled).</summary>
    public static bool IsReservation(Connection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Strategy is null && !connection.Enabled;
    }

    /// <summary>
    /// Whether a reservation can no longer be finished: none of <paramref name="tickets"/> (the tickets for it) can be
    /// used any more. The caller passes every ticket whose <c>ConnectionId</c> or id names the reservation.
    /// </summary>
    public static bool IsUnusable(Connection connection, IEnumerable<SsoTicket> tickets, DateTime now) =>
        IsReservation(connection) && !tickets.Any(t => CanStillFinish(t, now));
}
