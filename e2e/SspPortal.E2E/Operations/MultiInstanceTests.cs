using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SspPortal.E2E.Infrastructure;
using SspPortal.E2E.PageObjects;
using SspPortal.E2E.Portal;
using SspPortal.E2E.SetupFlow;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SspPortal.E2E.Operations;

/// <summary>
/// Two app instances over one PostgreSQL database, as behind a load balancer: both on 127.0.0.1, so the browser sends
/// the same cookies to either (cookies ignore the port). Instance A is <see cref="PortalTest.Page"/>'s origin.
/// </summary>
public sealed class MultiInstanceTests(MultiInstanceFixture fixture, ITestOutputHelper output)
    : PortalTest(fixture, output),
        IClassFixture<MultiInstanceFixture>
{
    private readonly MultiInstanceFixture _fixture = fixture;

    [PostgreSqlFact]
    public async Task PortalCookie_IsAcceptedByTheSecondInstance_WhenMadeByTheFirst()
    {
        await SignInAsync("Editor");

        await Page.GotoAsync(new Uri(_fixture.SecondBaseUrl, "/").ToString());
        var shell = await ShellPage.WaitForAsync(Page);

        Assert.StartsWith(_fixture.SecondBaseUrl.ToString().TrimEnd('/'), Page.Url, StringComparison.Ordinal);
        await Expect(new DevSignInPage(Page).Heading).ToHaveCountAsync(0);
        await Expect(shell.UserName).ToHaveTextAsync("Editor Tester");
        await Expect(shell.Role).ToContainTextAsync("Editor");
        await Expect(shell.TenantName).ToContainTextAsync(PortalFixture.Acme.DisplayName);
    }

    [PostgreSqlFact]
    public async Task Revoke_OnTheFirstInstance_SwitchesTheFlowPageOpenOnTheSecondToTheInvalidLinkPage()
    {
        var name = $"multi-revoke-{Guid.NewGuid().ToString("N")[..6]}";
        var profileName = $"Two instances {name}";
        var (url, profileId) = await IssueTicketAsync(profileName, name);
        var recipient = await _fixture.Browser.NewContextAsync(
            new BrowserNewContextOptions { BaseURL = _fixture.SecondBaseUrl.ToString(), Locale = "en-US", TimezoneId = "UTC" }
        );
        recipient.SetDefaultTimeout(15_000);
        var flowPage = await recipient.NewPageAsync();
        await flowPage.GotoAsync(new Uri(_fixture.SecondBaseUrl, new Uri(url).PathAndQuery).ToString());
        var flow = new SetupFlowPage(flowPage);
        await flow.WaitForInteractiveAsync();
        await Expect(flow.GetStarted).ToBeVisibleAsync();
        Assert.StartsWith(_fixture.SecondBaseUrl.ToString().TrimEnd('/'), flowPage.Url, StringComparison.Ordinal);
        await flowPage.EvaluateAsync("() => { window.__sspStillHere = true; }");

        var tickets = await TicketsPage.OpenAsync(Page, profileId);
        await tickets.Rows.First.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Revoke") }).ClickAsync();
        await tickets.ConfirmDialog.GetByRole(AriaRole.Button, new() { Name = "Revoke ticket" }).ClickAsync();
        await Expect(tickets.Rows.First).ToContainTextAsync("Revoked");
        var revoked = Stopwatch.StartNew();

        await Expect(flow.InvalidLink).ToBeVisibleAsync(new() { Timeout = 2_000 });
        Output.WriteLine($"Invalid-link page on the second instance {revoked.ElapsedMilliseconds} ms after the revocation was shown.");
        Assert.True(await flowPage.EvaluateAsync<bool>("() => window.__sspStillHere === true"), "The flow page reloaded.");
        await Expect(flowPage.GetByText(profileName)).ToHaveCountAsync(0);
        await recipient.CloseAsync();
    }

    /// <summary>Signs in on instance A as Admin, creates a profile and issues a ticket for it there.</summary>
    private async Task<(string Url, string ProfileId)> IssueTicketAsync(string profileName, string connectionName)
    {
        await SignInAsync("Admin");
        var editor = await (await ProfilesPage.OpenAsync(Page)).CreateAsync(profileName);
        await editor.IssueTicketButton.ClickAsync();
        var dialog = new IssueTicketDialog(Page);
        await dialog.ConnectionName.FillAsync(connectionName);
        await dialog.DomainAliases.FillAsync($"{connectionName}.example.com");
        await dialog.IssueButton.ClickAsync();
        await Expect(dialog.OnceNotice).ToBeVisibleAsync();
        var url = await dialog.Url.InputValueAsync();
        await dialog.DoneButton.ClickAsync();
        return (url, editor.ProfileId);
    }
}
