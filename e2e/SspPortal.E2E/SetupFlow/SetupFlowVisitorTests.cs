using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SspPortal.E2E.Infrastructure;
using SspPortal.E2E.Portal;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SspPortal.E2E.SetupFlow;

/// <summary>
/// What a customer's IT admin does besides walking straight through: changing the language on a step, opening the
/// link again later, and using the flow on a phone or zoomed in. Tickets are opened exactly as the portal shows them.
/// </summary>
[Collection(SetupFlowCollection.Name)]
public sealed class SetupFlowVisitorTests(SetupFlowFixture fixture, ITestOutputHelper output) : PortalTest(fixture, output)
{
    private readonly SetupFlowFixture _fixture = fixture;

    [Fact]
    public async Task LanguagePicker_KeepsTheStepAndEverythingTyped_OnEveryStep()
    {
        var url = await IssueAsync("Languages");
        var (context, page) = await OpenAsync(url, 1280, 800);
        var flow = new SetupFlowPage(page);
        await Expect(flow.GetStarted).ToBeVisibleAsync();
        await flow.ChangeLanguageAsync("de");
        await Expect(flow.StepHeading).ToHaveTextAsync(new Regex("^Single Sign-On für Languages partners"));
        await AssertLanguageAsync(flow, "de");
        await page.GetByRole(AriaRole.Button, new() { Name = "Starten" }).ClickAsync();

        await Expect(flow.ChooseStep).ToBeVisibleAsync();
        await flow.ChangeLanguageAsync("en");
        await Expect(flow.StepHeading).ToHaveTextAsync("Choose your identity provider");
        await flow.ChangeLanguageAsync("de");
        await Expect(flow.StepHeading).ToHaveTextAsync("Identitätsanbieter wählen");
        await Expect(flow.ChooseStep).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/self-service/setup\\?lang=de$"));
        await AssertLanguageAsync(flow, "de");

        await flow.Strategy("oidc").ClickAsync();
        await Expect(flow.ConfigureStep).ToBeVisibleAsync();
        var issuer = _fixture.IdentityProvider.Issuer.ToString().TrimEnd('/');
        await flow.DiscoveryUrlField.FillAsync(issuer);
        await flow.ClientIdField.FillAsync(OidcProviderServer.ClientId);
        await flow.ClientSecretField.FillAsync(OidcProviderServer.ClientSecret);
        await flow.ChangeLanguageAsync("fr");
        await Expect(flow.StepHeading).ToHaveTextAsync(new Regex("^Configurer: OpenID Connect"));
        await Expect(flow.DiscoveryUrlField).ToHaveValueAsync(issuer);
        await Expect(flow.ClientIdField).ToHaveValueAsync(OidcProviderServer.ClientId);
        await Expect(flow.ClientSecretField).ToHaveValueAsync(OidcProviderServer.ClientSecret);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" })).ToBeVisibleAsync();
        await AssertLanguageAsync(flow, "fr");

        // SAML: back to the choice through the step indicator, then the manual settings, typed and not saved yet.
        await flow.StepLink("choose").ClickAsync();
        await flow.Strategy("samlp").ClickAsync();
        await Expect(flow.SignInUrlField).ToBeVisibleAsync();
        var certificate = PartnerIdentityProvider.CertificatePem();
        await flow.MetadataUrlField.FillAsync("https://idp.partner.example/not-yet");
        await flow.SignInUrlField.FillAsync(PartnerIdentityProvider.SignInUrl);
        await flow.CertificateField.FillAsync(certificate);
        await flow.ChangeLanguageAsync("de");
        await Expect(flow.StepHeading).ToHaveTextAsync(new Regex("^Konfigurieren: SAML"));
        await Expect(flow.MetadataUrlField).ToHaveValueAsync("https://idp.partner.example/not-yet");
        await Expect(flow.SignInUrlField).ToHaveValueAsync(PartnerIdentityProvider.SignInUrl);
        Assert.Equal(certificate.ReplaceLineEndings("\n").Trim(), (await flow.CertificateField.InputValueAsync()).ReplaceLineEndings("\n").Trim());
        await AssertLanguageAsync(flow, "de");
        await flow.MetadataUrlField.FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern und weiter" }).ClickAsync();

        await Expect(flow.AttributesStep).ToBeVisibleAsync();
        await flow.ChangeLanguageAsync("fr");
        await Expect(flow.StepHeading).ToHaveTextAsync("Attributs");
        await Expect(flow.AttributesStep).ToBeVisibleAsync();
        await AssertLanguageAsync(flow, "fr");
        await page.GetByTestId("attributes-next").ClickAsync();

        await Expect(flow.TestStep).ToBeVisibleAsync();
        await flow.RunTest.ClickAsync();
        await Expect(flow.TestOutcome).ToHaveAttributeAsync("data-passed", "true");
        await flow.ChangeLanguageAsync("de");
        await Expect(flow.StepHeading).ToHaveTextAsync("Verbindung testen");
        await Expect(flow.TestOutcome).ToHaveAttributeAsync("data-passed", "true");
        await AssertLanguageAsync(flow, "de");
        await page.GetByTestId("test-next").ClickAsync();

        await Expect(flow.FinishStep).ToBeVisibleAsync();
        await flow.ChangeLanguageAsync("en");
        await Expect(flow.StepHeading).ToHaveTextAsync("Finish");
        await Expect(flow.FinishStep).ToBeVisibleAsync();
        await AssertLanguageAsync(flow, "en");
        await ScreenshotOfAsync(page, "language-finish-en");
        await AssertFlowPageAccessibleAsync(page);

        // A reload keeps the language picked last.
        await flow.ChangeLanguageAsync("fr");
        await Expect(flow.StepHeading).ToHaveTextAsync("Terminer");
        await page.ReloadAsync();
        await Expect(flow.StepHeading).ToHaveTextAsync("Terminer");
        await context.CloseAsync();
    }

