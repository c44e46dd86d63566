using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SspPortal.E2E.Infrastructure;
using SspPortal.E2E.Portal;
using SspPortal.E2E.SetupFlow;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SspPortal.E2E.Security;

/// <summary>
/// In a real Chromium: the portal, the setup flow and the invalid-link page run under the Content-Security-Policy without
/// a single violation, and a ticket URL fetched by a mail scanner (a plain HTTP GET) still opens in the browser afterwards.
/// </summary>
[Collection(SetupFlowCollection.Name)]
public sealed class BrowserSecurityTests(SetupFlowFixture fixture, ITestOutputHelper output) : PortalTest(fixture, output)
{
    private readonly SetupFlowFixture _fixture = fixture;

    [Fact]
    public async Task Pages_ReportNoContentSecurityPolicyViolation_WhenPortalFlowAndErrorPagesAreVisited()
    {
        var violations = new List<string>();
        await WatchAsync(Page, violations);
        var url = await IssueTicketAsync($"csp-{Guid.NewGuid():N}"[..12]);
        foreach (var path in new[] { "profiles", "tickets", "connections", "audit" })
        {
            await new PageObjects.ShellPage(Page).GotoAsync(path);
            await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        // Static pages: the not-found page and an account page.
        foreach (var path in new[] { "no-such-page", "account/signed-out" })
        {
            await Page.GotoAsync(path);
            await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        var recipient = await _fixture.NewContextAsync();
        var flowPage = await recipient.NewPageAsync();
        await WatchAsync(flowPage, violations);
        await flowPage.GotoAsync(url);
        var flow = new SetupFlowPage(flowPage);
        await Expect(flow.GetStarted).ToBeVisibleAsync();
        await flow.WaitForInteractiveAsync();
        await flow.StartButton.ClickAsync();
        await Expect(flow.Strategy("oidc")).ToBeVisibleAsync();
        await flow.Strategy("oidc").ClickAsync();
        await flowPage.GetByTestId("copy-test-callback-button").ClickAsync();
        await flowPage.GotoAsync("/self-service/connections-flow?ticket=ABCDEFGHIJKLMNOPQRSTUVWXYZ012345");
        await Expect(flow.InvalidLink).ToBeVisibleAsync();
        // The language picker submits by itself (a script file, not an inline handler).
        await flowPage.GetByLabel("Language").SelectOptionAsync("de");
        await Expect(flowPage).ToHaveURLAsync(new Regex("lang=de"));
        await recipient.CloseAsync();

        Assert.True(violations.Count == 0, "CSP violations:\n" + string.Join('\n', violations));
    }

    [Fact]
    public async Task TicketUrl_OpensInTheBrowser_AfterAScannerFetchedItMoreTimesThanItCanBeOpened()
    {
        var name = $"scan-{Guid.NewGuid():N}"[..12];
        var url = await IssueTicketAsync(name);
        var address = url;
        var scanner = await _fixture.Browser.NewContextAsync();
        for (var i = 0; i < 12; i++)
        {
            // A request context sends no fetch metadata: a scanner's plain GET.
            var fetched = await scanner.APIRequest.GetAsync(address, new() { MaxRedirects = 0 });
            Assert.Equal(200, fetched.Status);
        }

        await scanner.CloseAsync();

        var recipient = await _fixture.NewContextAsync();
        var flowPage = await recipient.NewPageAsync();
        await flowPage.GotoAsync(address);
        var flow = new SetupFlowPage(flowPage);

        await Expect(flow.GetStarted).ToBeVisibleAsync();
        await Expect(flowPage).Not.ToHaveURLAsync(new Regex("ticket="));
        await recipient.CloseAsync();
        var tickets = await TicketsPage.OpenAsync(Page);
        await Expect(tickets.Rows.Filter(new() { HasText = $"Partners {name}" }).GetByTestId("ticket-opens")).ToHaveTextAsync("1/10");
    }

    /// <summary>
    /// Collects the browser's CSP reports: its console messages, and (from a script injected by the test driver, which the
    /// page's policy does not govern) the element behind each <c>securitypolicyviolation</c> event.
    /// </summary>
    private static async Task WatchAsync(IPage page, List<string> violations)
    {
        await page.AddInitScriptAsync(
            """
            document.addEventListener('securitypolicyviolation', e => console.error(
              'Content Security Policy violation: ' + e.violatedDirective + ' ' + (e.sample || '') + ' at '
              + (e.target instanceof Element ? e.target.outerHTML.slice(0, 300) : String(e.target))));
            """
        );
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };
    }

    private async Task<string> IssueTicketAsync(string connectionName)
    {
        await SignInAsync("Admin");
        var editor = await (await ProfilesPage.OpenAsync(Page)).CreateAsync($"Partners {connectionName}");
        await editor.IssueTicketButton.ClickAsync();
        var dialog = new IssueTicketDialog(Page);
        await dialog.ConnectionName.FillAsync(connectionName);
        await dialog.DomainAliases.FillAsync($"{connectionName}.example.com");
        await dialog.IssueButton.ClickAsync();
        await Expect(dialog.OnceNotice).ToBeVisibleAsync();
        var url = await dialog.Url.InputValueAsync();
        await dialog.DoneButton.ClickAsync();
        return url;
    }
}
