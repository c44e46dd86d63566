using Microsoft.Playwright;

namespace SspPortal.E2E.PageObjects;

/// <summary>The portal's account message pages: no access, signed out, sign-in failed.</summary>
public sealed class AccountMessagePage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator SignOutButton => Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });

    public ILocator SignInAgainLink => Page.GetByRole(AriaRole.Link, new() { Name = "Sign in again" });
}
