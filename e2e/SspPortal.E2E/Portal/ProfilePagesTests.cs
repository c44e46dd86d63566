using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SspPortal.E2E.Infrastructure;
using SspPortal.E2E.PageObjects;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SspPortal.E2E.Portal;

[Collection(PortalPagesCollection.Name)]
public sealed class ProfilePagesTests(PortalPagesFixture fixture, ITestOutputHelper output) : PortalTest(fixture, output)
{
    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..6]}";

    [Fact]
    public async Task CreateEditSave_KeepsEveryChange_WhenAdminSavesProfile()
    {
        await SignInAsync("Admin");
        var profiles = await ProfilesPage.OpenAsync(Page);
        await AssertAccessibleAsync();
        await profiles.CreateButton.ClickAsync();
        await Expect(profiles.CreateDialog).ToBeVisibleAsync();
        await AssertAccessibleAsync();
        await profiles.CreateDialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        var name = Unique("Partner SSO");
        var editor = await profiles.CreateAsync(name, "For partners");
        await Expect(editor.Description).ToHaveValueAsync("For partners");
        await Expect(editor.Strategy("okta")).ToBeCheckedAsync();

        await editor.Description.FillAsync("For our partner companies");
        await editor.Strategy("google-apps").UncheckAsync();
        await editor.Strategy("adfs").UncheckAsync();
        await editor.AddAttributeButton.ClickAsync();
        await editor.AttributeName(1).FillAsync("email");
        await editor.AttributeDescription(1).FillAsync("Work email");
        await editor.AddAttributeButton.ClickAsync();
        await editor.AttributeName(2).FillAsync("department");
        await editor.AttributeDescription(2).FillAsync("Department");
        await editor.AttributeRequired(2).UncheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Move attribute 2 up" }).ClickAsync();
        await Expect(editor.AttributeName(1)).ToHaveValueAsync("department");
        await Expect(Page.GetByTestId("unsaved-marker")).ToBeVisibleAsync();
        await AssertAccessibleAsync();

        await editor.SaveAsync();
        await Expect(Page.GetByTestId("unsaved-marker")).ToHaveCountAsync(0);

        await Page.ReloadAsync();
        editor = await ProfileEditorPage.OpenAsync(Page, editor.ProfileId);
        await Expect(editor.Description).ToHaveValueAsync("For our partner companies");
        await Expect(editor.Strategy("google-apps")).Not.ToBeCheckedAsync();
        await Expect(editor.Strategy("adfs")).Not.ToBeCheckedAsync();
        await Expect(editor.Strategy("okta")).ToBeCheckedAsync();
        await Expect(editor.AttributeRows).ToHaveCountAsync(2);
        await Expect(editor.AttributeName(1)).ToHaveValueAsync("department");
        await Expect(editor.AttributeRequired(1)).Not.ToBeCheckedAsync();
        await Expect(editor.AttributeName(2)).ToHaveValueAsync("email");
        await Expect(editor.AttributeRequired(2)).ToBeCheckedAsync();

        profiles = await ProfilesPage.OpenAsync(Page);
        var row = profiles.Row(name);
        await Expect(row).ToContainTextAsync("Okta");
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("2");
    }

    [Fact]
    public async Task Save_ShowsPlainFieldMessagesFromTheSharedValidator_WhenInputIsInvalid()
    {
        await SignInAsync("Editor");
        var editor = await (await ProfilesPage.OpenAsync(Page)).CreateAsync(Unique("Validation"));
        await Expect(editor.Name).ToHaveAttributeAsync("aria-required", "true");

        await editor.Name.FillAsync("   ");
        await editor.AddAttributeButton.ClickAsync();
        await editor.AttributeName(1).FillAsync("email");
        await editor.AttributeDescription(1).FillAsync("Email");
        await editor.AddAttributeButton.ClickAsync();
        await editor.AttributeName(2).FillAsync("EMAIL");
        await editor.AttributeDescription(2).FillAsync("Email again");
        await editor.LogoUrl.FillAsync("http://insecure.example.com/logo.png");
        await editor.PrimaryColour.FillAsync("#12345");
        await editor.SaveButton.ClickAsync();

        await Expect(editor.Toasts).ToContainTextAsync("Nothing was saved");
        await Expect(Page.Locator("#general")).ToContainTextAsync("Enter a name.");
        await Expect(Page.Locator("#branding")).ToContainTextAsync("Enter a full address that starts with https://.");
        await Expect(Page.Locator("#branding")).ToContainTextAsync("Enter a hex colour such as #3D5AFE or #35F.");
        await Expect(Page.Locator("#user-attributes")).ToContainTextAsync("Another attribute already has this name");
        await Expect(Page.Locator("[data-testid=profile-editor]")).Not.ToContainTextAsync("String ");
        await Expect(editor.Toasts).Not.ToContainTextAsync("Profile saved.");
        await Expect(editor.UnsavedMarker).ToBeVisibleAsync();
        await AssertAccessibleAsync();
        await ScreenshotAsync("validation-messages");

        await editor.Name.FillAsync("Fixed name");
        await Expect(Page.Locator("#general")).Not.ToContainTextAsync("Enter a name.");
    }

    [Fact]
    public async Task BrandingPreview_FollowsTyping_WhenLogoAndColourChange()
    {
        await SignInAsync("Admin");
        var editor = await (await ProfilesPage.OpenAsync(Page)).CreateAsync(Unique("Branded"));
        await Expect(editor.PreviewPanel).ToBeVisibleAsync();

        await editor.PrimaryColour.FillAsync("#aa0000");
        await Expect(editor.PreviewPanel).ToHaveAttributeAsync("style", new Regex("--flow-primary:#aa0000"));
        await Expect(editor.ColourPicker).ToHaveValueAsync("#aa0000");
        await ScreenshotAsync("preview-red");

        await editor.ColourPicker.FillAsync("#00695c");
        await Expect(editor.PrimaryColour).ToHaveValueAsync("#00695c");
        await Expect(editor.PreviewPanel).ToHaveAttributeAsync("style", new Regex("--flow-primary:#00695c"));

        await editor.Name.FillAsync("Globomantics Partners");
        await Expect(editor.Preview).ToContainTextAsync("Globomantics Partners");

        // The logo host is played by the browser's request routing: one address answers with an image, one with 404.
        await Page.RouteAsync(
            "https://logo.example.test/**",
            route =>
                route.Request.Url.EndsWith("/acme.png", StringComparison.Ordinal)
                    ? route.FulfillAsync(new() { ContentType = "image/svg+xml", Body = LogoSvg })
                    : route.FulfillAsync(new() { Status = 404 })
        );

        // A logo that cannot load shows the placeholder, never a broken image.
        await editor.LogoUrl.FillAsync("https://logo.example.test/missing.png");
        await Expect(editor.Preview.Locator(".ssp-flow-logo-placeholder")).ToBeVisibleAsync();
        await Expect(editor.Preview.Locator("img")).ToBeHiddenAsync();

        // A logo that loads is shown.
        await editor.LogoUrl.FillAsync("https://logo.example.test/acme.png");
        await Expect(editor.Preview.Locator("img")).ToBeVisibleAsync();
        await Expect(editor.Preview.Locator("img")).ToHaveAttributeAsync("src", "https://logo.example.test/acme.png");
        await Expect(editor.Preview.Locator(".ssp-flow-logo-placeholder")).ToBeHiddenAsync();
        await AssertAccessibleAsync();
        await Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await ScreenshotAsync("editor-branded");
    }

    /// <summary>A small logo as the logo host would serve it (a square with a letter), so screenshots show a real logo.</summary>
    private const string LogoSvg =
        """<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">"""
        + """<rect width="64" height="64" rx="14" fill="#00695c"/>"""
        + """<text x="32" y="44" font-family="Arial, sans-serif" font-size="34" font-weight="700" fill="#fff" text-anchor="middle">A</text></svg>""";

    [Fact]
    public async Task CustomText_IsSavedWithTheProfilePerLanguage_AndResetAsksAndCanBeUndone()
    {
        await SignInAsync("Admin");
        var editor = await (await ProfilesPage.OpenAsync(Page)).CreateAsync(Unique("Languages"));
        await Expect(editor.CustomizedLanguages).ToContainTextAsync("none yet");

        await editor.Introduction.FillAsync("Welcome, <b>partner</b>!<script>alert(1)</script>");
        await Expect(Page.GetByTestId("custom-text-counter")).ToContainTextAsync("49 / 2000");
        await Expect(editor.Preview.Locator("b")).ToHaveTextAsync("partner");
        await Expect(editor.Preview.Locator("script")).ToHaveCountAsync(0);
        await Expect(editor.UnsavedMarker).ToContainTextAsync("custom text");
        await editor.SaveButton.ClickAsync();
        await Expect(editor.Toasts).ToContainTextAsync("Custom text saved.");
        await Expect(editor.SaveStatus).ToBeFocusedAsync();
        await Expect(editor.CustomizedLanguages.Locator("[data-language=en]")).ToBeVisibleAsync();

        await editor.ChooseLanguageAsync("de");
        await Expect(editor.Introduction).ToHaveValueAsync("");
        await Expect(editor.Preview.Locator("[lang=de]").First).ToBeVisibleAsync();
        await editor.Introduction.FillAsync("Willkommen bei der Einrichtung!");
        await editor.Description.FillAsync("Both at once");
        await Expect(editor.Preview).ToContainTextAsync("Willkommen bei der Einrichtung!");
        await editor.SaveButton.ClickAsync();
        await Expect(editor.Toasts).ToContainTextAsync("Profile and custom text saved.");
        await Expect(editor.CustomizedLanguages.Locator("[data-language=de]")).ToBeVisibleAsync();
        await AssertAccessibleAsync();
        await ScreenshotAsync("custom-text-de");

        await Page.ReloadAsync();
        editor = await ProfileEditorPage.OpenAsync(Page, editor.ProfileId);
        await Expect(editor.Introduction).ToHaveValueAsync("Welcome, <b>partner</b>!<script>alert(1)</script>");
        await Expect(editor.Description).ToHaveValueAsync("Both at once");
        await editor.ChooseLanguageAsync("de");
        await Expect(editor.Introduction).ToHaveValueAsync("Willkommen bei der Einrichtung!");

        await editor.ResetTextButton.ClickAsync();
        var question = editor.MessageBox("Reset to the built-in text?");
        await Expect(question).ToBeVisibleAsync();
        await AssertAccessibleAsync();
        await question.GetByRole(AriaRole.Button, new() { Name = "Reset" }).ClickAsync();
        await Expect(editor.Introduction).ToHaveValueAsync("");
        await editor.UndoResetButton.ClickAsync();
        await Expect(editor.Introduction).ToHaveValueAsync("Willkommen bei der Einrichtung!");
        await Expect(editor.UnsavedMarker).ToHaveCountAsync(0);

        await editor.ResetTextButton.ClickAsync();
        await question.GetByRole(AriaRole.Button, new() { Name = "Reset" }).ClickAsync();
        await editor.SaveButton.ClickAsync();
        await Expect(editor.Toasts).ToContainTextAsync("Custom text saved.");
        await Expect(editor.CustomizedLanguages.Locator("[data-language=de]")).ToHaveCountAsync(0);
        await Expect(editor.CustomizedLanguages.Locator("[data-language=en]")).ToBeVisibleAsync();
        await Expect(editor.Introduction).ToHaveValueAsync("");
    }

    [Fact]
    public async Task Delete_AsksNamingTheProfileAndRevokesTickets_WhenConfirmed()
    {
        await SignInAsync("Admin");
        var profiles = await ProfilesPage.OpenAsync(Page);
        var name = Unique("Short lived");
        await profiles.CreateAsync(name);
        profiles = await ProfilesPage.OpenAsync(Page);

        var question = profiles.MessageBox($"Delete “{name}”?");
        await profiles.Row(name).GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync();
        await Expect(question).ToContainTextAsync("tickets will be revoked");
        await AssertAccessibleAsync();
        await Page.Keyboard.PressAsync("Escape");
        await Expect(question).ToHaveCountAsync(0);
        await Expect(profiles.Row(name)).ToBeVisibleAsync();

        await profiles.Row(name).GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync();
        await question.GetByRole(AriaRole.Button, new() { Name = "Delete profile" }).ClickAsync();
        await Expect(profiles.Snackbar).ToContainTextAsync($"Profile “{name}” deleted.");
        await Expect(profiles.Row(name)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task UnsavedChanges_AskBeforeLeaving_WhenNavigatingAway()
    {
        await SignInAsync("Admin");
        var editor = await (await ProfilesPage.OpenAsync(Page)).CreateAsync(Unique("Unsaved"));
        await editor.Description.FillAsync("Not saved yet");

        await new ShellPage(Page).NavLink("Audit log").ClickAsync();

        var confirm = editor.MessageBox("Leave without saving?");
        await Expect(confirm).ToContainTextAsync("changes that are not saved");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Stay" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/profiles/{editor.ProfileId}$"));
        await Expect(editor.Description).ToHaveValueAsync("Not saved yet");

        await new ShellPage(Page).NavLink("Audit log").ClickAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Leave without saving" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/audit$"));
    }

    [Fact]
    public async Task Save_ReportsSomeoneElsesChange_WhenProfileChangedInAnotherTab()
    {
        await SignInAsync("Admin");
        var editor = await (await ProfilesPage.OpenAsync(Page)).CreateAsync(Unique("Contested"));
        var other = await Context.NewPageAsync();
        var otherEditor = await ProfileEditorPage.OpenAsync(other, editor.ProfileId);
        await otherEditor.Description.FillAsync("Changed in the other tab");
        await otherEditor.SaveAsync();

        await editor.Description.FillAsync("Changed here");
        await editor.SaveButton.ClickAsync();

        var conflict = Page.GetByTestId("concurrency-conflict");
        await Expect(conflict).ToContainTextAsync("Someone else changed this profile");
        await AssertAccessibleAsync();
        await ScreenshotAsync("conflict");
        await conflict.GetByRole(AriaRole.Button, new() { Name = "Reload" }).ClickAsync();
        await Expect(editor.Description).ToHaveValueAsync("Changed in the other tab");
        await Expect(conflict).ToHaveCountAsync(0);
        await other.CloseAsync();
    }

    [Fact]
    public async Task List_SearchesOnTheServerAndShowsTheTotal_WhenNameTyped()
    {
        await SignInAsync("Admin");
        var marker = Guid.NewGuid().ToString("N")[..5];
        var profiles = await ProfilesPage.OpenAsync(Page);
        await profiles.CreateAsync($"Grid {marker} one");
        profiles = await ProfilesPage.OpenAsync(Page);
        await profiles.CreateAsync($"Grid {marker} two");
        profiles = await ProfilesPage.OpenAsync(Page);

        await profiles.Search.FillAsync(marker);

        await Expect(profiles.Table.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(profiles.Total).ToHaveTextAsync("2 profiles");
        // The scan covers light and dark (the shell's axe helper switches the colour scheme).
        await AssertAccessibleAsync();
        await ScreenshotAsync("list-search");
    }

    [Fact]
    public async Task Phone_ShowsListEditorAndIssueDialogWithoutSidewaysScrolling_At390Pixels()
    {
        await Page.SetViewportSizeAsync(390, 844);
        await SignInAsync("Admin");
        var profiles = await ProfilesPage.OpenAsync(Page);
        await Expect(profiles.Table).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync("list");
        await ScreenshotAsync("phone-list");

        var editor = await profiles.CreateAsync(Unique("Phone"));
        await editor.Description.FillAsync("Typed on a phone");
        await AssertNoSidewaysScrollAsync("editor");
        await editor.SaveButton.ScrollIntoViewIfNeededAsync();
        await Expect(editor.SaveButton).ToBeInViewportAsync();
        await ScreenshotAsync("phone-editor");
        await editor.SaveAsync();

        await editor.IssueTicketButton.ClickAsync();
        var dialog = new IssueTicketDialog(Page);
        await Expect(dialog.Root).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync("issue dialog");
        Assert.True(
            await dialog.Root.EvaluateAsync<bool>("d => d.scrollWidth <= d.clientWidth + 1 && d.getBoundingClientRect().right <= window.innerWidth + 1"),
            "The issue dialog is wider than the phone."
        );
        await dialog.IssueButton.ScrollIntoViewIfNeededAsync();
        await Expect(dialog.IssueButton).ToBeInViewportAsync();
        await AssertAccessibleAsync();
        await ScreenshotAsync("phone-issue-dialog");
    }

    private async Task AssertNoSidewaysScrollAsync(string what) =>
        Assert.True(
            await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"),
            $"The {what} scrolls sideways at {Page.ViewportSize?.Width} px."
        );
}