    [Fact]
    public async Task LanguagePicker_OnTheInvalidLinkPage_StaysOnTheFlowAndChangesTheLanguage()
    {
        var context = await _fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/self-service/connections-flow?ticket=ABCDEFGHIJKLMNOPQRSTUVWXYZ012345");

        await page.Locator("#ssp-flow-lang-select").SelectOptionAsync("de");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dieser Link kann nicht mehr verwendet werden");
        Assert.Equal("/self-service/connections-flow", new Uri(page.Url).AbsolutePath);
        await context.CloseAsync();
    }

    [Fact]
    public async Task ReopeningTheLink_ResumesAtTheStepReached_WithWhatWasEnteredAndWithoutCountingAnOpen()
    {
        var name = $"resume-{Suffix()}";
        await SignInAsync("Admin");
        var (url, profileId) = await PortalTickets.IssueAsync(Page, $"Resume partners {name}", name);
        var (context, page) = await OpenAsync(url, 1280, 800);
        var flow = new SetupFlowPage(page);
        await flow.StartButton.ClickAsync();
        await flow.Strategy("oidc").ClickAsync();
        var issuer = _fixture.IdentityProvider.Issuer.ToString().TrimEnd('/');
        await flow.DiscoveryUrlField.FillAsync(issuer);
        await flow.ClientIdField.FillAsync(OidcProviderServer.ClientId);
        await flow.ClientSecretField.FillAsync(OidcProviderServer.ClientSecret);
        await flow.SaveButton.ClickAsync();
        await Expect(flow.AttributesStep).ToBeVisibleAsync();

        // The admin comes back later through the same link, in a new tab of the same browser.
        var again = await context.NewPageAsync();
        await again.GotoAsync(url);
        var resumed = new SetupFlowPage(again);
        await resumed.WaitForInteractiveAsync();

        await Expect(resumed.AttributesStep).ToBeVisibleAsync();
        await Expect(again).Not.ToHaveURLAsync(new Regex("ticket="));
        await Expect(resumed.CurrentStep).ToHaveTextAsync("Attributes");
        await Expect(resumed.Steps.GetByRole(AriaRole.Button)).ToHaveTextAsync(["Choose your identity provider", "Configure"]);
        await AssertFlowPageAccessibleAsync(again);
        await again.ScreenshotAsync(new PageScreenshotOptions { Path = ArtifactPath("resume-attributes"), FullPage = true });

        // Back to a step already done, with the keyboard: what was saved is there.
        await resumed.StepLink("configure").FocusAsync();
        await again.Keyboard.PressAsync("Enter");
        await Expect(resumed.ConfigureStep).ToBeVisibleAsync();
        await Expect(resumed.CurrentStep).ToHaveTextAsync("Configure");
        await Expect(resumed.DiscoveryUrlField).ToHaveValueAsync(issuer + "/.well-known/openid-configuration");
        await Expect(resumed.ClientIdField).ToHaveValueAsync(OidcProviderServer.ClientId);
        await Expect(resumed.StepLink("attributes")).ToHaveCountAsync(0);
        await again.ScreenshotAsync(new PageScreenshotOptions { Path = ArtifactPath("resume-back-to-configure"), FullPage = true });

        var tickets = await TicketsPage.OpenAsync(Page, profileId);
        await Expect(tickets.Rows.First.GetByTestId("ticket-opens")).ToHaveTextAsync("1/10");
        await context.CloseAsync();
    }

