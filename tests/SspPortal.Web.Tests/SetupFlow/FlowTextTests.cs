using System.Text.RegularExpressions;
using SspPortal.Application.Common;
using SspPortal.Application.CustomTexts;
using SspPortal.Application.SetupFlow;
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

    public static TheoryData<string> OtherLanguages()
    {
        var data = new TheoryData<string>();
        foreach (var language in FlowLanguages.Supported.Where(l => l != FlowText.DefaultLanguage))
        {
            data.Add(language);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Translation_WordsEveryServiceMessage_WhenLanguageIsNotEnglish(string language)
    {
        // Protocol syntax reads the same in every language.
        string[] sameEverywhere = ["fetch.status"];
        var translation = FlowText.Translation(language)!;

        var untranslated = FlowMessages
            .English.Keys.Except(sameEverywhere)
            .Where(key => translation[key] == FlowMessages.English[key])
            .Order(StringComparer.Ordinal);

        Assert.Empty(untranslated);
    }

    [Fact]
    public void English_HasTheServicesMessagesAsTheServicesWordThem_WhenCatalogIsBuilt()
    {
        var missing = FlowMessages.English.Where(m => !English.TryGetValue(m.Key, out var text) || text != m.Value).Select(m => m.Key);

        Assert.Empty(missing);
    }

    [Fact]
    public void Message_WordsTheCodeWithItsValues_WhenLanguageTranslatesIt()
    {
        var message = FlowMessages.Get("check.attribute", "email");

        Assert.Equal("Attribute \"email\" received", message.English);
        Assert.Equal("Attribut „email“ empfangen", FlowText.Message("de", message));
        Assert.Equal("Attribute \"email\" received", FlowText.Message("en", message));
    }

    [Fact]
    public void Message_WordsTheQuotedMessageInTheSameLanguage_WhenMessageQuotesAnother()
    {
        var message = FlowMessages.Quoting("saml.metadata.unfetched", FlowMessages.Get("fetch.status", 404));

        Assert.Equal("The metadata could not be fetched: HTTP 404", message.English);
        Assert.Equal("Die Metadaten konnten nicht abgerufen werden: HTTP 404", FlowText.Message("de", message));
    }

    [Fact]
    public void Message_IsTheServicesOwnText_WhenMessageIsAPlainValueOrItsCodeIsUnknown()
    {
        var plain = CodedMessage.Plain("access_denied: The user cancelled");
        var unknown = new CodedMessage("no.such.code", "As the service put it.", []);

        Assert.Equal("access_denied: The user cancelled", FlowText.Message("de", plain));
        Assert.Equal("As the service put it.", FlowText.Message("de", unknown));
    }

    [Fact]
    public void Reason_IsTheEnglishReason_WhenFieldErrorHasNoCode()
    {
        var error = new FieldError("name", "String is too short (0 chars), minimum 1");

        Assert.Equal(error.Reason, FlowText.Reason("fr", error));
    }

    private static string Placeholders(string text) =>
        string.Join(" ", Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal));

    private static bool HasStrayBrace(string text) => Placeholder().Replace(text, "").IndexOfAny(['{', '}']) >= 0;

    [GeneratedRegex(@"\{\d+(?:,-?\d+)?(?::[^{}]*)?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
