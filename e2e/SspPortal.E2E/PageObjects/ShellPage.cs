using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SspPortal.E2E.PageObjects;

/// <summary>
/// The portal shell around every portal page: the app bar (drawer toggle, tenant, theme switch, user menu with role and
/// sign-out) and the navigation drawer.
/// </summary>
public sealed class ShellPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Header => Page.GetByTestId("app-bar");

    public ILocator TenantName => Page.GetByTestId("tenant-name");

    /// <summary>The user menu's button: the signed-in user's name and role.</summary>
    public ILocator SignedInUser => Page.GetByTestId("signed-in-user");

    public ILocator UserName => Page.GetByTestId("user-name");

    public ILocator Role => Page.GetByTestId("user-role");

    /// <summary>The user menu's opened list (name, role, tenant, "Sign out").</summary>
    public ILocator UserMenu => Page.GetByRole(AriaRole.Menu);

    public ILocator SignOutButton => Page.GetByRole(AriaRole.Menuitem, new() { Name = "Sign out" });

    public ILocator DrawerToggle => Page.GetByRole(AriaRole.Button, new() { Name = "Navigation", Exact = true });

    public ILocator Drawer => Page.Locator("#portal-drawer");

    public ILocator Navigation => Page.GetByRole(AriaRole.Navigation, new() { Name = "Portal" });

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The theme switch: as the system, light, dark, and back.</summary>
    public ILocator ThemeToggle => Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Theme: ") });

    public ILocator NavLink(string name) => Navigation.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>Waits until the shell is shown and its interactive circuit is connected (buttons then respond).</summary>
    public static async Task<ShellPage> WaitForAsync(IPage page)
    {
        var shell = new ShellPage(page);
        await shell.WaitForInteractiveAsync();
        return shell;
    }

    public async Task WaitForInteractiveAsync()
    {
        await Page.Locator("main[data-interactive='true']").WaitForAsync();
    }

    /// <summary>Navigates to a portal address (relative, e.g. <c>profiles</c>) and waits for the shell.</summary>
    public async Task<ShellPage> GotoAsync(string relativeUrl)
    {
        await Page.GotoAsync(relativeUrl);
        await WaitForInteractiveAsync();
        return this;
    }

    /// <summary>Opens the user menu (name, role, tenant, "Sign out").</summary>
    public async Task OpenUserMenuAsync()
    {
        await SignedInUser.ClickAsync();
        await UserMenu.WaitForAsync();
    }

    /// <summary>Opens the drawer when it is closed (phone width, high zoom) and waits for its links.</summary>
    public async Task OpenNavigationAsync()
    {
        if (await DrawerToggle.GetAttributeAsync("aria-expanded") != "true")
        {
            await DrawerToggle.ClickAsync();
        }

        await NavLink("Profiles").WaitForAsync();
    }

    /// <summary>Signs out from the user menu; the browser lands on the portal's signed-out page (or the provider's sign-out prompt).</summary>
    public async Task SignOutAsync()
    {
        await OpenUserMenuAsync();
        await SignOutButton.ClickAsync();
        await Page.WaitForURLAsync(new Regex("/account/signed-out|/session/end"));
    }
}
