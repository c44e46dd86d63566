using Microsoft.Net.Http.Headers;

namespace SspPortal.Web.SetupFlow.Localization;

/// <summary>Picks the visitor's language: <c>?lang=</c>, then <c>Accept-Language</c>, then English.</summary>
public static class FlowLanguages
{
    /// <summary>The languages the flow offers (the custom-text languages of the contract).</summary>
    public static IReadOnlyList<string> Supported { get; } = ["en", "de", "es", "fr", "it", "ja", "ko", "nl", "pt-BR", "zh-CN"];

    public static string Resolve(string? query, string? acceptLanguage)
    {
        if (Match(query) is { } fromQuery)
        {
            return fromQuery;
        }

        if (!string.IsNullOrWhiteSpace(acceptLanguage) && StringWithQualityHeaderValue.TryParseList([acceptLanguage], out var values))
        {
            foreach (var value in values.OrderByDescending(v => v.Quality ?? 1))
            {
                if (value.Quality is 0)
                {
                    continue;
                }

                if (Match(value.Value.Value) is { } fromHeader)
                {
                    return fromHeader;
                }
            }
        }

        return FlowText.DefaultLanguage;
    }

    public static string Resolve(HttpContext context) =>
        Resolve(context.Request.Query["lang"].ToString(), context.Request.Headers.AcceptLanguage.ToString());

    /// <summary>The supported language for a tag: exact (case-insensitive), else the first with the same primary subtag.</summary>
    public static string? Match(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag) || tag.Length > 35)
        {
            return null;
        }

        var exact = Supported.FirstOrDefault(s => string.Equals(s, tag, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        var primary = tag.Split('-', '_')[0];
        return Supported.FirstOrDefault(s => string.Equals(s.Split('-')[0], primary, StringComparison.OrdinalIgnoreCase));
    }
}
