using System.Text.RegularExpressions;
using SspPortal.Application.CustomTexts;
using SspPortal.Web.SetupFlow.Localization;

namespace SspPortal.Web.Tests.SetupFlow;

/// <summary>The flow's own strings: every language the picker offers is complete, keeps the placeholders, and is found by its tag.</summary>
public sealed partial class FlowTextTests
{
    private static readonly IReadOnlyDictionary<string, string> English = FlowText.Translation(FlowText.DefaultLanguage)!;

    public static TheoryData<string> PickerLanguages()
    {
        var data = new TheoryData<string>();
        foreach (var language in FlowLanguages.Supported)
        {
            data.Add(language);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PickerLanguages))]
    public void Translation_HasEveryEnglishKey_WhenPickerOffersTheLanguage(string language)
    {
        var translation = FlowText.Translation(language);

        Assert.NotNull(translation);
        Assert.Empty(English.Keys.Except(translation.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(translation.Keys.Except(English.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(translation.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key));
    }

    [Theory]
    [MemberData(nameof(PickerLanguages))]
    public void Translation_KeepsTheEnglishPlaceholders_WhenPickerOffersTheLanguage(string language)
    {
        var translation = FlowText.Translation(language)!;

        var mismatches = English
            .Where(e => translation.ContainsKey(e.Key))
            .Where(e => Placeholders(e.Value) != Placeholders(translation[e.Key]) || HasStrayBrace(translation[e.Key]))
            .Select(e => $"{e.Key}: \"{translation[e.Key]}\"");

        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData("pt-BR", "pt-BR")]
    [InlineData("pt-br", "pt-BR")]
    [InlineData("pt", "pt-BR")]
    [InlineData("pt-PT", "pt-BR")]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("zh-Hans-CN", "zh-CN")]
    [InlineData("zh-TW", "en")]
    [InlineData("de-AT", "de")]
    [InlineData("de-CH", "de")]
    [InlineData("en-GB", "en")]
    [InlineData("sv-SE", "en")]
    public void Get_ReadsThePickersLanguage_WhenTagIsRegional(string tag, string expected)
    {
        var text = FlowText.Get(tag, "invalid.title");

        Assert.Equal(FlowText.Translation(expected)!["invalid.title"], text);
    }

    [Fact]
    public void Get_FallsBackToEnglishThenToTheKey_WhenLanguageOrKeyIsUnknown()
    {
        var noLanguage = FlowText.Get(null, "flow.back");
        var unknownKey = FlowText.Get("de", "no.such.key");

        Assert.Equal(English["flow.back"], noLanguage);
        Assert.Equal("no.such.key", unknownKey);
    }

    [Theory]
    [InlineData("en", "English")]
    [InlineData("de", "Deutsch")]
    [InlineData("es", "Español")]
    [InlineData("fr", "Français")]
    [InlineData("it", "Italiano")]
    [InlineData("ja", "日本語")]
    [InlineData("ko", "한국어")]
    [InlineData("nl", "Nederlands")]
    [InlineData("pt-BR", "Português (Brasil)")]
    [InlineData("zh-CN", "简体中文")]
    public void LanguageName_IsTheLanguagesOwnName_WhenLanguageIsSupported(string language, string expected)
    {
        var name = FlowText.LanguageName(language);

        Assert.Equal(expected, name);
    }

    [Fact]
    public void LanguageName_IsNotTheEnglishName_WhenLanguageIsNotEnglish()
    {
        var others = CustomTextCatalog.Languages.Where(l => l.Tag != FlowText.DefaultLanguage).ToList();

        var underEnglishNames = others.Where(l => FlowText.LanguageName(l.Tag) == l.EnglishName).Select(l => l.Tag);

        Assert.NotEmpty(others);
        Assert.Empty(underEnglishNames);
    }

    private static string Placeholders(string text) =>
        string.Join(" ", Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal));

    private static bool HasStrayBrace(string text) => Placeholder().Replace(text, "").IndexOfAny(['{', '}']) >= 0;

    [GeneratedRegex(@"\{\d+(?:,-?\d+)?(?::[^{}]*)?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
