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

    /// <summary>Waits until the page's circuit is live (buttons react).</summary>
    public async Task WaitForInteractiveAsync()
    {
        await Page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
