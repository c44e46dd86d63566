using System.Globalization;
using SspPortal.Application.Common;
using SspPortal.Application.Common.Validation;

namespace SspPortal.Web.Api.Binding;

/// <summary>The list endpoint's paging parameters: <c>page</c>, <c>per_page</c>, <c>include_totals</c>.</summary>
public static class QueryBinding
{
    public static Result<PageRequest> Paging(IQueryCollection query)
    {
        var page = 0;
        var perPage = PageRequest.DefaultPerPage;
        var includeTotals = false;

        if (query.TryGetValue("page", out var pageValues))
        {
            if (Single(pageValues, "page") is { } error)
            {
                return error;
            }

            if (!int.TryParse(pageValues[0], NumberStyles.None, CultureInfo.InvariantCulture, out page))
            {
                return Invalid("page", IsNegativeInteger(pageValues[0]) ? WireRules.AtLeast(0) : Mismatch("integer"));
            }
        }

        if (query.TryGetValue("per_page", out var perPageValues))
        {
            if (Single(perPageValues, "per_page") is { } error)
            {
                return error;
            }

            if (!int.TryParse(perPageValues[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out perPage))
            {
                return Invalid("per_page", Mismatch("integer"));
            }

            if (perPage < 1)
            {
                return Invalid("per_page", WireRules.AtLeast(1));
            }

            if (perPage > PageRequest.MaxPerPage)
            {
                return Invalid("per_page", WireRules.AtMost(PageRequest.MaxPerPage));
            }
        }

        if (query.TryGetValue("include_totals", out var totalsValues))
        {
            if (Single(totalsValues, "include_totals") is { } error)
            {
                return error;
            }

            if (!bool.TryParse(totalsValues[0], out includeTotals))
            {
                return Invalid("include_totals", Mismatch("boolean"));
            }
        }

        var maxPage = int.MaxValue / perPage;
        if (page > maxPage)
        {
            return Invalid("page", WireRules.AtMost(maxPage));
        }

        return new PageRequest(page, perPage, includeTotals);
    }

    private static Result<PageRequest>? Single(Microsoft.Extensions.Primitives.StringValues values, string name) =>
        values.Count == 1 ? null : Invalid(name, "Expected a single value");

    private static Result<PageRequest> Invalid(string name, string reason) =>
        Result.Invalid(name, reason, ErrorCodes.InvalidQueryString).As<PageRequest>();

    private static bool IsNegativeInteger(string? value) =>
        value is ['-', .. var digits] && digits.Length > 0 && digits.All(char.IsAsciiDigit);

    private static string Mismatch(string expected) => WireRules.WrongType(expected, "string");
}
