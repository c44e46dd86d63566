using System.Collections.Frozen;
using System.Globalization;
using SspPortal.Application.CustomTexts;

namespace SspPortal.Web.SetupFlow.Localization;

/// <summary>
/// The setup flow's own interface strings, per language: one file per language beside this one
/// (<c>FlowText.&lt;tag&gt;.cs</c>). English is complete; other languages fall back to English key by key.
/// Placeholders use <see cref="string.Format(IFormatProvider, string, object[])"/> syntax.
/// </summary>
public static partial class FlowText
{
    public const string DefaultLanguage = "en";

    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Catalog = new Dictionary<
        string,
        FrozenDictionary<string, string>
    >(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = English(),
        ["de"] = German(),
        ["fr"] = French(),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The languages the flow's own strings are translated into.</summary>
    public static IReadOnlyCollection<string> TranslatedLanguages => Catalog.Keys;

    public static string Get(string? language, string key)
    {
        if (language is not null && Catalog.TryGetValue(language, out var strings) && strings.TryGetValue(key, out var text))
        {
            return text;
        }

        if (language is not null && language.Contains('-', StringComparison.Ordinal))
        {
            return Get(language[..language.IndexOf('-', StringComparison.Ordinal)], key);
        }

        return Catalog[DefaultLanguage].TryGetValue(key, out var english) ? english : key;
    }

    public static string Format(string? language, string key, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, Get(language, key), args);

    /// <summary>The language's own name, for the picker.</summary>
    public static string LanguageName(string language) =>
        CustomTextCatalog.Languages.FirstOrDefault(l => string.Equals(l.Tag, language, StringComparison.OrdinalIgnoreCase))?.NativeName ?? language;
}
