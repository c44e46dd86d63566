using SspPortal.Application.SetupFlow;
using SspPortal.Application.Tickets;

namespace SspPortal.Infrastructure.SetupFlow;

/// <summary>
/// What the flow's tenant resolution read for the current request (the ticket behind a ticket URL, or the session
/// behind a cookie and its ticket), handed to the flow service in the same request so that each row is read once
/// per request instead of twice (once for the rate-limit budget, once for the page). Scoped: an HTTP request's scope;
/// a circuit's scope never has anything here, since only the guard in front of /self-service resolves. Each lookup
/// is taken at most once, by the first read of the same credential, so a second read in the same request (after a
/// write) goes to the database; entries older than <see cref="MaxAge"/> are ignored.
/// </summary>
public sealed class FlowRequestLookups(TimeProvider clock)
{
    /// <summary>A lookup older than this is read again (a request that took long must not act on an old row).</summary>
    internal static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private TicketLookup? _ticket;
    private SessionLookup? _session;

    /// <summary>Remembers the ticket (or that there is none) read for the secret with this hash.</summary>
    public void RememberTicket(byte[] secretHash, SsoTicket? ticket) => _ticket = new TicketLookup(secretHash, ticket, clock.GetUtcNow());

    /// <summary>Remembers the session (or that there is none) read for the token with this hash, with its ticket.</summary>
    public void RememberSession(byte[] tokenHash, FlowSession? session, SsoTicket? ticket) =>
        _session = new SessionLookup(tokenHash, session, ticket, clock.GetUtcNow());

    /// <summary>The ticket remembered for this hash, once; false when there is none to take (read it then).</summary>
    public bool TryTakeTicket(byte[] secretHash, out SsoTicket? ticket)
    {
        var found = _ticket;
        _ticket = null;
        if (found is not null && IsFresh(found.At) && found.Hash.AsSpan().SequenceEqual(secretHash))
        {
            ticket = found.Ticket;
            return true;
        }

        ticket = null;
        return false;
    }

    /// <summary>The session and ticket remembered for this hash, once; false when there are none to take.</summary>
    public bool TryTakeSession(byte[] tokenHash, out FlowSession? session, out SsoTicket? ticket)
    {
        var found = _session;
        _session = null;
        if (found is not null && IsFresh(found.At) && found.Hash.AsSpan().SequenceEqual(tokenHash))
        {
            session = found.Session;
            ticket = found.Ticket;
            return true;
        }

        session = null;
        ticket = null;
        return false;
    }

    private bool IsFresh(DateTimeOffset at) => clock.GetUtcNow() - at < MaxAge;

    private sealed record TicketLookup(byte[] Hash, SsoTicket? Ticket, DateTimeOffset At);

    private sealed record SessionLookup(byte[] Hash, FlowSession? Session, SsoTicket? Ticket, DateTimeOffset At);
}
