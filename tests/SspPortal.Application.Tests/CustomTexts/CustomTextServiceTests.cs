using Microsoft.EntityFrameworkCore;
using SspPortal.Application.Common;
using SspPortal.Application.CustomTexts;
using SspPortal.Application.Tests.Support;

namespace SspPortal.Application.Tests.CustomTexts;

public class CustomTextServiceTests : ServiceTestBase
{
    private const string Page = "get-started";

    private static Dictionary<string, string?> Intro(string text) => new() { ["introduction"] = text };

    [Fact]
    public async Task Get_ReturnsEmptyMap_WhenNothingStored()
    {
        var profile = await CreateProfileAsync();

        var result = await CustomTexts.GetAsync(Viewer, profile.Id, "en", Page);

        AssertOk(result);
        Assert.Empty(result.Value);
    }

    [Fact]
    public async Task Set_StoresAndReturnsMap_WhenValid()
    {
        var profile = await CreateProfileAsync();

        var set = await CustomTexts.SetAsync(Editor, profile.Id, "de", Page, Intro("Willkommen <b>hier</b>"));
        var get = await CustomTexts.GetAsync(Viewer, profile.Id, "de", Page);
        var english = await CustomTexts.GetAsync(Viewer, profile.Id, "en", Page);

        Assert.Equal("Willkommen <b>hier</b>", set.Value["introduction"]);
        Assert.Equal("Willkommen <b>hier</b>", get.Value["introduction"]);
        Assert.Empty(english.Value);
    }

