using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SspPortal.E2E.Infrastructure;
using SspPortal.E2E.PageObjects;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SspPortal.E2E.Shell;

[Collection(PortalCollection.Name)]
public sealed class ShellTests(DevSignInPortalFixture fixture, ITestOutputHelper output) : PortalTest(fixture, output)
{
    [Fact]
    public async Task DevelopmentSignIn_ShowsShellWithUserTenantAndRole_WhenSignedIn()
    {
        var signIn = await DevSignInPage.OpenAsync(Page, "/");
        await Expect(signIn.DevelopmentOnlyNote).ToContainTextAsync("For development only");
        await AssertAccessibleAsync();

        var shell = await signIn.SignInAsync("Erin Editor", "acme", "Editor");

        await Expect(shell.TenantName).ToHaveTextAsync("Acme Corporation");
        await Expect(shell.SignedInUser).ToContainTextAsync("Erin Editor");
        await Expect(shell.Role).ToHaveTextAsync("Editor");
        await Expect(shell.SignOutButton).ToBeVisibleAsync();
        foreach (var (name, path) in new[] { ("Profiles", "/profiles"), ("Tickets", "/tickets"), ("Connections", "/connections"), ("Audit log", "/audit") })
        {
            await Expect(shell.NavLink(name)).ToHaveAttributeAsync("href", new Regex($"^/?{Regex.Escape(path.TrimStart('/'))}$"));
        }

        await Expect(shell.NavItem("Settings")).ToHaveClassAsync(new Regex("rz-state-disabled"));
        await Expect(shell.Navigation.GetByRole(AriaRole.Link, new() { Name = "Settings" })).ToHaveCountAsync(0);
        await Expect(shell.Heading).ToContainTextAsync("Welcome, Erin Editor");
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task DevelopmentSignIn_ShowsFieldError_WhenDisplayNameEmpty()
    {
        var signIn = await DevSignInPage.OpenAsync(Page, "/");

        await signIn.FillAsync("", "acme", "Viewer");
        await signIn.SubmitButton.ClickAsync();

        await Expect(Page.GetByText("Enter a display name.")).ToBeVisibleAsync();
        await Expect(signIn.Heading).ToBeVisibleAsync();
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task PortalPage_RedirectsToSignIn_WhenNotSignedIn()
    {
        await Page.GotoAsync("/");

        await Expect(Page).ToHaveURLAsync(new Regex("/account/dev-sign-in\\?returnUrl=%2F$"));
        await Expect(new DevSignInPage(Page).Heading).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_ReturnsToRequestedPage_WhenStartedFromThatPage()
    {
        await Page.GotoAsync("/?section=start");
        var signIn = new DevSignInPage(Page);

        await signIn.SignInAsync("Ada Admin", "globex", "Admin");

        await Expect(Page).ToHaveURLAsync(new Regex("/\\?section=start$"));
        await Expect(new ShellPage(Page).TenantName).ToHaveTextAsync("Globex");
    }

    [Fact]
    public async Task ThemeToggle_SwitchesToDarkAndKeepsIt_WhenClickedAndReloaded()
    {
        var shell = await SignInAsync("Viewer");
        await Expect(shell.ThemeToggle).ToHaveAttributeAsync("aria-pressed", "false");

        await shell.ThemeToggle.ClickAsync();

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("data-theme", "material-dark");
        await Page.ReloadAsync();
        await shell.WaitForInteractiveAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("data-theme", "material-dark");
        await Expect(Page.Locator("link[href*='material-dark']")).ToHaveCountAsync(1);
        await Expect(shell.ThemeToggle).ToHaveAttributeAsync("aria-pressed", "true");
        await AssertAccessibleAsync();

        // And back to light.
        await shell.ThemeToggle.ClickAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("data-theme", "material");
        await Expect(Page.Locator("link[href*='material-dark']")).ToHaveCountAsync(0);
        await Expect(Page.Locator("link[href*='_content/Radzen.Blazor/css/material-base.css']")).ToHaveCountAsync(1);
        await Expect(shell.ThemeToggle).ToHaveAttributeAsync("aria-pressed", "false");
    }

    [Fact]
    public async Task UnknownAddress_ShowsFriendlyNotFoundPage_WhenSignedIn()
    {
        await SignInAsync();

        var response = await Page.GotoAsync("no-such-page");

        Assert.Equal(404, response?.Status);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Go to the start page" })).ToBeVisibleAsync();
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task SignOut_ShowsSignedOutPageAndEndsTheSession_WhenClicked()
    {
        var shell = await SignInAsync();

        await shell.SignOutAsync();

        var signedOut = new AccountMessagePage(Page);
        await Expect(signedOut.Heading).ToHaveTextAsync("You are signed out");
        await AssertAccessibleAsync();
        await Page.GotoAsync("/");
        await Expect(Page).ToHaveURLAsync(new Regex("/account/dev-sign-in"));
    }
}
