using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SspPortal.E2E.Infrastructure;
using SspPortal.E2E.PageObjects;
using SspPortal.E2E.Portal;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SspPortal.E2E.SetupFlow;

/// <summary>
/// A ticket issued in the portal, opened in a fresh browser, taken through the whole setup flow against a real
/// OpenID provider (and a SAML metadata upload), ending with the connection in the portal.
/// </summary>
[Collection(SetupFlowCollection.Name)]
public sealed class SetupFlowTests(SetupFlowFixture fixture, ITestOutputHelper output) : PortalTest(fixture, output)
{
    private readonly SetupFlowFixture _fixture = fixture;

    [Fact]
    public async Task OidcFlow_CreatesTheConnectionAfterAPassingTest_WhenAdminGoesThroughEveryStep()
    {
        var name = $"flow-oidc-{Suffix()}";
        var url = await IssueTicketAsync($"OIDC partners {name}", name);

        var (context, flowPage) = await OpenAsRecipientAsync(url);
        var flow = new SetupFlowPage(flowPage);
        await Expect(flow.GetStarted).ToBeVisibleAsync();
        await Expect(flowPage).Not.ToHaveURLAsync(new Regex("ticket="));
        await FlowScreenshotAsync(flowPage, "oidc-1-get-started");
        await AssertFlowPageAccessibleAsync(flowPage);
        await flow.StartButton.ClickAsync();

        await Expect(flow.Strategy("oidc")).ToBeVisibleAsync();
        await Expect(flow.Strategy("okta")).ToContainTextAsync("Okta");
        await FlowScreenshotAsync(flowPage, "oidc-2-choose");
        await AssertFlowPageAccessibleAsync(flowPage);
        await flow.Strategy("oidc").ClickAsync();

        await flow.SaveButton.ClickAsync();
        await Expect(flow.FieldErrors.First).ToBeVisibleAsync();
        await Expect(flow.DiscoveryUrl).ToHaveAttributeAsync("aria-invalid", "true");
        await FlowScreenshotAsync(flowPage, "oidc-3-configure-errors");
        await AssertFlowPageAccessibleAsync(flowPage);
        await flow.DiscoveryUrl.FillAsync(_fixture.IdentityProvider.Issuer.ToString().TrimEnd('/'));
        await flow.ClientId.FillAsync(OidcProviderServer.ClientId);
        await flow.ClientSecret.FillAsync(OidcProviderServer.ClientSecret);
        await Expect(flowPage.GetByTestId("copy-test-callback")).ToHaveValueAsync(new Regex("/self-service/test/callback$"));
        // Copied, or (where the browser refuses the clipboard) selected for Ctrl+C; either way the status line says so.
        await flowPage.GetByTestId("copy-test-callback-button").ClickAsync();
        await Expect(flowPage.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new Regex(@"^(Copied|Selected: press Ctrl\+C)") }))
            .ToHaveCountAsync(1);
        // The messages of the empty save go away with the fields they were about.
        await Expect(flow.FieldErrors).ToHaveCountAsync(0);
        await Expect(flow.DiscoveryUrl).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await FlowScreenshotAsync(flowPage, "oidc-3-configure");
        await AssertFlowPageAccessibleAsync(flowPage);
        await flow.SaveButton.ClickAsync();

        await Expect(flow.AttributesStep).ToBeVisibleAsync();
        await FlowScreenshotAsync(flowPage, "oidc-4-attributes");
        await AssertFlowPageAccessibleAsync(flowPage);
        await flow.ContinueButton.ClickAsync();

        await Expect(flow.TestStep).ToBeVisibleAsync();
        await AssertFlowPageAccessibleAsync(flowPage);
        var popup = await flowPage.RunAndWaitForPopupAsync(() => flow.RunTest.ClickAsync());
        var login = new ProviderLoginPage(popup);
        await login.SignInAsync("admin@acme", TestUsers.Password);
        await Expect(popup.GetByTestId("test-done")).ToBeVisibleAsync();
        await popup.ScreenshotAsync(new PageScreenshotOptions { Path = ArtifactPath("oidc-5-test-window"), FullPage = true });
        await AssertFlowPageAccessibleAsync(popup);
        await popup.CloseAsync();

        await Expect(flow.TestOutcome).ToHaveAttributeAsync("data-passed", "true", new() { Timeout = 10_000 });
        await Expect(flowPage.GetByTestId("test-claims")).ToContainTextAsync("admin@acme");
        await FlowScreenshotAsync(flowPage, "oidc-6-test-passed");
        await AssertFlowPageAccessibleAsync(flowPage);
        await flowPage.GetByTestId("test-next").ClickAsync();

        await flow.FinishButton.ClickAsync();
        await Expect(flow.Done).ToBeVisibleAsync();
        await FlowScreenshotAsync(flowPage, "oidc-7-done");
        await AssertFlowPageAccessibleAsync(flowPage);
        await context.CloseAsync();

        await AssertConnectionListedAsync(name, "OpenID Connect", "oidc-8-portal-connections");
    }

    [Fact]
    public async Task SamlFlow_CreatesTheConnection_WhenMetadataFileIsUploaded()
    {
        var name = $"flow-saml-{Suffix()}";
        var url = await IssueTicketAsync($"SAML partners {name}", name);
        var metadataPath = PartnerIdentityProvider.WriteMetadataFile();

        var (context, flowPage) = await OpenAsRecipientAsync(url);
        var flow = new SetupFlowPage(flowPage);
        await Expect(flow.GetStarted).ToBeVisibleAsync();
        await AssertFlowPageAccessibleAsync(flowPage);
        await flow.StartButton.ClickAsync();
        await Expect(flow.Strategy("samlp")).ToBeVisibleAsync();
        await AssertFlowPageAccessibleAsync(flowPage);
        await flow.Strategy("samlp").ClickAsync();
        await Expect(flowPage.GetByTestId("copy-acs")).ToHaveValueAsync(new Regex("/login/callback$"));
        await Expect(flowPage.GetByTestId("copy-entity")).ToHaveValueAsync($"urn:sspportal:acme:{name}");
        // The metadata URL as the visitor copies it, fetched as it is.
        var metadata = await flowPage.APIRequest.GetAsync(await flowPage.GetByTestId("copy-metadata").InputValueAsync());
        Assert.Equal(200, metadata.Status);
        Assert.Contains($"entityID=\"urn:sspportal:acme:{name}\"", await metadata.TextAsync(), StringComparison.Ordinal);
        await AssertFlowPageAccessibleAsync(flowPage);
        await flow.SaveButton.ClickAsync();
        await Expect(flow.FieldErrors.First).ToBeVisibleAsync();
        await AssertFlowPageAccessibleAsync(flowPage);

        await flow.MetadataFile.SetInputFilesAsync(metadataPath);
        await Expect(flow.Understood).ToContainTextAsync("https://idp.partner.example/saml/metadata");
        await Expect(flowPage.GetByTestId("understood-subject")).ToContainTextAsync("CN=Partner Signing");
        await FlowScreenshotAsync(flowPage, "saml-1-understood");
        await AssertFlowPageAccessibleAsync(flowPage);
        await flow.SaveButton.ClickAsync();

        await Expect(flow.AttributesStep).ToBeVisibleAsync();
        await AssertFlowPageAccessibleAsync(flowPage);
        await flow.ContinueButton.ClickAsync();
        await Expect(flow.TestStep).ToBeVisibleAsync();
        await AssertFlowPageAccessibleAsync(flowPage);
        await flow.RunTest.ClickAsync();
        await Expect(flow.TestOutcome).ToHaveAttributeAsync("data-passed", "true");
        await Expect(flow.TestChecks).ToContainTextAsync("Signing certificate not expired");
        await FlowScreenshotAsync(flowPage, "saml-2-test-passed");
        await AssertFlowPageAccessibleAsync(flowPage);
        await flowPage.GetByTestId("test-next").ClickAsync();
        await flow.FinishButton.ClickAsync();
        await Expect(flow.Done).ToBeVisibleAsync();
        await AssertFlowPageAccessibleAsync(flowPage);
        await context.CloseAsync();

        await AssertConnectionListedAsync(name, "SAML", "saml-3-portal-connections");
        await IssueForExistingConnectionAsync(name, "SAML");
    }

    [Fact]
    public async Task Revoke_SwitchesTheOpenFlowPageToTheInvalidLinkPage_WithoutAReload()
    {
        var name = $"flow-revoke-{Suffix()}";
        var profileName = $"Revoke partners {name}";
        var (url, profileId) = await IssueTicketWithProfileAsync(profileName, name);
        var (context, flowPage) = await OpenAsRecipientAsync(url);
        var flow = new SetupFlowPage(flowPage);
        await Expect(flow.GetStarted).ToBeVisibleAsync();
        await flow.WaitForInteractiveAsync();
        await flowPage.EvaluateAsync("() => { window.__sspStillHere = true; }");

        var tickets = await TicketsPage.OpenAsync(Page, profileId);
        await tickets.Rows.First.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Revoke") }).ClickAsync();
        await tickets.ConfirmDialog.GetByRole(AriaRole.Button, new() { Name = "Revoke ticket" }).ClickAsync();
        await Expect(tickets.Rows.First).ToContainTextAsync("Revoked");

        await Expect(flow.InvalidLink).ToBeVisibleAsync(new() { Timeout = 4_000 });
        Assert.True(await flowPage.EvaluateAsync<bool>("() => window.__sspStillHere === true"), "The flow page reloaded.");
        await Expect(flowPage.GetByText(profileName)).ToHaveCountAsync(0);
        await FlowScreenshotAsync(flowPage, "revoke-invalid-link");
        await AssertFlowPageAccessibleAsync(flowPage);
        await context.CloseAsync();
    }

    [Theory]
    [InlineData("en-US", "This link can no longer be used")]
    [InlineData("de-DE", "Dieser Link kann nicht mehr verwendet werden")]
    public async Task InvalidLinkPage_SpeaksTheBrowsersLanguage_WhenTheTicketIsUnknown(string locale, string heading)
    {
        var context = await _fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _fixture.BaseUrl.ToString(), Locale = locale });
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/self-service/connections-flow?ticket=ABCDEFGHIJKLMNOPQRSTUVWXYZ012345");

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ArtifactPath($"invalid-link-{locale}"), FullPage = true });
        await AssertFlowPageAccessibleAsync(page);
        await context.CloseAsync();
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..6];

    private async Task<string> IssueTicketAsync(string profileName, string connectionName) =>
        (await IssueTicketWithProfileAsync(profileName, connectionName)).Url;

    private async Task<(string Url, string ProfileId)> IssueTicketWithProfileAsync(string profileName, string connectionName)
    {
        await SignInAsync("Admin");
        return await PortalTickets.IssueAsync(Page, profileName, connectionName);
    }

    /// <summary>Issues a second ticket, from another profile, that edits the connection a finished flow created.</summary>
    private async Task IssueForExistingConnectionAsync(string connectionName, string strategy)
    {
        var editor = await (await ProfilesPage.OpenAsync(Page)).CreateAsync($"Edit {connectionName}");
        await editor.IssueTicketButton.ClickAsync();
        var dialog = new IssueTicketDialog(Page);
        await dialog.ExistingConnectionMode.CheckAsync();
        await dialog.ChooseExistingConnectionAsync($"{connectionName} ({strategy})");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = ArtifactPath("saml-4-issue-for-existing") });
        await AssertAccessibleAsync();
        await dialog.IssueButton.ClickAsync();

        await Expect(dialog.OnceNotice).ToBeVisibleAsync();
        await dialog.DoneButton.ClickAsync();
        await new ShellPage(Page).GotoAsync("tickets");
        await Expect(Page.Locator("tr", new() { HasText = $"Edit {connectionName}" })).ToContainTextAsync(connectionName);
    }

    /// <summary>Opens the ticket URL exactly as the portal showed it, in a fresh browser context.</summary>
    private async Task<(IBrowserContext Context, IPage Page)> OpenAsRecipientAsync(string url)
    {
        var context = await _fixture.NewContextAsync();
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await new SetupFlowPage(page).WaitForInteractiveAsync();
        return (context, page);
    }

    private async Task AssertConnectionListedAsync(string name, string strategy, string screenshot)
    {
        await new ShellPage(Page).GotoAsync("connections");
        // The grid row that holds the connection's name cell (MudDataGrid rows carry no attributes of their own).
        var row = Page.Locator("tr", new() { Has = Page.Locator($"[data-testid=connection-row][data-name='{name}']") });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.GetByTestId("connection-strategy")).ToHaveTextAsync(strategy);
        await Expect(row.GetByTestId("connection-status")).ToContainTextAsync("Enabled");
        await Expect(row.GetByTestId("connection-origin")).ToContainTextAsync("Ticket issued by");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = ArtifactPath(screenshot), FullPage = true });
        await AssertAccessibleAsync();

        await new ShellPage(Page).GotoAsync("audit");
        await Expect(Page.GetByTestId("audit-table")).ToContainTextAsync("connection.created");
    }

    private async Task FlowScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ArtifactPath(name), FullPage = true });

    private static string ArtifactPath(string name)
    {
        var folder = Path.Combine(RepositoryPaths.Artifacts, nameof(SetupFlowTests));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{name}.png");
    }
}
