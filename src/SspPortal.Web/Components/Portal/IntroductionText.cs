using Ganss.Xss;

namespace SspPortal.Web.Components.Portal;

/// <summary>
/// What the portal needs to know about custom text: the supported languages, the page and key, the length limit,
/// and how an introduction is made safe for the preview.
/// </summary>
public static class IntroductionText
{
    public const string Page = "get-started";
    public const string Key = "introduction";
    public const int MaxLength = 2000;

    public static readonly IReadOnlyList<string> Languages = ["en", "de", "es", "fr", "it", "ja", "ko", "nl", "pt-BR", "zh-CN"];

    public static readonly IReadOnlyList<string> Pages = [Page];

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>The introduction with everything outside the allowlist removed; null when blank.</summary>
    public static string? Sanitize(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : Sanitizer.Sanitize(raw);

    /// <summary>A language's own name with its English name, e.g. "Deutsch (German)".</summary>
    public static string DisplayName(string language)
    {
        try
        {
            var culture = System.Globalization.CultureInfo.GetCultureInfo(language);
            return culture.NativeName == culture.EnglishName ? culture.EnglishName : $"{culture.NativeName} ({culture.EnglishName})";
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            return language;
        }
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(["b", "strong", "i", "em", "u", "br", "p", "ul", "ol", "li", "a"], StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
        };
        return new HtmlSanitizer(options);
    }
}
