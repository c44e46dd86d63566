using Microsoft.Playwright;

namespace SspPortal.E2E.PageObjects;

/// <summary>The development sign-in page (<c>/account/dev-sign-in</c>).</summary>
public sealed class DevSignInPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Name = "Development sign-in" });

    public ILocator DisplayName => Page.GetByLabel("Display name");

    public ILocator Tenant => Page.GetByLabel("Tenant");

    public ILocator SubmitButton => Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" });

    public ILocator DevelopmentOnlyNote => Page.GetByRole(AriaRole.Note);

    public ILocator RoleOption(string role) => Page.GetByRole(AriaRole.Radio, new() { Name = role });

    /// <summary>Opens the portal's sign-in (which sends the browser to the development sign-in page).</summary>
    public static async Task<DevSignInPage> OpenAsync(IPage page, string returnUrl = "/")
    {
        await page.GotoAsync($"account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var signIn = new DevSignInPage(page);
        await signIn.Heading.WaitForAsync();
        return signIn;
    }

    public async Task FillAsync(string displayName, string tenantId, string role)
    {
        await DisplayName.FillAsync(displayName);
        await Tenant.SelectOptionAsync(tenantId);
        await RoleOption(role).CheckAsync();
    }

    public async Task<ShellPage> SignInAsync(string displayName, string tenantId, string role)
    {
        await FillAsync(displayName, tenantId, role);
        await SubmitButton.ClickAsync();
        return await ShellPage.WaitForAsync(Page);
    }
}