    public static TheoryData<int, int> Viewports => new() { { 390, 844 }, { 640, 800 }, { 1280, 800 } };

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task EveryStep_FitsTheWindow_AtPhoneWidthZoomedInAndOnADesktop(int width, int height)
    {
        var url = await IssueAsync($"Fit {width}");
        var (context, page) = await OpenAsync(url, width, height);
        var flow = new SetupFlowPage(page);
        await Expect(flow.GetStarted).ToBeVisibleAsync();
        await AssertFitsAsync(page, width, "get-started");

        await flow.StartButton.ClickAsync();
        await Expect(flow.ChooseStep).ToBeVisibleAsync();
        await AssertFitsAsync(page, width, "choose");

        await flow.Strategy("oidc").ClickAsync();
        await Expect(flow.ConfigureStep).ToBeVisibleAsync();
        await flow.SaveButton.ClickAsync();
        await Expect(flow.FieldErrors.First).ToBeVisibleAsync();
        await AssertFitsAsync(page, width, "configure-oidc");

        await flow.StepLink("choose").ClickAsync();
        await flow.Strategy("samlp").ClickAsync();
        await flow.MetadataFile.SetInputFilesAsync(PartnerIdentityProvider.WriteMetadataFile());
        await Expect(flow.Understood).ToBeVisibleAsync();
        await AssertFitsAsync(page, width, "configure-saml");
        await flow.SaveButton.ClickAsync();

        await Expect(flow.AttributesStep).ToBeVisibleAsync();
        await AssertFitsAsync(page, width, "attributes");
        await page.GetByTestId("attributes-next").ClickAsync();

        await Expect(flow.TestStep).ToBeVisibleAsync();
        await flow.RunTest.ClickAsync();
        await Expect(flow.TestOutcome).ToHaveAttributeAsync("data-passed", "true");
        await AssertFitsAsync(page, width, "test");
        await page.GetByTestId("test-next").ClickAsync();

        await Expect(flow.FinishStep).ToBeVisibleAsync();
        await AssertFitsAsync(page, width, "finish");
        await context.CloseAsync();
    }

    /// <summary>
    /// The page is no wider than the window, every table stays inside its card, and nothing covers a button of the
    /// step's actions. Also saves a screenshot and runs the accessibility scan.
    /// </summary>
    private async Task AssertFitsAsync(IPage page, int width, string step)
    {
        await ScreenshotOfAsync(page, $"fit-{width}-{step}");
        var problems = await page.EvaluateAsync<JsonElement>(
            """
            () => {
              const problems = [];
              const doc = document.documentElement;
              if (doc.scrollWidth > window.innerWidth) {
                problems.push(`the page is ${doc.scrollWidth}px wide in a ${window.innerWidth}px window`);
              }
              const overlaps = (a, b) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
              const buttons = [...document.querySelectorAll('.ssp-flow-actions button, .ssp-flow-actions a')];
              for (const table of document.querySelectorAll('.ssp-flow-main table')) {
                const box = table.getBoundingClientRect();
                const card = table.closest('.ssp-flow-card').getBoundingClientRect();
                if (box.left < card.left - 1 || box.right > card.right + 1) {
                  problems.push(`a table (${table.dataset.testid ?? table.className}) reaches ${Math.round(box.right)}px, its card ends at ${Math.round(card.right)}px`);
                }
                for (const button of buttons) {
                  if (overlaps(box, button.getBoundingClientRect())) {
                    problems.push(`a table covers the button "${button.textContent.trim()}"`);
                  }
                }
              }
              for (const element of document.querySelectorAll('.ssp-flow-main *')) {
                const box = element.getBoundingClientRect();
                if (box.width > 0 && box.right > window.innerWidth + 1) {
                  problems.push(`${element.tagName.toLowerCase()}.${element.className} ends at ${Math.round(box.right)}px`);
                  break;
                }
              }
              return problems;
            }
            """
        );
        Assert.True(problems.GetArrayLength() == 0, $"{step} at {width}px: {string.Join("; ", problems.EnumerateArray().Select(p => p.GetString()))}");
        await AssertFlowPageAccessibleAsync(page);
    }

    private static async Task AssertLanguageAsync(SetupFlowPage flow, string tag)
    {
        await Expect(flow.Language).ToHaveValueAsync(tag);
        await Expect(flow.Page.Locator(".ssp-flow-frame")).ToHaveAttributeAsync("lang", tag);
    }

    private async Task<string> IssueAsync(string purpose)
    {
        var name = $"visitor-{Suffix()}";
        await SignInAsync("Admin");
        return (await PortalTickets.IssueAsync(Page, $"{purpose} partners {name}", name, PortalTickets.TypicalAttributes)).Url;
    }

    /// <summary>Opens the ticket URL exactly as the portal showed it, in a fresh browser context of the given size.</summary>
    private async Task<(IBrowserContext Context, IPage Page)> OpenAsync(string url, int width, int height)
    {
        var context = await _fixture.Browser.NewContextAsync(
            new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "en-US", TimezoneId = "UTC" }
        );
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await new SetupFlowPage(page).WaitForInteractiveAsync();
        return (context, page);
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..6];

    private static async Task ScreenshotOfAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ArtifactPath(name), FullPage = true });

    private static string ArtifactPath(string name)
    {
        var folder = Path.Combine(RepositoryPaths.Artifacts, nameof(SetupFlowVisitorTests));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{name}.png");
    }
}
