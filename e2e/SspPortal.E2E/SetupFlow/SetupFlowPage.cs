using Microsoft.Playwright;

namespace SspPortal.E2E.SetupFlow;

/// <summary>The setup flow a ticket URL leads to, as the customer's IT admin sees it.</summary>
public sealed class SetupFlowPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator GetStarted => Page.GetByTestId("get-started");

    public ILocator StartButton => Page.GetByRole(AriaRole.Button, new() { Name = "Start" });

    public ILocator InvalidLink => Page.GetByTestId("invalid-link");

    public ILocator Strategy(string name) => Page.GetByTestId($"strategy-{name}");

    public ILocator DiscoveryUrl => Page.GetByLabel("Discovery URL or issuer");

    public ILocator ClientId => Page.GetByLabel("Client ID");

    public ILocator ClientSecret => Page.GetByLabel("Client secret");

    public ILocator MetadataFile => Page.GetByTestId("metadata-file");

    public ILocator Understood => Page.GetByTestId("saml-understood");

    /// <summary>The messages shown beside fields the last save refused.</summary>
    public ILocator FieldErrors => Page.GetByTestId("field-error");

    public ILocator SaveButton => Page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" });

    public ILocator AttributesStep => Page.GetByTestId("attributes-step");

    public ILocator ContinueButton => Page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true });

    public ILocator TestStep => Page.GetByTestId("test-step");

    public ILocator RunTest => Page.GetByTestId("run-test");

    public ILocator TestOutcome => Page.GetByTestId("test-outcome");

    public ILocator TestChecks => Page.GetByTestId("test-checks");

    public ILocator FinishButton => Page.GetByTestId("finish");

    public ILocator Done => Page.GetByTestId("done");

    public ILocator ChooseStep => Page.GetByTestId("choose-step");

    public ILocator ConfigureStep => Page.GetByTestId("configure-step");

    public ILocator FinishStep => Page.GetByTestId("finish-step");

    /// <summary>The heading of the step shown.</summary>
    public ILocator StepHeading => Page.Locator(".ssp-flow-main h1");

    /// <summary>The language picker's list, whatever language the page is in.</summary>
    public ILocator Language => Page.Locator("#ssp-flow-lang-select");

    /// <summary>The step indicator.</summary>
    public ILocator Steps => Page.GetByTestId("flow-steps");

    /// <summary>The step indicator's button back to a step already done (<c>choose</c>, <c>configure</c>, <c>attributes</c>, <c>test</c>).</summary>
    public ILocator StepLink(string step) => Page.GetByTestId($"step-link-{step}");

    public ILocator CurrentStep => Steps.Locator("[aria-current=step]");

    public ILocator Domain => Page.GetByTestId("domain");

    public ILocator DiscoveryUrlField => Page.GetByTestId("discovery-url");

    public ILocator ClientIdField => Page.GetByTestId("client-id");

    public ILocator ClientSecretField => Page.GetByTestId("client-secret");

    public ILocator MetadataUrlField => Page.GetByTestId("metadata-url");

    public ILocator SignInUrlField => Page.GetByTestId("sign-in-url");

    public ILocator CertificateField => Page.GetByTestId("certificate");

    /// <summary>Picks a language the way a person does: into the list, then the choice.</summary>
    public async Task ChangeLanguageAsync(string tag)
    {
        await Language.FocusAsync();
        await Language.SelectOptionAsync(tag);
    }

    /// <summary>Waits until the page's circuit is live (buttons react).</summary>
    public async Task WaitForInteractiveAsync()
    {
        await Page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