    [Fact]
    public async Task Set_ReplacesWholeMap_WhenCalledAgain()
    {
        var profile = await CreateProfileAsync();
        await CustomTexts.SetAsync(Editor, profile.Id, "en", Page, Intro("first"));

        var second = await CustomTexts.SetAsync(Editor, profile.Id, "en", Page, Intro("second"));

        Assert.Equal("second", Assert.Single(second.Value).Value);
        Assert.Equal("second", (await CustomTexts.GetAsync(Viewer, profile.Id, "en", Page)).Value["introduction"]);
        Assert.Equal(1, await DbAsync(db => db.CustomTexts.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task Set_ResetsToDefault_WhenEmptyMap()
    {
        var profile = await CreateProfileAsync();
        await CustomTexts.SetAsync(Editor, profile.Id, "en", Page, Intro("custom"));

        var reset = await CustomTexts.SetAsync(Editor, profile.Id, "en", Page, new Dictionary<string, string?>());

        Assert.Empty(reset.Value);
        Assert.Empty((await CustomTexts.GetAsync(Viewer, profile.Id, "en", Page)).Value);
        Assert.Equal(0, await DbAsync(db => db.CustomTexts.IgnoreQueryFilters().CountAsync()));
        var resolved = await CustomTexts.ResolveIntroductionAsync(Viewer, profile.Id, "en");
        Assert.False(resolved.Value.IsCustom);
        Assert.Equal(CustomTextCatalog.DefaultIntroduction("en"), resolved.Value.Text);
    }

    [Theory]
    [InlineData(2000, true)]
    [InlineData(2001, false)]
    [InlineData(0, true)]
    public async Task Set_AcceptsOrRejectsValue_WhenAtOrBeyondLengthEdge(int length, bool ok)
    {
        var profile = await CreateProfileAsync();

        var result = await CustomTexts.SetAsync(Editor, profile.Id, "en", Page, Intro(new string('x', length)));

        if (ok)
        {
            Assert.Equal(length, result.Value["introduction"].Length);
        }
        else
        {
            AssertInvalid(result, "introduction", "String is too long (2001 chars), maximum 2000");
        }
    }

    [Fact]
    public async Task Set_ReturnsInvalid_WhenUnknownKey()
    {
        var profile = await CreateProfileAsync();

        var result = await CustomTexts.SetAsync(
            Editor,
            profile.Id,
            "en",
            Page,
            new Dictionary<string, string?> { ["introduction"] = "ok", ["title"] = "nope" }
        );

        AssertInvalid(result, "title", "Additional properties not allowed: title");
        Assert.Equal("Payload validation error: 'Additional properties not allowed: title' on property title.", ContractErrors.MessageFor(result));
        Assert.Empty((await CustomTexts.GetAsync(Viewer, profile.Id, "en", Page)).Value);
    }

    [Fact]
    public async Task Set_ReturnsInvalid_WhenValueNull()
    {
        var profile = await CreateProfileAsync();

        var result = await CustomTexts.SetAsync(Editor, profile.Id, "en", Page, new Dictionary<string, string?> { ["introduction"] = null });

        AssertInvalid(result, "introduction", "Expected type string but found type null");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("es")]
    [InlineData("fr")]
    [InlineData("it")]
    [InlineData("ja")]
    [InlineData("ko")]
    [InlineData("nl")]
    [InlineData("pt-BR")]
    [InlineData("zh-CN")]
    public async Task Set_AcceptsLanguage_WhenInCatalog(string language)
    {
        var profile = await CreateProfileAsync();

        var result = await CustomTexts.SetAsync(Editor, profile.Id, language, Page, Intro(language));

        AssertOk(result);
        Assert.Equal(language, (await CustomTexts.GetAsync(Viewer, profile.Id, language, Page)).Value["introduction"]);
    }

    [Fact]
    public async Task Set_StoresCatalogSpelling_WhenLanguageCaseDiffers()
    {
        var profile = await CreateProfileAsync();

        await CustomTexts.SetAsync(Editor, profile.Id, "pt-br", Page, Intro("Olá"));

        var keys = await CustomTexts.ListCustomizedAsync(Viewer, profile.Id);
        Assert.Equal([new CustomTextKey("pt-BR", Page)], keys.Value);
        Assert.Equal("Olá", (await CustomTexts.GetAsync(Viewer, profile.Id, "pt-BR", Page)).Value["introduction"]);
    }

    [Theory]
    [InlineData("xx", Page, "language", "No enum match for: \"xx\"")]
    [InlineData("en-US", Page, "language", "No enum match for: \"en-US\"")]
    [InlineData("", Page, "language", "No enum match for: \"\"")]
    [InlineData("en", "login", "page", "No enum match for: \"login\"")]
    [InlineData("en", "Get-Started", "page", "No enum match for: \"Get-Started\"")]
    public async Task GetAndSet_ReturnInvalidUri_WhenLanguageOrPageUnsupported(string language, string page, string path, string reason)
    {
        var profile = await CreateProfileAsync();

        var get = await CustomTexts.GetAsync(Viewer, profile.Id, language, page);
        var set = await CustomTexts.SetAsync(Editor, profile.Id, language, page, Intro("x"));

        AssertInvalid(get, path, reason, ErrorCodes.InvalidUri);
        AssertInvalid(set, path, reason, ErrorCodes.InvalidUri);
    }

    [Fact]
    public async Task GetAndSet_ReturnInvalidUri_WhenProfileIdMalformed()
    {
        var get = await CustomTexts.GetAsync(Viewer, "bad", "en", Page);
        var set = await CustomTexts.SetAsync(Editor, "bad", "en", Page, Intro("x"));

        AssertInvalid(get, "id", null, ErrorCodes.InvalidUri);
        AssertInvalid(set, "id", null, ErrorCodes.InvalidUri);
    }

    [Fact]
    public async Task GetAndSet_ReturnNotFound_WhenProfileMissingOrOfOtherTenant()
    {
        var other = await CreateProfileAsync(actor: OtherTenantEditor);
        var missing = Ids.NewProfileId();

        var get = await CustomTexts.GetAsync(Viewer, missing, "en", Page);
        var set = await CustomTexts.SetAsync(Editor, other.Id, "en", Page, Intro("x"));

        Assert.Equal(ResultStatus.NotFound, get.Status);
        Assert.Equal($"Profile with ID: {missing} not found", get.Message);
        Assert.Equal(ResultStatus.NotFound, set.Status);
        Assert.Empty((await CustomTexts.GetAsync(OtherTenantEditor, other.Id, "en", Page)).Value);
    }

    [Fact]
    public async Task Set_ReturnsForbidden_WhenActorIsViewer()
    {
        var profile = await CreateProfileAsync();

        var result = await CustomTexts.SetAsync(Viewer, profile.Id, "en", Page, Intro("x"));

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Equal(Scopes.Insufficient(Scopes.UpdateCustomTexts), result.Message);
    }

    [Fact]
    public async Task Get_ReturnsForbidden_WhenActorLacksReadScope()
    {
        var actor = new Actor(TenantId, "c", "Client", new HashSet<string> { Scopes.UpdateCustomTexts });

        var result = await CustomTexts.GetAsync(actor, Ids.NewProfileId(), "en", Page);

        Assert.Equal(ResultStatus.Forbidden, result.Status);
    }

    [Fact]
    public async Task Set_WritesAuditEntries_WhenUpdatedAndReset()
    {
        var profile = await CreateProfileAsync();

        await CustomTexts.SetAsync(Editor, profile.Id, "fr", Page, Intro("Bonjour"));
        await CustomTexts.SetAsync(Editor, profile.Id, "fr", Page, new Dictionary<string, string?>());

        var entries = (await AuditEntriesAsync()).Skip(1).ToList();
        Assert.Equal(["custom_text.updated", "custom_text.reset"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(profile.Id, e.TargetId));
        Assert.Equal("Set fr/get-started: introduction (7 chars)", entries[0].Summary);
    }

    [Fact]
    public async Task ResolveIntroduction_FallsBackToEnglishThenDefault_WhenVisitorLanguageMissing()
    {
        var profile = await CreateProfileAsync();

        var none = await CustomTexts.ResolveIntroductionAsync(Viewer, profile.Id, "de");
        await CustomTexts.SetAsync(Editor, profile.Id, "en", Page, Intro("Hello"));
        var english = await CustomTexts.ResolveIntroductionAsync(Viewer, profile.Id, "de");
        await CustomTexts.SetAsync(Editor, profile.Id, "de", Page, Intro("Hallo"));
        var german = await CustomTexts.ResolveIntroductionAsync(Viewer, profile.Id, "de");

        Assert.Equal(new ResolvedText(CustomTextCatalog.DefaultIntroduction("de"), "de", false), none.Value);
        Assert.Equal(new ResolvedText("Hello", "en", true), english.Value);
        Assert.Equal(new ResolvedText("Hallo", "de", true), german.Value);
    }
}
