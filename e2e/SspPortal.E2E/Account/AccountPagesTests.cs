using Microsoft.Playwright;
using SspPortal.E2E.Infrastructure;
using SspPortal.E2E.PageObjects;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SspPortal.E2E.Account;

/// <summary>The static account pages (development sign-in, signed out, sign-in failed, error) on the MudBlazor theme.</summary>
[Collection(PortalCollection.Name)]
public sealed class AccountPagesTests(DevSignInPortalFixture fixture, ITestOutputHelper output) : PortalTest(fixture, output)
{
    [Fact]
    public async Task DevelopmentSignIn_DescribesWhatEachRoleMayDo()
    {
        var signIn = await DevSignInPage.OpenAsync(Page, "/");

        await Expect(signIn.RoleOption("Admin")).ToHaveAccessibleDescriptionAsync("manages settings, connections and deletion, and does everything an Editor does.");
        await Expect(signIn.RoleOption("Editor")).ToHaveAccessibleDescriptionAsync("edits profiles and custom text, and issues tickets.");
        await Expect(signIn.RoleOption("Viewer")).ToHaveAccessibleDescriptionAsync("reads everything and changes nothing.");
        await Expect(signIn.RoleOption("Admin")).ToBeCheckedAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveCountAsync(1);
        await Expect(Page.Locator("main")).ToHaveCountAsync(1);
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task DevelopmentSignIn_FollowsTheSystemDarkMode_BeforeAnyoneSignsIn()
    {
        await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });

        var signIn = await DevSignInPage.OpenAsync(Page, "/");

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await Expect(signIn.DevelopmentOnlyNote).ToContainTextAsync("For development only");
        await ScreenshotAsync("dev-sign-in-dark");
        await AssertAccessibleAsync();
    }

    [Theory]
    [InlineData("account/signed-out", "You are signed out", "Sign in again")]
    [InlineData("account/sign-in-failed", "Sign-in did not complete", "Try again")]
    public async Task AccountMessage_ShowsHeadingAndWayBack(string path, string heading, string link)
    {
        await Page.GotoAsync(path);

        var message = new AccountMessagePage(Page);
        await Expect(message.Heading).ToHaveTextAsync(heading);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = link })).ToHaveAttributeAsync("href", "account/login");
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task ErrorPage_ShowsReferenceAndStartLink()
    {
        await Page.GotoAsync("error");

        await Expect(new AccountMessagePage(Page).Heading).ToHaveTextAsync("Something went wrong");
        await Expect(Page.GetByTestId("request-id")).Not.ToBeEmptyAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Go to the start page" })).ToBeVisibleAsync();
        await AssertAccessibleAsync();
    }
}
