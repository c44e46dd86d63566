using System.Net;
using SspPortal.Web.SetupFlow.Localization;

namespace SspPortal.Web.SetupFlow.Shared;

/// <summary>
/// Picks the introduction for a language (custom text for it, else English custom text, else the built-in default)
/// and makes it safe to render: custom text goes through the allowlist sanitiser, never straight into markup.
/// </summary>
public sealed class IntroductionRenderer
{
    /// <summary>Sanitised HTML for the introduction, or null for the built-in default.</summary>
    public string? Render(IReadOnlyDictionary<string, string> introductions, string language)
    {
        var custom = Pick(introductions, language);
        return custom is null ? null : Sanitize(custom);
    }

    public static string? Pick(IReadOnlyDictionary<string, string> introductions, string language)
    {
        if (introductions.TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        return introductions.TryGetValue(FlowText.DefaultLanguage, out var english) && !string.IsNullOrWhiteSpace(english) ? english : null;
    }

    private static string Sanitize(string text) => "<p>" + WebUtility.HtmlEncode(text) + "</p>";
}
