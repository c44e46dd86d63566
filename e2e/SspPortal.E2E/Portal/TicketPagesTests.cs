using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SspPortal.E2E.Infrastructure;
using SspPortal.E2E.PageObjects;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SspPortal.E2E.Portal;

[Collection(TicketPagesCollection.Name)]
public sealed class TicketPagesTests(TicketPagesFixture fixture, ITestOutputHelper output) : PortalTest(fixture, output)
{
    private new TicketPagesFixture Fixture => (TicketPagesFixture)base.Fixture;

    /// <summary>A profile with <paramref name="count"/> tickets issued through the API, a second apart in creation order.</summary>
    private async Task<(string ProfileId, List<string> Urls, string Suffix)> SeedTicketsAsync(int count)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var profileId = await Fixture.CreateProfileAsync($"Paging {suffix}");
        var urls = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            urls.Add(await Fixture.IssueTicketAsync(profileId, $"page-{suffix}-{i:00}"));
        }

        return (profileId, urls, suffix);
    }

    [Fact]
    public async Task ProfileTickets_PagesThroughMoreThanOnePage_WhenManyTicketsIssued()
    {
        var (profileId, _, suffix) = await SeedTicketsAsync(30);
        await SignInAsync("Viewer");

        var tickets = await TicketsPage.OpenAsync(Page, profileId);

        await Expect(tickets.Total).ToHaveTextAsync("30 tickets");
        await Expect(tickets.Rows).ToHaveCountAsync(25);
        await Expect(tickets.Rows.First).ToContainTextAsync($"page-{suffix}-30");
        await Expect(tickets.Table).ToContainTextAsync("1-25 of 30");
        await AssertAccessibleAsync();

        await tickets.NextPage.ClickAsync();

        await Expect(tickets.Rows).ToHaveCountAsync(5);
        await Expect(tickets.Rows.Last).ToContainTextAsync($"page-{suffix}-01");
        await Expect(tickets.Table).ToContainTextAsync("26-30 of 30");
        await Expect(tickets.Rows.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Revoke") })).ToHaveCountAsync(0);

        // Oldest first, by a click on the column header.
        await tickets.Table.Locator("th").Filter(new() { HasText = "Issued" }).First.Locator(".sortable-column-header").ClickAsync();
        await Expect(tickets.Rows.First).ToContainTextAsync($"page-{suffix}-01");
    }

    [Fact]
    public async Task TicketList_NarrowsTheList_BySearchStatusAndProfile()
    {
        var (profileId, urls, suffix) = await SeedTicketsAsync(6);
        await Fixture.RevokeTicketAsync(profileId, urls[1]);
        await Fixture.RevokeTicketAsync(profileId, urls[4]);
        await SignInAsync("Admin");
        var tickets = await TicketsPage.OpenAsync(Page);

        await tickets.Search.FillAsync($"page-{suffix}");
        await Expect(tickets.Total).ToHaveTextAsync("6 tickets match the filters");
        await tickets.FilterByStatusAsync("Revoked");
        await Expect(tickets.Total).ToHaveTextAsync("2 tickets match the filters");
        await Expect(tickets.Rows).ToHaveCountAsync(2);
        await Expect(tickets.Rows.Nth(0)).ToContainTextAsync($"page-{suffix}-05");
        await Expect(tickets.Rows.Nth(1)).ToContainTextAsync($"page-{suffix}-02");
        await ScreenshotAsync("filtered");

        await tickets.Search.FillAsync($"page-{suffix}-03");
        await Expect(tickets.Total).ToHaveTextAsync("0 tickets match the filters");
        await Expect(Page.GetByTestId("no-tickets")).ToHaveTextAsync("No tickets match these filters.");
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task Revoke_AsksFirstAndConfirms_WhenAdminRevokes()
    {
        var (profileId, _, suffix) = await SeedTicketsAsync(2);
        await SignInAsync("Admin");
        var tickets = await TicketsPage.OpenAsync(Page, profileId);
        var row = tickets.Rows.Filter(new() { HasText = $"page-{suffix}-02" });
        await Expect(row).ToContainTextAsync("Active");

        await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Revoke") }).ClickAsync();
        await Expect(tickets.ConfirmDialog).ToContainTextAsync("stops working at once");
        await AssertAccessibleAsync();
        await ScreenshotAsync("confirm-revoke");
        await tickets.ConfirmDialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(tickets.ConfirmDialog).ToHaveCountAsync(0);
        await Expect(row).ToContainTextAsync("Active");

        await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Revoke") }).ClickAsync();
        await tickets.ConfirmDialog.GetByRole(AriaRole.Button, new() { Name = "Revoke ticket" }).ClickAsync();

        await Expect(tickets.Snackbar).ToContainTextAsync("Ticket revoked.");
        await Expect(row).ToContainTextAsync("Revoked");
        await Expect(row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Revoke") })).ToHaveCountAsync(0);
        await Expect(tickets.Rows.Filter(new() { HasText = $"page-{suffix}-01" })).ToContainTextAsync("Active");
        await ScreenshotAsync("revoked");
    }

    [Fact]
    public async Task IssueOpenRevoke_TracksTheTicket_WhenAdminIssuesOneInThePortal()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var profileId = await Fixture.CreateProfileAsync($"Journey {suffix}");
        await SignInAsync("Admin");
        var tickets = await TicketsPage.OpenAsync(Page, profileId);
        await Expect(Page.GetByTestId("no-tickets")).ToHaveTextAsync("No tickets have been issued for this profile yet.");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Issue ticket" }).ClickAsync();
        var dialog = new IssueTicketDialog(Page);
        await Expect(dialog.Root).ToBeVisibleAsync();
        await AssertAccessibleAsync();

        // Live validation with the API's request validator, while typing.
        await dialog.ConnectionName.FillAsync("bad name!");
        await Expect(dialog.Messages.First).ToContainTextAsync("Use letters and digits");
        await dialog.ConnectionName.FillAsync($"journey-{suffix}");
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
        var url = await dialog.Url.InputValueAsync();
        await dialog.DoneButton.ClickAsync();

        await Expect(tickets.Rows).ToHaveCountAsync(1);
        await Expect(tickets.Rows.First).ToContainTextAsync("Active");
        await Expect(tickets.Rows.First).ToContainTextAsync("Admin Tester");
        await Expect(tickets.Rows.First).ToContainTextAsync("in 12 hours");
        await Expect(tickets.Rows.First.GetByTestId("ticket-opens")).ToHaveTextAsync("0/10");
        Assert.DoesNotContain(new Uri(url).Query, await Page.ContentAsync(), StringComparison.Ordinal);

        // The recipient opens the link, exactly as copied, in a browser of their own.
        var recipient = await Fixture.NewContextAsync();
        var flow = await recipient.NewPageAsync();
        await flow.GotoAsync(url);
        await Expect(flow.GetByTestId("get-started")).ToBeVisibleAsync();

        await Page.ReloadAsync();
        await new ShellPage(Page).WaitForInteractiveAsync();
        await Expect(tickets.Rows.First).ToContainTextAsync("Opened");
        await Expect(tickets.Rows.First.GetByTestId("ticket-opens")).ToHaveTextAsync("1/10");

        await tickets.Rows.First.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Revoke") }).ClickAsync();
        await tickets.ConfirmDialog.GetByRole(AriaRole.Button, new() { Name = "Revoke ticket" }).ClickAsync();
        await Expect(tickets.Rows.First).ToContainTextAsync("Revoked");

        await flow.ReloadAsync();
        await Expect(flow.GetByTestId("invalid-link")).ToBeVisibleAsync();
        await recipient.CloseAsync();
    }

    [Fact]
    public async Task AuditLog_ShowsWhoDidWhat_WhenFiltered()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var profileId = await Fixture.CreateProfileAsync($"Audited {suffix}");
        await Fixture.UpdateProfileAsync(profileId, "Changed once");
        await Fixture.IssueTicketAsync(profileId, $"audited-{suffix}");
        await SignInAsync("Editor");

        await new ShellPage(Page).GotoAsync($"audit?profile={profileId}");

        var rows = Page.GetByTestId("audit-table").Locator("tr.audit-row");
        await Expect(Page.GetByTestId("audit-total")).ToHaveTextAsync("4 entries match the filters");
        await Expect(rows).ToHaveCountAsync(4);
        await Expect(rows.First).ToContainTextAsync("ticket.issued");
        await Expect(rows.Last).ToContainTextAsync("profile.created");
        Assert.All(await rows.Locator("td:last-child").AllInnerTextsAsync(), text => Assert.EndsWith($"Audited {suffix}", text.Trim()));
        await AssertAccessibleAsync();

        await Page.GetByLabel("Search").FillAsync("Changed");
        await Expect(Page.GetByTestId("audit-total")).ToHaveTextAsync(new Regex("^[1-9][0-9]* entr"));
        await Page.GetByLabel("Search").FillAsync("");
        await Page.GetByTestId("audit-filters").Locator(".mud-select").Filter(new() { HasText = "Action" }).First.ClickAsync();
        await Page.Locator(".mud-popover-open").GetByText("profile.updated", new() { Exact = true }).ClickAsync();
        await TicketsPage.ClosePopoverAsync(Page);
        await Expect(Page.GetByTestId("audit-total")).ToHaveTextAsync("1 entry matches the filters");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("profile.updated");
    }

    [Theory]
    [InlineData("tickets")]
    [InlineData("audit")]
    public async Task Page_HasNoHorizontalScroll_OnAPhone(string address)
    {
        await SeedTicketsAsync(3);
        await SignInAsync("Admin");
        await Page.SetViewportSizeAsync(390, 844);

        await new ShellPage(Page).GotoAsync(address);
        await Expect(Page.Locator("tr.ticket-row, tr.audit-row").First).ToBeVisibleAsync();

        var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page scrolls sideways by {overflow} px at 390 px wide.");
        await AssertAccessibleAsync();
        await ScreenshotAsync($"phone-{address}");
    }
}
