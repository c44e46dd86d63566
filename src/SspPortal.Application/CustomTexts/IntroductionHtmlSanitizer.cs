using System.Net;
using Ganss.Xss;

namespace SspPortal.Application.CustomTexts;

/// <summary>
/// Turns stored custom text into HTML that is safe to render (contract section 3). Only <c>b strong i em u br p ul ol li a</c>
/// survive, <c>a</c> keeps only an absolute <c>https:</c> or <c>mailto:</c> <c>href</c>; every other tag, attribute, style
/// and scheme is stripped. Plain text (no tags) is encoded and its line breaks kept. The portal and the flow render only
/// this output as markup.
/// </summary>
public static class IntroductionHtmlSanitizer
{
    public static readonly IReadOnlySet<string> AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "b", "strong", "i", "em", "u", "br", "p", "ul", "ol", "li", "a",
    };

    /// <summary>Safe HTML for <paramref name="text"/> (empty for null or blank input).</summary>
    public static string Sanitize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        if (!text.Contains('<', StringComparison.Ordinal))
        {
            var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            return string.Join("<br>", lines.Select(WebUtility.HtmlEncode));
        }

        return CreateSanitizer().Sanitize(text).Trim();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(
            new HtmlSanitizerOptions
            {
                AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
                AllowedAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
                AllowedSchemes = new HashSet<string>(["https", "mailto"], StringComparer.OrdinalIgnoreCase),
                UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
                AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
                AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
                AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            }
        )
        {
            KeepChildNodes = true,
            AllowDataAttributes = false,
        };
        sanitizer.FilterUrl += (_, e) =>
        {
            // Relative and protocol-relative links would resolve against the page; only absolute https/mailto stay.
            var url = e.SanitizedUrl;
            var absolute = url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto);
            if (!absolute)
            {
                e.SanitizedUrl = null;
            }
        };
        sanitizer.RemovingTag += (_, e) =>
        {
            // Keep the text of harmless wrappers (span, div, …) but drop the contents of elements that are not text.
            if (NoContentTags.Contains(e.Tag.TagName))
            {
                e.Tag.InnerHtml = "";
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link && link.HasAttribute("href"))
            {
                link.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        return sanitizer;
    }

    private static readonly HashSet<string> NoContentTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "iframe", "object", "embed", "noscript", "svg", "math", "textarea", "select", "title", "head",
    };
}
