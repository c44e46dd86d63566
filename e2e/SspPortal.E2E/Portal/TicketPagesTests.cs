using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SspPortal.E2E.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SspPortal.E2E.Portal;

[Collection(PortalPagesCollection.Name)]
public sealed class TicketPagesTests(PortalPagesFixture fixture, ITestOutputHelper output) : PortalTest(fixture, output)
{
    [Fact]
    public async Task IssueCopyOpenRevoke_TracksTheTicket_WhenAdminIssuesOne()
    {
        await Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = Fixture.BaseUrl.GetLeftPart(UriPartial.Authority) });
        await SignInAsync("Admin");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var editor = await (await ProfilesPage.OpenAsync(Page)).CreateAsync($"Tickets {suffix}");

        await editor.IssueTicketButton.ClickAsync();
        var dialog = new IssueTicketDialog(Page);
        await Expect(dialog.Root).ToBeVisibleAsync();
        await AssertAccessibleAsync();

        // Live validation with the API's request validator, while typing.
        await dialog.ConnectionName.FillAsync("bad name!");
        await Expect(dialog.Messages.First).ToContainTextAsync("Use letters and digits");
        await dialog.ConnectionName.FillAsync($"acme-partner-{suffix}");
        await Expect(dialog.Messages).ToHaveCountAsync(0);
        await dialog.DisplayName.FillAsync("Partner login");
        await dialog.DomainAliases.FillAsync($"partner-{suffix}.example.com");
        await dialog.Lifetime.FillAsync("6");
        await dialog.Lifetime.BlurAsync();
        await Expect(dialog.Messages.First).ToContainTextAsync("at most 5 days");
        await dialog.ChooseUnitAsync("hours");
        await dialog.Lifetime.FillAsync("12");
        await dialog.Lifetime.BlurAsync();
        await Expect(dialog.Messages).ToHaveCountAsync(0);
        await ScreenshotAsync("issue-dialog");
        await dialog.IssueButton.ClickAsync();

        await Expect(dialog.OnceNotice).ToContainTextAsync("You cannot see this link again");
        var url = await dialog.Url.InputValueAsync();
        Assert.Matches(new Regex($"^https://{Regex.Escape(Fixture.BaseUrl.Authority)}/self-service/connections-flow\\?ticket=[A-Za-z0-9]{{32}}$"), url);
        await dialog.CopyButton.ClickAsync();
        await Expect(dialog.CopyStatus).ToHaveTextAsync("Copied to the clipboard.");
        var copied = await Page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(url, copied);
        await AssertAccessibleAsync();
        await ScreenshotAsync("issued-once");
        await dialog.DoneButton.ClickAsync();
        await Expect(dialog.Root).ToHaveCountAsync(0);

        var tickets = await TicketsPage.OpenAsync(Page, editor.ProfileId);
        await Expect(tickets.Rows).ToHaveCountAsync(1);
        await Expect(tickets.Rows.First).ToContainTextAsync("Active");
        await Expect(tickets.Rows.First).ToContainTextAsync("Admin Tester");
        await Expect(tickets.Rows.First.GetByTestId("ticket-opens")).ToHaveTextAsync("0/10");
        Assert.DoesNotContain(new Uri(url).Query, await Page.ContentAsync(), StringComparison.Ordinal);

        // The recipient opens the link in a browser of their own (the test app answers plain http on loopback).
        var recipient = await Fixture.NewContextAsync();
        var flow = await recipient.NewPageAsync();
        await flow.GotoAsync(new Uri(Fixture.BaseUrl, new Uri(url).PathAndQuery).ToString());
        await Expect(flow.GetByTestId("get-started")).ToBeVisibleAsync();
        await Expect(flow).Not.ToHaveURLAsync(new Regex("ticket="));

        await Page.ReloadAsync();
        await new SspPortal.E2E.PageObjects.ShellPage(Page).WaitForInteractiveAsync();
        await Expect(tickets.Rows.First).ToContainTextAsync("Opened");
        await Expect(tickets.Rows.First.GetByTestId("ticket-opens")).ToHaveTextAsync("1/10");
        await AssertAccessibleAsync();

        await tickets.Rows.First.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Revoke") }).ClickAsync();
        await Expect(tickets.ConfirmDialog).ToContainTextAsync("stops working at once");
        await AssertAccessibleAsync();
        await tickets.ConfirmDialog.GetByRole(AriaRole.Button, new() { Name = "Revoke ticket" }).ClickAsync();
        await Expect(tickets.Rows.First).ToContainTextAsync("Revoked");
        await Expect(tickets.Rows.First.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Revoke") })).ToHaveCountAsync(0);
        await ScreenshotAsync("revoked");

        await flow.ReloadAsync();
        await Expect(flow.GetByTestId("invalid-link")).ToBeVisibleAsync();
        await flow.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, nameof(TicketPagesTests), "recipient-after-revoke.png") });
        await recipient.CloseAsync();

        var all = await TicketsPage.OpenAsync(Page);
        await Expect(all.Rows.Filter(new() { HasText = $"Tickets {suffix}" })).ToContainTextAsync("Revoked");
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task AuditLog_ShowsWhoDidWhat_WhenFilteredByProfile()
    {
        await SignInAsync("Editor");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var editor = await (await ProfilesPage.OpenAsync(Page)).CreateAsync($"Audited {suffix}");
        await editor.Description.FillAsync("Changed once");
        await editor.SaveAsync();

        await new SspPortal.E2E.PageObjects.ShellPage(Page).GotoAsync($"audit?profile={editor.ProfileId}");
        var rows = Page.GetByTestId("audit-row");
        await Expect(rows.First).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("audit-table")).ToContainTextAsync("Editor Tester");
        await Expect(Page.GetByTestId("audit-table")).ToContainTextAsync("profile.");
        var filtered = await rows.CountAsync();
        Assert.True(filtered >= 2, $"expected the create and the update, saw {filtered}");
        Assert.All(await rows.Locator("td:last-child").AllInnerTextsAsync(), text => Assert.Equal($"Audited {suffix}", text));
        await AssertAccessibleAsync();

        await Page.GetByLabel("Profile").SelectOptionAsync("");
        await Expect(Page).ToHaveURLAsync(new Regex("/audit$"));
    }
}
