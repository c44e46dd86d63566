using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SspPortal.E2E.PageObjects;

/// <summary>The portal shell around every portal page: header (tenant, user, role, sign-out, theme) and navigation.</summary>
public sealed class ShellPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Header => Page.Locator(".rz-header");

    public ILocator TenantName => Page.GetByTestId("tenant-name");

    public ILocator SignedInUser => Page.GetByTestId("signed-in-user");

    public ILocator UserName => Page.GetByTestId("user-name");

    public ILocator Role => Page.GetByTestId("user-role");

    public ILocator Navigation => Page.GetByRole(AriaRole.Navigation, new() { Name = "Portal" });

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator SignOutButton => Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });

    public ILocator ThemeToggle => Page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" });

    public ILocator NavLink(string name) => Navigation.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>The navigation entry with this text, link or not (disabled items are not links).</summary>
    public ILocator NavItem(string text) => Navigation.Locator(".rz-navigation-item").Filter(new() { HasText = text });

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

    /// <summary>Clicks "Sign out"; the browser lands on the portal's signed-out page (or the provider's sign-out prompt).</summary>
    public async Task SignOutAsync()
    {
        await SignOutButton.ClickAsync();
        await Page.WaitForURLAsync(new Regex("/account/signed-out|/session/end"));
    }
}
