using MudBlazor;
using SspPortal.Application.Common;
using SspPortal.Application.Tickets;
using SspPortal.Web.Components.Portal;

namespace SspPortal.Web.Components.Pages.Tickets;

/// <summary>What the tickets grid asks the service for: its page and sort, and the filters above it.</summary>
public static class TicketGridQuery
{
    public static TicketQuery From(
        GridState<TicketSummary> state,
        string? profileId,
        IReadOnlyCollection<TicketStatus> statuses,
        string? search,
        DateRange? range,
        TimeZoneInfo zone
    )
    {
        ArgumentNullException.ThrowIfNull(state);
        var sort = state.SortDefinitions.FirstOrDefault();
        return new TicketQuery
        {
            ProfileId = profileId,
            Statuses = [.. statuses],
            Search = string.IsNullOrWhiteSpace(search) ? null : search,
            // The picker's days are the browser's days: from the start of the first to the start of the day after the last.
            CreatedFrom = range?.Start is { } start ? BrowserTimeZone.StartOfDayUtc(start, zone) : null,
            CreatedTo = range?.End is { } end ? BrowserTimeZone.StartOfDayUtc(end.Date.AddDays(1), zone) : null,
            Sort = sort?.SortBy == nameof(TicketSummary.ExpiresAt) ? TicketSort.ExpiresAt : TicketSort.CreatedAt,
            Descending = sort?.Descending ?? true,
            Page = new PageRequest(state.Page, state.PageSize, IncludeTotals: true),
        };
    }
}
