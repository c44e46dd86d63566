using SspPortal.Application.Common;

namespace SspPortal.Application.Tickets;

/// <summary>
/// Which tickets to list and in what order. Times are UTC instants; the range is <see cref="CreatedFrom"/> (inclusive)
/// to <see cref="CreatedTo"/> (exclusive). An empty <see cref="Statuses"/> means every status.
/// </summary>
public sealed record TicketQuery
{
    /// <summary>Only this profile's tickets; null for the whole tenant.</summary>
    public string? ProfileId { get; init; }

    public IReadOnlyCollection<TicketStatus> Statuses { get; init; } = [];

    /// <summary>Part of the connection's name, its id, or a whole ticket id.</summary>
    public string? Search { get; init; }

    public DateTime? CreatedFrom { get; init; }

    public DateTime? CreatedTo { get; init; }

    public TicketSort Sort { get; init; } = TicketSort.CreatedAt;

    public bool Descending { get; init; } = true;

    public PageRequest Page { get; init; } = new(0, PageRequest.DefaultPerPage, IncludeTotals: true);
}
