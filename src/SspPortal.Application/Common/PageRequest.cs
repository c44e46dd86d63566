namespace SspPortal.Application.Common;

/// <summary>Paging as the contract's list endpoints take it.</summary>
public sealed record PageRequest(int Page = 0, int PerPage = PageRequest.DefaultPerPage, bool IncludeTotals = false)
{
    public const int DefaultPerPage = 50;
    public const int MaxPerPage = 100;

    public int Skip => Page * PerPage;
}

/// <summary>One page of a list; <see cref="Total"/> is counted only when totals were asked for.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Start, int Limit, int? Total);
