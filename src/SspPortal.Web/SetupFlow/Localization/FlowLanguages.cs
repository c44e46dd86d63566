using SspPortal.Application.CustomTexts;

namespace SspPortal.Web.SetupFlow.Localization;

/// <summary>Picks the visitor's language: <c>?lang=</c>, then <c>Accept-Language</c>, then English (the custom-text catalog's rules).</summary>
public static class FlowLanguages
{
    /// <summary>The languages the flow offers: the custom-text languages.</summary>
    public static IReadOnlyList<string> Supported { get; } = [.. CustomTextCatalog.Languages.Select(l => l.Tag)];

    public static string Resolve(string? query, string? acceptLanguage) => CustomTextCatalog.PickLanguage(query, acceptLanguage);

    public static string Resolve(HttpContext context) =>
        Resolve(context.Request.Query["lang"].ToString(), context.Request.Headers.AcceptLanguage.ToString());

    /// <summary>The supported language for a tag (exact or by primary subtag), or null.</summary>
    public static string? Match(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var picked = CustomTextCatalog.PickLanguage(tag, null);
        return picked != CustomTextCatalog.DefaultLanguage || tag.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? picked : null;
    }
}
