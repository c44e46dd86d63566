using SspPortal.Application.CustomTexts;

namespace SspPortal.Application.Tests.CustomTexts;

public sealed class CustomTextCatalogTests
{
    [Fact]
    public void Languages_ContainContractTenWithDistinctDefaults_WhenListed()
    {
        string[] required = ["en", "de", "es", "fr", "it", "ja", "ko", "nl", "pt-BR", "zh-CN"];

        Assert.Subset(CustomTextCatalog.Languages.Select(l => l.Tag).ToHashSet(), required.ToHashSet());
        Assert.All(CustomTextCatalog.Languages, l => Assert.False(string.IsNullOrWhiteSpace(l.NativeName)));
        var defaults = CustomTextCatalog.Languages.Select(l => CustomTextCatalog.DefaultIntroduction(l.Tag)).ToList();
        Assert.Equal(defaults.Count, defaults.Distinct().Count());
        Assert.All(defaults, d => Assert.InRange(d.Length, 1, CustomTextCatalog.MaxValueLength));
    }

    [Fact]
    public void KeysFor_ReturnsOnlyIntroduction_WhenPageIsGetStarted()
    {
        Assert.Equal(["get-started"], CustomTextCatalog.Pages);
        Assert.Equal(["introduction"], CustomTextCatalog.KeysFor("get-started"));
        Assert.Empty(CustomTextCatalog.KeysFor("other"));
        Assert.Empty(CustomTextCatalog.KeysFor(null));
    }

    [Theory]
    [InlineData("de", "de")]
    [InlineData("ja", "ja")]
    [InlineData("xx", "en")]
    [InlineData(null, "en")]
    public void DefaultIntroduction_FallsBackToEnglish_WhenLanguageUnsupported(string? language, string expectedLanguage) =>
        Assert.Equal(
            CustomTextCatalog.ResolveIntroduction(expectedLanguage, new Dictionary<string, string>()).Text,
            CustomTextCatalog.DefaultIntroduction(language)
        );

    [Fact]
    public void ResolveIntroduction_PrefersVisitorThenEnglishThenDefault_WhenTextsStored()
    {
        var both = new Dictionary<string, string> { ["en"] = "Hello", ["fr"] = "Bonjour" };
        var englishOnly = new Dictionary<string, string> { ["en"] = "Hello" };
        var blankFrench = new Dictionary<string, string> { ["fr"] = "   " };

        Assert.Equal(new ResolvedText("Bonjour", "fr", true), CustomTextCatalog.ResolveIntroduction("fr", both));
        Assert.Equal(new ResolvedText("Hello", "en", true), CustomTextCatalog.ResolveIntroduction("fr", englishOnly));
        Assert.Equal(
            new ResolvedText(CustomTextCatalog.DefaultIntroduction("fr"), "fr", false),
            CustomTextCatalog.ResolveIntroduction("fr", blankFrench)
        );
        Assert.Equal(new ResolvedText("Hello", "en", true), CustomTextCatalog.ResolveIntroduction("tlh", both));
    }

    [Theory]
    [InlineData("fr", "de-DE,de;q=0.9", "fr")]
    [InlineData(null, "de-DE,de;q=0.9,en;q=0.8", "de")]
    [InlineData(null, "en;q=0.5, ja;q=0.9", "ja")]
    [InlineData(null, "pt", "pt-BR")]
    [InlineData(null, "zh-Hans-CN", "zh-CN")]
    [InlineData(null, "zh-TW", "en")]
    [InlineData("xx", "tlh, ko;q=0.1", "ko")]
    [InlineData(null, "fr;q=0, nl", "nl")]
    [InlineData(null, null, "en")]
    [InlineData("PT-br", null, "pt-BR")]
    public void PickLanguage_UsesQueryThenAcceptLanguageThenEnglish_WhenChoosing(string? requested, string? header, string expected) =>
        Assert.Equal(expected, CustomTextCatalog.PickLanguage(requested, header));
}
