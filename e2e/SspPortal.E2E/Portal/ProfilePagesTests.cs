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
    public async Task Save_ShowsFieldMessagesFromTheSharedValidator_WhenInputIsInvalid()
    {
        await SignInAsync("Editor");
        var editor = await (await ProfilesPage.OpenAsync(Page)).CreateAsync(Unique("Validation"));

        await editor.Name.FillAsync("");
        await Expect(Page.Locator("#general .validation-message")).ToContainTextAsync("String is too short (0 chars), minimum 1");
        await editor.AddAttributeButton.ClickAsync();
        await editor.AttributeName(1).FillAsync("email");
        await editor.AddAttributeButton.ClickAsync();
        await editor.AttributeName(2).FillAsync("EMAIL");
        await editor.LogoUrl.FillAsync("http://insecure.example.com/logo.png");
        await editor.PrimaryColour.FillAsync("#12345");
        await editor.SaveButton.ClickAsync();

        await Expect(editor.Toasts).ToContainTextAsync("The profile was not saved");
        await Expect(Page.Locator("#general .validation-message")).ToBeVisibleAsync();
        await Expect(Page.Locator("#branding .validation-message").First).ToBeVisibleAsync();
        await Expect(Page.Locator("#branding .validation-message")).ToHaveCountAsync(2);
        await Expect(Page.Locator("#user-attributes .validation-message").First).ToBeVisibleAsync();
        await AssertAccessibleAsync();
        await ScreenshotAsync("validation-messages");

        await editor.Name.FillAsync("Fixed name");
        await Expect(Page.Locator("#general .validation-message")).ToHaveCountAsync(0);
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
        await Page.Locator("#main").EvaluateAsync("main => main.closest('.rz-body').scrollTo(0, 0)");
        await ScreenshotAsync("editor-branded");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" }).ClickAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("data-theme", "material-dark");
        await editor.PreviewPanel.WaitForAsync();
        await ScreenshotAsync("editor-dark");
        await AssertAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" }).ClickAsync();
    }

    /// <summary>A small logo as the logo host would serve it (a square with a letter), so screenshots show a real logo.</summary>
    private const string LogoSvg =
        """<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">"""
        + """<rect width="64" height="64" rx="14" fill="#00695c"/>"""
        + """<text x="32" y="44" font-family="Arial, sans-serif" font-size="34" font-weight="700" fill="#fff" text-anchor="middle">A</text></svg>""";

    [Fact]
    public async Task CustomText_KeepsTextPerLanguage_WhenTwoLanguagesAreEdited()
    {
        await SignInAsync("Admin");
        var editor = await (await ProfilesPage.OpenAsync(Page)).CreateAsync(Unique("Languages"));
        await Expect(editor.CustomizedLanguages).ToContainTextAsync("none yet");

        await editor.Introduction.FillAsync("Welcome, <b>partner</b>!<script>alert(1)</script>");
        await Expect(Page.GetByTestId("custom-text-counter")).ToContainTextAsync("49 / 2000");
        await Expect(editor.Preview.Locator("b")).ToHaveTextAsync("partner");
        await Expect(editor.Preview.Locator("script")).ToHaveCountAsync(0);
        await editor.SaveTextButton.ClickAsync();
        await Expect(editor.Toasts).ToContainTextAsync("Introduction saved for en.");
        await Expect(editor.CustomizedLanguages.Locator("[data-language=en]")).ToBeVisibleAsync();

        await editor.CustomTextLanguage.SelectOptionAsync("de");
        await Expect(editor.Introduction).ToHaveValueAsync("");
        await Expect(editor.Preview.Locator("[lang=de]").First).ToBeVisibleAsync();
        await editor.Introduction.FillAsync("Willkommen bei der Einrichtung!");
        await Expect(editor.Preview).ToContainTextAsync("Willkommen bei der Einrichtung!");
        await editor.SaveTextButton.ClickAsync();
        await Expect(editor.Toasts).ToContainTextAsync("Introduction saved for de.");
        await Expect(editor.CustomizedLanguages.Locator("[data-language=de]")).ToBeVisibleAsync();
        await AssertAccessibleAsync();
        await ScreenshotAsync("custom-text-de");

        await Page.ReloadAsync();
        editor = await ProfileEditorPage.OpenAsync(Page, editor.ProfileId);
        await Expect(editor.Introduction).ToHaveValueAsync("Welcome, <b>partner</b>!<script>alert(1)</script>");
        await editor.CustomTextLanguage.SelectOptionAsync("de");
        await Expect(editor.Introduction).ToHaveValueAsync("Willkommen bei der Einrichtung!");

        await editor.ResetTextButton.ClickAsync();
        await Expect(editor.Toasts).ToContainTextAsync("reset to the built-in text");
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

        await profiles.Row(name).GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync();
        await Expect(profiles.ConfirmDialog).ToContainTextAsync(name);
        await Expect(profiles.ConfirmDialog).ToContainTextAsync("tickets will be revoked");
        await AssertAccessibleAsync();
        await Page.Keyboard.PressAsync("Escape");
        await Expect(profiles.ConfirmDialog).ToHaveCountAsync(0);
        await Expect(profiles.Row(name)).ToBeVisibleAsync();

        await profiles.Row(name).GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync();
        await profiles.ConfirmDialog.GetByRole(AriaRole.Button, new() { Name = "Delete profile" }).ClickAsync();
        await Expect(Page.Locator(".pp-toasts")).ToContainTextAsync($"Profile “{name}” deleted.");
        await Expect(profiles.Row(name)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task UnsavedChanges_AskBeforeLeaving_WhenNavigatingAway()
    {
        await SignInAsync("Admin");
        var editor = await (await ProfilesPage.OpenAsync(Page)).CreateAsync(Unique("Unsaved"));
        await editor.Description.FillAsync("Not saved yet");

        await new ShellPage(Page).NavLink("Audit log").ClickAsync();

        var confirm = Page.GetByTestId("confirm-dialog");
        await Expect(confirm).ToContainTextAsync("Leave without saving?");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
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
}
