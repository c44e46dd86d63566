using System.Collections.Frozen;
using System.Globalization;
using SspPortal.Application.Common;
using SspPortal.Application.CustomTexts;
using SspPortal.Application.SetupFlow;

namespace SspPortal.Web.SetupFlow.Localization;

/// <summary>
/// The setup flow's own interface strings, per language: one file per language beside this one
/// (<c>FlowText.&lt;tag&gt;.cs</c>). English is the reference; every language the picker offers has every English key with
/// the same placeholders (<c>FlowTextTests</c> keeps it so), and a key missing all the same falls back to English.
/// Placeholders use <see cref="string.Format(IFormatProvider, string, object[])"/> syntax. The messages the flow's services
/// give back (<see cref="CodedMessage"/>: check names and details, parse and validation messages) are keys here too: their
/// English is <see cref="FlowMessages.English"/>, and every language translates them like any other key.
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

    /// <summary>
    /// A service's message in <paramref name="language"/>: its code's text with its values (and the message it quotes);
    /// a message without a code, or with a code this catalog does not know, as the service worded it.
    /// </summary>
    public static string Message(string? language, CodedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Code is null || !Catalog[DefaultLanguage].ContainsKey(message.Code))
        {
            return message.English;
        }

        object?[] args = message.Inner is { } inner ? [.. message.Args, Message(language, inner)] : [.. message.Args];
        return Format(language, message.Code, args);
    }

    /// <summary>A field error's reason in <paramref name="language"/> (its English reason when the service gave no code).</summary>
    public static string Reason(string? language, FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Coded is { } coded ? Message(language, coded) : error.Reason;
    }

    /// <summary>Why a result failed, in <paramref name="language"/>: its message, else its field errors.</summary>
    public static string Failure(string? language, Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Coded is { } coded)
        {
            return Message(language, coded);
        }

        return result.Message ?? string.Join(" ", result.Errors.Select(e => Reason(language, e)));
    }

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
