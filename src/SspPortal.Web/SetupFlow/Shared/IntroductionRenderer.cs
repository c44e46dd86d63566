using SspPortal.Application.CustomTexts;

namespace SspPortal.Web.SetupFlow.Shared;

/// <summary>
/// The introduction for a language (custom text for it, else English custom text, else the built-in default), made
/// safe to render with the allowlist sanitiser: custom text never reaches the markup unsanitised.
/// </summary>
public sealed class IntroductionRenderer
{
    public string Render(IReadOnlyDictionary<string, string> introductions, string language) =>
        IntroductionHtmlSanitizer.Sanitize(CustomTextCatalog.ResolveIntroduction(language, introductions).Text);

    /// <summary>The built-in introduction, sanitised like any other.</summary>
    public static string Default(string language) => IntroductionHtmlSanitizer.Sanitize(CustomTextCatalog.DefaultIntroduction(language));
}
