using Microsoft.EntityFrameworkCore;
using SspPortal.Application.Common;
using SspPortal.Application.Tickets;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Infrastructure.Services;

/// <summary>
/// The ticket list as one database query: filters (status worked out in SQL with the same precedence as
/// <see cref="TicketRules.StatusAt(DateTime, DateTime, DateTime?, int, DateTime?, DateTime?)"/>), search and order.
/// </summary>
internal static class TicketListQuery
{
    /// <summary>A ticket with the name of the connection it reserved or edits (null when that connection is gone).</summary>
    internal sealed class Row
    {
        public required SsoTicket Ticket { get; init; }

        public string? ConnectionName { get; init; }
    }

    public static IQueryable<Row> Filter(SspDbContext db, TicketQuery query, DateTime now)
    {
        var rows =
            from t in db.Tickets.AsNoTracking()
            join c in db.Connections.AsNoTracking() on t.ConnectionId equals c.Id into connections
            from c in connections.DefaultIfEmpty()
            select new Row { Ticket = t, ConnectionName = c == null ? null : c.Name };

        if (query.ProfileId is { } profileId)
        {
            rows = rows.Where(r => r.Ticket.ProfileId == profileId);
        }

        if (query.CreatedFrom is { } from)
        {
            var fromUtc = ListRules.Utc(from);
            rows = rows.Where(r => r.Ticket.CreatedAt >= fromUtc);
        }

        if (query.CreatedTo is { } to)
        {
            var toUtc = ListRules.Utc(to);
            rows = rows.Where(r => r.Ticket.CreatedAt < toUtc);
        }

        if (ListRules.Term(query.Search) is { } term)
        {
            rows = Search(rows, term);
        }

        if (query.Statuses.Count > 0 && query.Statuses.Distinct().Count() < Enum.GetValues<TicketStatus>().Length)
        {
            rows = WithStatus(rows, query.Statuses, now);
        }

        return rows;
    }

    public static IQueryable<Row> Order(IQueryable<Row> rows, TicketQuery query) =>
        (query.Sort, query.Descending) switch
        {
            (TicketSort.ExpiresAt, true) => rows.OrderByDescending(r => r.Ticket.ExpiresAt).ThenByDescending(r => r.Ticket.Id),
            (TicketSort.ExpiresAt, false) => rows.OrderBy(r => r.Ticket.ExpiresAt).ThenBy(r => r.Ticket.Id),
            (_, true) => rows.OrderByDescending(r => r.Ticket.CreatedAt).ThenByDescending(r => r.Ticket.Id),
            (_, false) => rows.OrderBy(r => r.Ticket.CreatedAt).ThenBy(r => r.Ticket.Id),
        };

    /// <summary>A whole ticket id matches that ticket; other text matches part of the connection's name or its id.</summary>
    private static IQueryable<Row> Search(IQueryable<Row> rows, string term)
    {
        if (Guid.TryParse(term, out var ticketId))
        {
            return rows.Where(r => r.Ticket.Id == ticketId);
        }

        var lowered = term.ToLowerInvariant();
        return rows.Where(r =>
            (r.ConnectionName != null && r.ConnectionName.ToLower().Contains(lowered)) || r.Ticket.ConnectionId == term
        );
    }

    private static IQueryable<Row> WithStatus(IQueryable<Row> rows, IReadOnlyCollection<TicketStatus> statuses, DateTime now)
    {
        var revoked = statuses.Contains(TicketStatus.Revoked);
        var completed = statuses.Contains(TicketStatus.Completed);
        var exhausted = statuses.Contains(TicketStatus.Exhausted);
        var expired = statuses.Contains(TicketStatus.Expired);
        var opened = statuses.Contains(TicketStatus.Opened);
        var active = statuses.Contains(TicketStatus.Active);
        // A session that started at or before this instant is over (opened + 5 h <= now).
        var sessionCutoff = now - TicketRules.SessionLifetime;
        const int maxOpens = TicketRules.MaxOpens;
        return rows.Where(r =>
            (revoked && r.Ticket.RevokedAt != null)
            || (
                r.Ticket.RevokedAt == null
                && (
                    (completed && r.Ticket.CompletedAt != null)
                    || (
                        r.Ticket.CompletedAt == null
                        && (
                            (exhausted && r.Ticket.OpenCount >= maxOpens)
                            || (
                                r.Ticket.OpenCount < maxOpens
                                && (
                                    (expired && r.Ticket.FirstOpenedAt != null && r.Ticket.FirstOpenedAt <= sessionCutoff)
                                    || (expired && r.Ticket.FirstOpenedAt == null && r.Ticket.ExpiresAt <= now)
                                    || (opened && r.Ticket.FirstOpenedAt != null && r.Ticket.FirstOpenedAt > sessionCutoff)
                                    || (active && r.Ticket.FirstOpenedAt == null && r.Ticket.ExpiresAt > now)
                                )
                            )
                        )
                    )
                )
            )
        );
    }
}
