using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SspPortal.E2E.Infrastructure;
using SspPortal.E2E.PageObjects;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SspPortal.E2E.Portal;

[Collection(PortalPagesCollection.Name)]
public sealed class AccessTests(PortalPagesFixture fixture, ITestOutputHelper output) : PortalTest(fixture, output)
{
    /// <summary>An admin of <paramref name="tenant"/> creates a profile with a ticket, in a browser of their own.</summary>
    private async Task<(string ProfileId, string Name)> SeedAsync(TestTenant tenant)
    {
        var context = await Fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var signIn = await DevSignInPage.OpenAsync(page, "/");
        await signIn.SignInAsync("Seeding Admin", tenant.Id, "Admin");
        var name = $"{tenant.DisplayName} secret {Guid.NewGuid().ToString("N")[..6]}";
        var editor = await (await ProfilesPage.OpenAsync(page)).CreateAsync(name);
        await editor.IssueTicketButton.ClickAsync();
        var dialog = new IssueTicketDialog(page);
        await dialog.ConnectionName.FillAsync($"seed-{Guid.NewGuid().ToString("N")[..8]}");
        await dialog.IssueButton.ClickAsync();
        await Expect(dialog.OnceNotice).ToBeVisibleAsync();
        await dialog.DoneButton.ClickAsync();
        var id = editor.ProfileId;
        await context.CloseAsync();
        return (id, name);
    }

    [Fact]
    public async Task Viewer_SeesEverythingReadOnly_WhenSignedInAsViewer()
    {
        var (profileId, name) = await SeedAsync(PortalFixture.Acme);
        await SignInAsync("Viewer");

        var profiles = await ProfilesPage.OpenAsync(Page);
        await Expect(profiles.Row(name)).ToBeVisibleAsync();
        await Expect(profiles.CreateButton).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Delete") })).ToHaveCountAsync(0);
        await AssertAccessibleAsync();

        var editor = await ProfileEditorPage.OpenAsync(Page, profileId);
        await Expect(editor.ReadOnlyNotice).ToBeVisibleAsync();
        await Expect(editor.Name).ToHaveAttributeAsync("readonly", "");
        await Expect(editor.Description).ToHaveAttributeAsync("readonly", "");
        await Expect(editor.Strategy("okta")).ToBeDisabledAsync();
        await Expect(editor.LogoUrl).ToHaveAttributeAsync("readonly", "");
        await Expect(editor.PrimaryColour).ToHaveAttributeAsync("readonly", "");
        await Expect(editor.Introduction).ToHaveAttributeAsync("readonly", "");
        await Expect(editor.SaveButton).ToHaveCountAsync(0);
        await Expect(editor.ResetTextButton).ToHaveCountAsync(0);
        await Expect(editor.AddAttributeButton).ToHaveCountAsync(0);
        await Expect(editor.IssueTicketButton).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Delete" })).ToHaveCountAsync(0);
        await Expect(editor.Preview).ToContainTextAsync(name);
        await AssertAccessibleAsync();
        await ScreenshotAsync("viewer-editor");

        var tickets = await TicketsPage.OpenAsync(Page, profileId);
        await Expect(tickets.Rows).ToHaveCountAsync(1);
        await Expect(Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Revoke") })).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Issue ticket" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task SecondTenantAdmin_SeesNoneOfTheFirstTenantsData_WhenSignedIn()
    {
        var (acmeProfileId, acmeName) = await SeedAsync(PortalFixture.Acme);

        await SignInWithDevelopmentSignInAsync("Globex Admin", PortalFixture.Globex, "Admin");
        await Expect(new ShellPage(Page).TenantName).ToHaveTextAsync("Globex");

        var profiles = await ProfilesPage.OpenAsync(Page);
        await Expect(Page.GetByTestId("profiles-page")).Not.ToContainTextAsync(acmeName);
        await Expect(Page.GetByTestId("profiles-page")).Not.ToContainTextAsync("Acme");

        await new ShellPage(Page).GotoAsync($"profiles/{acmeProfileId}");
        await Expect(Page.GetByTestId("profile-not-found")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("profile-editor")).Not.ToContainTextAsync(acmeName);
        await AssertAccessibleAsync();

        await new ShellPage(Page).GotoAsync($"profiles/{acmeProfileId}/tickets");
        await Expect(Page.GetByTestId("profile-not-found")).ToBeVisibleAsync();

        await TicketsPage.OpenAsync(Page);
        await Expect(Page.GetByTestId("tickets-page")).Not.ToContainTextAsync(acmeName);
        await Expect(Page.GetByTestId("tickets-page")).Not.ToContainTextAsync("Seeding Admin");

        await new ShellPage(Page).GotoAsync($"audit?profile={acmeProfileId}");
        await Expect(Page.GetByTestId("no-audit-entries")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("audit-table").Locator("tr.audit-row")).ToHaveCountAsync(0);
        await new ShellPage(Page).GotoAsync("audit");
        await Expect(Page.GetByTestId("audit-page")).Not.ToContainTextAsync(acmeName);
        await Expect(Page.GetByTestId("audit-page")).Not.ToContainTextAsync("Seeding Admin");
        await ScreenshotAsync("globex-audit");

        // Globex's own work stays in Globex.
        profiles = await ProfilesPage.OpenAsync(Page);
        var own = await profiles.CreateAsync($"Globex own {Guid.NewGuid().ToString("N")[..6]}");
        Assert.NotEqual(acmeProfileId, own.ProfileId);
    }

    [Fact]
    public async Task CreateProfile_ExplainsTheLimit_WhenTenantHasReachedIt()
    {
        var tenant = new TestTenant("initech-" + Guid.NewGuid().ToString("N")[..6], "Initech");
        await ((PortalPagesFixture)Fixture).AddTenantAsync(tenant, maxProfiles: 1);
        await SignInWithDevelopmentSignInAsync("Ian Initech", tenant, "Admin");

        var profiles = await ProfilesPage.OpenAsync(Page);
        await Expect(Page.GetByTestId("profile-quota")).ToHaveTextAsync("0 of 1 profiles used");
        await profiles.CreateAsync("The only one");
        profiles = await ProfilesPage.OpenAsync(Page);

        await Expect(profiles.CreateButton).ToBeDisabledAsync();
        await Expect(Page.GetByTestId("profile-limit-reached")).ToContainTextAsync("reached its limit of 1 profile");
        await AssertAccessibleAsync();
    }
}
