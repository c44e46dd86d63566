using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SspPortal.Application.Common;
using SspPortal.Application.CustomTexts;
using SspPortal.Application.Profiles;
using SspPortal.Web.Components.Pages.Profiles;

namespace SspPortal.Web.Tests.Components.Portal;

/// <summary>The profile editor with the app's real services: what each role sees, the one save, the preview, the custom text.</summary>
public sealed class ProfileEditTests : PortalServicesTestContext
{
    private SelfServiceProfileDto _profile = default!;

    protected override async Task SeedAsync()
    {
        _profile = await CreateProfileAsync(
            new CreateProfileRequest
            {
                Name = "Partner SSO",
                Description = "For partners",
                UserAttributes = [new UserAttributeInput("email", "Work email", false)],
                Branding = new BrandingInput("https://cdn.example.com/logo.png", new BrandingColorsInput("#0b6e4f")),
            }
        );
    }

    private IRenderedComponent<PortalHost> RenderEditor(PortalRole role)
    {
        SignIn(role: role);
        var cut = RenderWithProviders<ProfileEdit>(ps => ps.Add(p => p.Id, _profile.Id));
        cut.WaitForAssertion(() => cut.Find("[data-testid=custom-text-introduction], [data-testid=custom-text-introduction] textarea"));
        return cut;
    }

    private static AngleSharp.Dom.IElement Field(IRenderedComponent<PortalHost> cut, string id) => cut.Find($"#{id}");

    private static AngleSharp.Dom.IElement Introduction(IRenderedComponent<PortalHost> cut) => cut.Find("textarea#custom-text-introduction");

    private static string SnackbarText(IRenderedComponent<PortalHost> cut) => string.Join(" | ", cut.FindAll(".mud-snackbar").Select(e => e.TextContent));

    /// <summary>A textarea's value as rendered (the attribute, or the text inside).</summary>
    private static string ValueOf(AngleSharp.Dom.IElement element) =>
        element.HasAttribute("value") ? element.GetAttribute("value") ?? "" : element.TextContent;

