using System.Reflection;
using Microsoft.Playwright;
using SspPortal.E2E.PageObjects;
using Xunit.Abstractions;

namespace SspPortal.E2E.Infrastructure;

/// <summary>
/// Base class of the browser tests: each test gets its own browser context and page, a screenshot of the page at
/// its end (<c>artifacts/e2e/&lt;TestClass&gt;/&lt;TestMethod&gt;.png</c>), and sign-in helpers that work with either fixture.
/// </summary>
public abstract class PortalTest(PortalFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<string> _browserErrors = [];

    protected PortalFixture Fixture { get; } = fixture;

    protected ITestOutputHelper Output { get; } = output;

    protected IBrowserContext Context { get; private set; } = default!;

    protected IPage Page { get; private set; } = default!;

    /// <summary>Errors the page logged to the browser console (e.g. a failed Blazor circuit).</summary>
    protected IReadOnlyList<string> BrowserErrors => _browserErrors;

    public virtual async Task InitializeAsync()
    {
        Context = await Fixture.NewContextAsync();
        Context.SetDefaultTimeout(15_000);
        Page = await Context.NewPageAsync();
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _browserErrors.Add(message.Text);
            }
        };
    }

    public virtual async Task DisposeAsync()
    {
        try
        {
            await ScreenshotAsync(TestName);
        }
        catch (PlaywrightException exception)
        {
            Output.WriteLine($"No screenshot: {exception.Message}");
        }

        await Context.CloseAsync();
    }

    /// <summary>Saves a full-page screenshot as <c>artifacts/e2e/&lt;TestClass&gt;/&lt;name&gt;.png</c>.</summary>
    protected async Task ScreenshotAsync(string name)
    {
        var folder = Path.Combine(RepositoryPaths.Artifacts, GetType().Name);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Output.WriteLine($"Screenshot: {path}");
    }

    /// <summary>
    /// Runs the axe scan on the current page in light and in dark mode (the page follows the browser's colour scheme
    /// unless the test picked a mode); serious or critical violations fail the test.
    /// </summary>
    protected Task AssertAccessibleAsync() => AxeScan.AssertNoSeriousViolationsInBothModesAsync(Page);

    /// <summary>Runs the axe scan on a setup-flow page (its own layout and styles); serious or critical violations fail the test.</summary>
    protected static Task AssertFlowPageAccessibleAsync(IPage page) => AxeScan.AssertNoSeriousViolationsOnFlowPageAsync(page);

    /// <summary>
    /// Signs in to tenant <c>acme</c> in <paramref name="role"/> (Admin, Editor, Viewer): through the development sign-in,
    /// or as the matching <see cref="TestUsers"/> user through the OpenID provider. Returns the shell, ready for clicks.
    /// </summary>
    protected Task<ShellPage> SignInAsync(string role = "Admin") =>
        Fixture.UsesOpenIdConnect
            ? SignInWithProviderAsync(
                role switch
                {
                    "Admin" => TestUsers.AcmeAdmin,
                    "Editor" => TestUsers.AcmeEditor,
                    "Viewer" => TestUsers.AcmeViewer,
                    _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Admin, Editor or Viewer"),
                }
            )
            : SignInWithDevelopmentSignInAsync($"{role} Tester", PortalFixture.Acme, role);

    /// <summary>Signs in through the development sign-in page (only with <see cref="DevSignInPortalFixture"/>).</summary>
    protected async Task<ShellPage> SignInWithDevelopmentSignInAsync(string displayName, TestTenant tenant, string role, string returnUrl = "/")
    {
        var signIn = await DevSignInPage.OpenAsync(Page, returnUrl);
        return await signIn.SignInAsync(displayName, tenant.Id, role);
    }

    /// <summary>Signs in through the test OpenID provider's login form (only with <see cref="OidcPortalFixture"/>).</summary>
    protected async Task<ShellPage> SignInWithProviderAsync(TestUser user, string returnUrl = "/")
    {
        var login = await ProviderLoginPage.OpenFromPortalAsync(Page, returnUrl);
        await login.SignInAsync(user.Login, user.Password);
        return await ShellPage.WaitForAsync(Page);
    }

    /// <summary>The test's method name, plus its arguments for a theory, as a file name.</summary>
    private string TestName
    {
        get
        {
            var test = Output.GetType().GetField("test", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(Output) as ITest;
            if (test is null)
            {
                return "test-" + Guid.NewGuid().ToString("N")[..8];
            }

            var name = test.TestCase.TestMethod.Method.Name;
            var display = test.DisplayName;
            var arguments = display.IndexOf('(', StringComparison.Ordinal) is var open and >= 0 ? display[open..] : "";
            var safe = new string((name + arguments).Select(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '@' ? c : '_').ToArray());
            return safe.TrimEnd('_');
        }
    }
}
