using FluentValidation;

namespace SspPortal.Application.Common;

/// <summary>The rules the portal's list queries share, with messages in plain words for the filters above a grid.</summary>
public static class ListRules
{
    /// <summary>The longest search text a list accepts.</summary>
    public const int MaxSearchLength = 200;

    public const string PagePath = "page";
    public const string PerPagePath = "per_page";
    public const string SearchPath = "search";
    public const string ProfilePath = "profile";
    public const string ToPath = "to";

    public static readonly string PageMessage = "The page number cannot be negative.";
    public static readonly string PerPageMessage = $"Show between 1 and {PageRequest.MaxPerPage} rows per page.";
    public static readonly string SearchMessage = $"Search for at most {MaxSearchLength} characters.";
    public const string ProfileMessage = "This is not a profile id.";
    public const string RangeMessage = "The end of the date range is before its start.";

    /// <summary>Page number and size: at least page 0, between 1 and <see cref="PageRequest.MaxPerPage"/> rows.</summary>
    public static void Paging<T>(AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, PageRequest>> page)
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(page).NotNull().WithMessage(PerPageMessage).OverridePropertyName(PerPagePath);
        validator
            .RuleFor(page)
            .Must(p => p is null || p.Page >= 0)
            .WithMessage(PageMessage)
            .OverridePropertyName(PagePath);
        validator
            .RuleFor(page)
            .Must(p => p is null || p.PerPage is >= 1 and <= PageRequest.MaxPerPage)
            .WithMessage(PerPageMessage)
            .OverridePropertyName(PerPagePath);
    }

    /// <summary>The search text, trimmed; null when there is nothing to search for.</summary>
    public static string? Term(string? search) => string.IsNullOrWhiteSpace(search) ? null : search.Trim();

    /// <summary>The instant as UTC (a local or unspecified time is taken as local time).</summary>
    public static DateTime Utc(DateTime value) =>
        value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc);
}
