using SspPortal.Application.Common;
using SspPortal.Application.Tickets;

namespace SspPortal.Web.Tests.Components.Tickets;

/// <summary>The app's real ticket service, with a note of every list query the components ask it.</summary>
internal sealed class RecordingTicketService(ISsoTicketService inner) : ISsoTicketService
{
    private readonly List<TicketQuery> _queries = [];

    public IReadOnlyList<TicketQuery> Queries
    {
        get
        {
            lock (_queries)
            {
                return [.. _queries];
            }
        }
    }

    public Task<Result<IssuedTicket>> IssueAsync(
        Actor actor,
        string profileId,
        IssueTicketRequest request,
        string? customDomain,
        CancellationToken cancellationToken = default
    ) => inner.IssueAsync(actor, profileId, request, customDomain, cancellationToken);

    public Task<Result> RevokeAsync(Actor actor, string profileId, string ticketSecret, CancellationToken cancellationToken = default) =>
        inner.RevokeAsync(actor, profileId, ticketSecret, cancellationToken);

    public Task<Result> RevokeByIdAsync(Actor actor, Guid ticketId, CancellationToken cancellationToken = default) =>
        inner.RevokeByIdAsync(actor, ticketId, cancellationToken);

    public Task<Result<PagedList<TicketSummary>>> ListAsync(Actor actor, TicketQuery query, CancellationToken cancellationToken = default)
    {
        lock (_queries)
        {
            _queries.Add(query);
        }

        return inner.ListAsync(actor, query, cancellationToken);
    }
}
