using System.Collections.Frozen;
using System.Globalization;
using SspPortal.Application.CustomTexts;

namespace SspPortal.Web.SetupFlow.Localization;

/// <summary>
/// The setup flow's own interface strings, per language: one file per language beside this one
/// (<c>FlowText.&lt;tag&gt;.cs</c>). English is the reference; every language the picker offers has every English key with
/// the same placeholders (<c>FlowTextTests</c> keeps it so), and a key missing all the same falls back to English.
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
        ["es"] = Spanish(),
        ["fr"] = French(),
        ["it"] = Italian(),
        ["ja"] = Japanese(),
        ["ko"] = Korean(),
        ["nl"] = Dutch(),
        ["pt-BR"] = PortugueseBrazil(),
        ["zh-CN"] = ChineseSimplified(),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The languages the flow's own strings are translated into.</summary>
    public static IReadOnlyCollection<string> TranslatedLanguages => Catalog.Keys;

    /// <summary>
    /// The text for <paramref name="key"/> in <paramref name="language"/>. A tag that is not translated itself is matched
    /// by the picker's rules (<c>de-AT</c> reads German, <c>pt</c> reads <c>pt-BR</c>, <c>zh-TW</c> reads English); a key
    /// the language lacks falls back to English, and an unknown key to the key itself.
    /// </summary>
    public static string Get(string? language, string key)
    {
        if (Own(language) is { } strings && strings.TryGetValue(key, out var text))
        {
            return text;
        }

        return Catalog[DefaultLanguage].TryGetValue(key, out var english) ? english : key;
    }

    public static string Format(string? language, string key, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, Get(language, key), args);

    /// <summary>The language's own name, for the picker.</summary>
    public static string LanguageName(string language) =>
        CustomTextCatalog.Languages.FirstOrDefault(l => string.Equals(l.Tag, language, StringComparison.OrdinalIgnoreCase))?.NativeName ?? language;

    /// <summary>The strings written for exactly <paramref name="language"/> (no matching, no fallback), or null.</summary>
    internal static IReadOnlyDictionary<string, string>? Translation(string language) =>
        Catalog.TryGetValue(language, out var strings) ? strings : null;

    private static FrozenDictionary<string, string>? Own(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        if (Catalog.TryGetValue(language, out var exact))
        {
            return exact;
        }

        return FlowLanguages.Match(language) is { } matched && Catalog.TryGetValue(matched, out var strings) ? strings : null;
    }
}
