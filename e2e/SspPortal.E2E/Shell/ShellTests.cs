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
        foreach (var (name, path) in new[] { ("Profiles", "/profiles"), ("Tickets", "/tickets"), ("Connections", "/connections"), ("Audit log", "/audit"), ("Settings", "/settings") })
        {
            await Expect(shell.NavLink(name)).ToHaveAttributeAsync("href", new Regex($"^/?{Regex.Escape(path.TrimStart('/'))}$"));
        }

        await Expect(shell.Heading).ToHaveCountAsync(1);
        await Expect(shell.Heading).ToContainTextAsync("Welcome, Erin Editor");
        await Expect(Page.Locator("main#main")).ToHaveCountAsync(1);
        await Expect(Page.Locator("link[rel=icon][type='image/svg+xml']")).ToHaveCountAsync(1);
        await AssertAccessibleAsync();

        await shell.OpenUserMenuAsync();

        await Expect(shell.UserMenu).ToContainTextAsync("Editor · Acme Corporation");
        await Expect(shell.SignOutButton).ToBeVisibleAsync();
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
    public async Task Theme_FollowsTheSystemSetting_UntilAModeIsPicked()
    {
        await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        var shell = await SignInAsync("Viewer");
        var html = Page.Locator("html");
        await Expect(html).ToHaveAttributeAsync("data-theme-choice", "system");
        await Expect(html).ToHaveAttributeAsync("data-theme", "dark");
        Assert.Equal(DarkSurface, await SurfaceColourAsync());

        await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });

        await Expect(html).ToHaveAttributeAsync("data-theme", "light");
        Assert.Equal(LightSurface, await SurfaceColourAsync());
        await Expect(shell.ThemeToggle).ToHaveAccessibleNameAsync("Theme: as the system. Switch to light");
        Assert.Null(await ThemeCookieAsync());

        // Picked: light, although the system now says dark.
        await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await Expect(html).ToHaveAttributeAsync("data-theme", "dark");
        await shell.ThemeToggle.ClickAsync();
        await Expect(html).ToHaveAttributeAsync("data-theme", "light");
        await Expect(shell.ThemeToggle).ToHaveAccessibleNameAsync("Theme: light. Switch to dark");
        Assert.Equal("light", await ThemeCookieAsync());
        await Page.ReloadAsync();
        await shell.WaitForInteractiveAsync();
        await Expect(html).ToHaveAttributeAsync("data-theme", "light");
        await Expect(shell.ThemeToggle).ToHaveAccessibleNameAsync("Theme: light. Switch to dark");
        Assert.Equal(LightSurface, await SurfaceColourAsync());

        // Picked: dark, although the system says light; the server renders it into the page (no flash on first paint).
        await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await shell.ThemeToggle.ClickAsync();
        await Expect(html).ToHaveAttributeAsync("data-theme", "dark");
        Assert.Equal("dark", await ThemeCookieAsync());
        var served = await Page.APIRequest.GetAsync(Fixture.BaseUrl.ToString());
        Assert.Contains("data-theme-choice=\"dark\" data-theme=\"dark\"", await served.TextAsync(), StringComparison.Ordinal);
        await Page.ReloadAsync();
        await shell.WaitForInteractiveAsync();
        await Expect(html).ToHaveAttributeAsync("data-theme", "dark");
        Assert.Equal(DarkSurface, await SurfaceColourAsync());
        await AssertAccessibleAsync();
        await ScreenshotAsync("picked-dark");

        // Back to the system setting: the cookie goes, the page follows the system again.
        await shell.ThemeToggle.ClickAsync();
        await Expect(shell.ThemeToggle).ToHaveAccessibleNameAsync("Theme: as the system. Switch to light");
        Assert.Null(await ThemeCookieAsync());
        await Expect(html).ToHaveAttributeAsync("data-theme", "light");
        await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await Page.ReloadAsync();
        await shell.WaitForInteractiveAsync();
        await Expect(html).ToHaveAttributeAsync("data-theme-choice", "system");
        await Expect(html).ToHaveAttributeAsync("data-theme", "dark");
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(640, 400)]
    public async Task NarrowScreen_OverlaysTheDrawerAndKeepsSignOutAndThemeReachable_WithoutSidewaysScrolling(int width, int height)
    {
        // 390 px: a phone; 640 x 400: a 1280 x 800 window at 200 % zoom.
        await Page.SetViewportSizeAsync(width, height);
        var signIn = await DevSignInPage.OpenAsync(Page, "/");
        await AssertNoSidewaysScrollingAsync();
        await AssertAccessibleAsync();
        var shell = await signIn.SignInAsync("Nina Narrowscreen-With-A-Long-Name", "acme", "Editor");
        await Expect(shell.DrawerToggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(shell.NavLink("Profiles")).Not.ToBeInViewportAsync();
        var mainBefore = await Page.Locator("main#main").BoundingBoxAsync();
        await AssertNoSidewaysScrollingAsync();
        await AssertAccessibleAsync();

        await shell.OpenNavigationAsync();

        await Expect(shell.NavLink("Profiles")).ToBeInViewportAsync();
        await Expect(shell.NavLink("Settings")).ToBeVisibleAsync();
        await Expect(Page.Locator(".mud-drawer-overlay, .mud-overlay-drawer").First).ToBeVisibleAsync();
        var mainAfter = await Page.Locator("main#main").BoundingBoxAsync();
        Assert.Equal(mainBefore!.X, mainAfter!.X, 1);
        Assert.Equal(mainBefore.Width, mainAfter.Width, 1);
        await AssertNoSidewaysScrollingAsync();
        await ScreenshotAsync($"drawer-open-{width}");
        await Page.Keyboard.PressAsync("Escape");
        if (await shell.DrawerToggle.GetAttributeAsync("aria-expanded") == "true")
        {
            await shell.DrawerToggle.ClickAsync(new() { Force = true });
        }

        await Expect(shell.DrawerToggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(shell.ThemeToggle).ToBeInViewportAsync();
        var brand = await Page.Locator(".portal-brand").BoundingBoxAsync();
        var theme = await shell.ThemeToggle.BoundingBoxAsync();
        var user = await shell.SignedInUser.BoundingBoxAsync();
        Assert.True(brand!.X + brand.Width <= theme!.X && theme.X + theme.Width <= user!.X, "The app bar's brand, theme switch and user menu overlap.");
        await shell.OpenUserMenuAsync();
        await Expect(shell.SignOutButton).ToBeInViewportAsync();
        await AssertNoSidewaysScrollingAsync();
        await ScreenshotAsync($"user-menu-{width}");
        await shell.SignOutButton.ClickAsync();
        await Expect(new AccountMessagePage(Page).Heading).ToHaveTextAsync("You are signed out");
        await AssertNoSidewaysScrollingAsync();
    }

    [Fact]
    public async Task Navigation_FocusesThePageHeading_AndSkipLinkReachesMain()
    {
        var shell = await SignInAsync("Viewer");
        await Expect(shell.Heading).ToBeFocusedAsync();

        // Backwards from the heading, through the drawer and the app bar, to the skip link at the top of the document.
        var skip = Page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        for (var step = 0; step < 15 && !await skip.EvaluateAsync<bool>("e => e === document.activeElement"); step++)
        {
            await Page.Keyboard.PressAsync("Shift+Tab");
        }

        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("main#main")).ToBeFocusedAsync();

        await shell.NavLink("Profiles").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/profiles$"));
        await Expect(shell.Heading).ToHaveCountAsync(1);
        await Expect(shell.Heading).ToBeFocusedAsync();
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

    /// <summary>The palettes' surface colours (PortalTheme.cs) as the browser computes them.</summary>
    private const string LightSurface = "rgba(255,255,255,1)";
    private const string DarkSurface = "rgba(30,34,41,1)";

    private async Task<string> SurfaceColourAsync() =>
        (await Page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-surface')")).Replace(" ", "", StringComparison.Ordinal);

    private async Task<string?> ThemeCookieAsync() => (await Context.CookiesAsync()).SingleOrDefault(c => c.Name == "SspPortal.Theme")?.Value;

    private async Task AssertNoSidewaysScrollingAsync()
    {
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scrollWidth, innerWidth) = (widths[0], widths[1]);
        Assert.True(scrollWidth <= innerWidth, $"The page scrolls sideways on {Page.Url}: {scrollWidth} px wide in a {innerWidth} px window.");
    }
}
