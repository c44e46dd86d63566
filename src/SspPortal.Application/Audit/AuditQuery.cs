using SspPortal.Application.Common;

namespace SspPortal.Application.Audit;

/// <summary>
/// Which audit entries to list. <see cref="Action"/> and <see cref="ActorName"/> match exactly (pick them from
/// <see cref="AuditFacets"/>); <see cref="Search"/> looks in the summary and the target id. The range is
/// <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive), UTC.
/// </summary>
public sealed record AuditQuery
{
    public string? ProfileId { get; init; }

    public string? Action { get; init; }

    public string? ActorName { get; init; }

    public string? Search { get; init; }

    public DateTime? From { get; init; }

    public DateTime? To { get; init; }

    /// <summary>Newest first unless false.</summary>
    public bool Descending { get; init; } = true;

    public PageRequest Page { get; init; } = new(0, PageRequest.DefaultPerPage, IncludeTotals: true);
}