    [Fact]
    public void Viewer_SeesTheProfileReadOnlyWithoutAnyAction()
    {
        var cut = RenderEditor(PortalRole.Viewer);

        Assert.NotNull(cut.Find("[data-testid=read-only-notice]"));
        Assert.Equal("Partner SSO", cut.Find("h1").TextContent.Trim());
        foreach (var testId in new[] { "save-profile", "save-bar", "issue-ticket", "delete-profile", "add-attribute", "custom-text-reset" })
        {
            Assert.Empty(cut.FindAll($"[data-testid={testId}]"));
        }

        var fields = cut.FindAll("[data-testid=profile-editor] input:not([type=checkbox]):not([type=color]), [data-testid=profile-editor] textarea");
        Assert.NotEmpty(fields);
        Assert.All(fields, f => Assert.True(f.HasAttribute("readonly") || f.HasAttribute("disabled"), $"{f.OuterHtml} is editable"));
        Assert.Equal("email", cut.Find("input[aria-label='Name of attribute 1']").GetAttribute("value"));
        Assert.Contains("#0b6e4f", cut.Find("[data-testid=branding-preview] [style]").GetAttribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public void Editor_SeesSaveAndIssue_WhenSignedInAsEditor()
    {
        var cut = RenderEditor(PortalRole.Editor);

        Assert.Empty(cut.FindAll("[data-testid=read-only-notice]"));
        Assert.NotNull(cut.Find("[data-testid=save-profile]"));
        Assert.NotNull(cut.Find("[data-testid=issue-ticket]"));
        Assert.False(Field(cut, "profile-name").HasAttribute("readonly"));
    }

    [Fact]
    public void Preview_FollowsTheNameColourAndIntroduction_WhileTyping()
    {
        var cut = RenderEditor(PortalRole.Editor);

        Field(cut, "profile-name").Input("Globex partners");
        Field(cut, "branding-primary").Input("#aa0000");
        Introduction(cut).Input("Welcome, partner");

        var preview = cut.Find("[data-testid=branding-preview]");
        Assert.Contains("Globex partners", preview.TextContent, StringComparison.Ordinal);
        Assert.Contains("Welcome, partner", preview.TextContent, StringComparison.Ordinal);
        Assert.Contains(cut.FindAll("[data-testid=branding-preview] [style]"), e => e.GetAttribute("style")!.Contains("#aa0000", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Unsaved changes to the profile and the custom text", cut.Find("[data-testid=unsaved-marker]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Counter_CountsAndFlagsTooLongText_WhileTyping()
    {
        var cut = RenderEditor(PortalRole.Editor);

        Introduction(cut).Input("Hello");
        Assert.Equal($"5 / {CustomTextCatalog.MaxValueLength} characters", cut.Find("[data-testid=custom-text-counter]").TextContent.Trim());

        Introduction(cut).Input(new string('x', CustomTextCatalog.MaxValueLength + 3));
        var counter = cut.Find("[data-testid=custom-text-counter]");
        Assert.Contains("3 too many", counter.TextContent, StringComparison.Ordinal);
        Assert.Contains("pp-counter--over", counter.ClassList);
    }

    [Fact]
    public async Task Save_SavesProfileAndCustomTextTogether_WhenBothChanged()
    {
        var cut = RenderEditor(PortalRole.Editor);

        Field(cut, "profile-name").Input("Partner SSO (EU)");
        Introduction(cut).Input("Welcome, partner");
        await cut.Find("form#profile-editor-form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("All changes saved", cut.Find("[data-testid=save-status]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Profile and custom text saved.", SnackbarText(cut), StringComparison.Ordinal);
        Assert.Equal("Partner SSO (EU)", (await ProfileService.GetAsync(Admin, _profile.Id)).Value.Name);
        var text = await AppServices.GetRequiredService<ICustomTextService>().GetAsync(Admin, _profile.Id, "en", CustomTextCatalog.GetStartedPage);
        Assert.Equal("Welcome, partner", text.Value[CustomTextCatalog.IntroductionKey]);
    }

    [Fact]
    public async Task Save_RefusesANameOfOnlySpacesInPlainWords_AndSavesNothing()
    {
        var cut = RenderEditor(PortalRole.Editor);

        Field(cut, "profile-name").Input("    ");
        Introduction(cut).Input("Not yet");
        await cut.Find("form#profile-editor-form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("Enter a name.", cut.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("String is too short", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("saved.", SnackbarText(cut), StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", SnackbarText(cut), StringComparison.Ordinal);
        Assert.Equal("Partner SSO", (await ProfileService.GetAsync(Admin, _profile.Id)).Value.Name);
        Assert.NotNull(cut.Find("[data-testid=unsaved-marker]"));
    }

    [Fact]
    public void Save_ShowsThePlainMessageBesideTheLogoField_WhenLogoIsNotHttps()
    {
        var cut = RenderEditor(PortalRole.Editor);

        Field(cut, "branding-logo").Input("http://cdn.example.com/logo.png");

        cut.WaitForAssertion(() => Assert.Contains("Enter a full address that starts with https://.", cut.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("String is not a valid https URL", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_AsksFirstThenEmptiesTheTextUntilUndone()
    {
        await AppServices.GetRequiredService<ICustomTextService>()
            .SetAsync(Admin, _profile.Id, "en", CustomTextCatalog.GetStartedPage, new Dictionary<string, string?> { [CustomTextCatalog.IntroductionKey] = "Stored text" });
        var cut = RenderEditor(PortalRole.Editor);
        Assert.Equal("Stored text", ValueOf(Introduction(cut)));

        cut.Find("[data-testid=custom-text-reset]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Reset to the built-in text?", cut.Markup, StringComparison.Ordinal));
        Assert.Equal("Stored text", ValueOf(Introduction(cut)));
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Reset").Click();

        cut.WaitForAssertion(() => Assert.Equal("", ValueOf(Introduction(cut))));
        Assert.Contains("goes back to the built-in one when you save", cut.Find("[data-testid=custom-text-unsaved]").TextContent, StringComparison.Ordinal);
        cut.Find("[data-testid=custom-text-undo]").Click();

        Assert.Equal("Stored text", ValueOf(Introduction(cut)));
        Assert.Empty(cut.FindAll("[data-testid=custom-text-undo]"));
        Assert.Empty(cut.FindAll("[data-testid=unsaved-marker]"));
    }

    [Fact]
    public void Reset_LeavesTheText_WhenTheQuestionIsCancelled()
    {
        var cut = RenderEditor(PortalRole.Editor);
        Introduction(cut).Input("Draft");

        cut.Find("[data-testid=custom-text-reset]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Reset to the built-in text?", cut.Markup, StringComparison.Ordinal));
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        cut.WaitForAssertion(() => Assert.Equal("Draft", ValueOf(Introduction(cut))));
        Assert.Empty(cut.FindAll("[data-testid=custom-text-undo]"));
    }

    [Fact]
    public void IssueTicket_OpensTheDialogForThisProfile_WhenClicked()
    {
        var cut = RenderEditor(PortalRole.Editor);

        cut.Find("[data-testid=issue-ticket]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Issue ticket for “Partner SSO”", cut.Markup, StringComparison.Ordinal));
        Assert.NotNull(cut.FindComponent<MudDialog>());
    }
}
