using Microsoft.Playwright;

namespace SspPortal.E2E.PageObjects;

/// <summary>The test OpenID provider's own pages: its login form and its sign-out prompt.</summary>
public sealed class ProviderLoginPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Email => Page.GetByLabel("Email");

    public ILocator Password => Page.GetByLabel("Password");

    public ILocator SubmitButton => Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" });

    public ILocator Error => Page.GetByRole(AriaRole.Alert);

    /// <summary>Starts the portal's sign-in, which redirects to the provider's login form.</summary>
    public static async Task<ProviderLoginPage> OpenFromPortalAsync(IPage page, string returnUrl = "/")
    {
        await page.GotoAsync($"account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var login = new ProviderLoginPage(page);
        await login.Email.WaitForAsync();
        return login;
    }

    /// <summary>Fills and submits the form; the provider then redirects back to the portal.</summary>
    public async Task SignInAsync(string login, string password)
    {
        await Email.FillAsync(login);
        await Password.FillAsync(password);
        await SubmitButton.ClickAsync();
    }

    /// <summary>Confirms the provider's "sign out?" prompt shown during the portal's sign-out.</summary>
    public static async Task ConfirmSignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, sign me out" }).ClickAsync();
    }
}
