using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SspPortal.E2E.Infrastructure;
using SspPortal.E2E.PageObjects;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SspPortal.E2E.Account;

[Collection(OidcPortalCollection.Name)]
public sealed class OidcSignInTests(OidcPortalFixture fixture, ITestOutputHelper output) : PortalTest(fixture, output)
{
    public static TheoryData<string> Logins => [TestUsers.AcmeAdmin.Login, TestUsers.AcmeEditor.Login, TestUsers.AcmeViewer.Login, TestUsers.GlobexAdmin.Login];

    [Theory]
    [MemberData(nameof(Logins))]
    public async Task SignIn_ShowsUserTenantAndRole_WhenUserHasRole(string login)
    {
        var user = new[] { TestUsers.AcmeAdmin, TestUsers.AcmeEditor, TestUsers.AcmeViewer, TestUsers.GlobexAdmin }.Single(u => u.Login == login);
        var tenant = Fixture.Tenants.Single(t => t.Id == user.Tenant);

        var shell = await SignInWithProviderAsync(user);

        await Expect(shell.SignedInUser).ToContainTextAsync(user.Name);
        await Expect(shell.Role).ToHaveTextAsync(user.Role!);
        await Expect(shell.TenantName).ToHaveTextAsync(tenant.DisplayName);
        await Expect(Page).ToHaveURLAsync(new Regex($"^{Regex.Escape(Fixture.BaseUrl.ToString())}$"));
        await AssertAccessibleAsync();
    }

    [Theory]
    [InlineData("/\t/evil.example/phish")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\r/evil.example")]
    [InlineData("/\v/evil.example")]
    public async Task SignIn_ReturnsToPortalHome_WhenReturnUrlHasControlCharacters(string returnUrl)
    {
        var login = await ProviderLoginPage.OpenFromPortalAsync(Page, returnUrl);

        await login.SignInAsync(TestUsers.AcmeAdmin.Login, TestUsers.AcmeAdmin.Password);

        var shell = await ShellPage.WaitForAsync(Page);
        await Expect(shell.SignedInUser).ToContainTextAsync(TestUsers.AcmeAdmin.Name);
        await Expect(Page).ToHaveURLAsync(new Regex($"^{Regex.Escape(Fixture.BaseUrl.ToString())}$"));
    }

    [Fact]
    public async Task SignIn_ReturnsToRequestedPage_WhenReturnUrlIsLocal()
    {
        var shell = await SignInWithProviderAsync(TestUsers.AcmeEditor, "/tickets");

        await Expect(shell.SignedInUser).ToContainTextAsync(TestUsers.AcmeEditor.Name);
        await Expect(Page).ToHaveURLAsync(new Regex($"^{Regex.Escape(Fixture.BaseUrl.ToString())}tickets$"));
    }

    [Fact]
    public async Task SignIn_ShowsNoAccessPage_WhenUserHasNoRole()
    {
        var login = await ProviderLoginPage.OpenFromPortalAsync(Page);

        await login.SignInAsync(TestUsers.AcmeWithoutRole.Login, TestUsers.AcmeWithoutRole.Password);

        var noAccess = new AccountMessagePage(Page);
        await Expect(noAccess.Heading).ToHaveTextAsync("No access to the portal");
        await Expect(Page.GetByTestId("no-access")).ToContainTextAsync("Nora Norole");
        await Expect(Page.GetByTestId("no-access")).ToContainTextAsync("no portal role for Acme Corporation");
        await Expect(noAccess.SignOutButton).ToBeVisibleAsync();
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task SignIn_ShowsNoAccessPage_WhenTenantUnknown()
    {
        var login = await ProviderLoginPage.OpenFromPortalAsync(Page);

        await login.SignInAsync(TestUsers.UnknownTenant.Login, TestUsers.UnknownTenant.Password);

        await Expect(new AccountMessagePage(Page).Heading).ToHaveTextAsync("No access to the portal");
        await Expect(Page.GetByTestId("no-access")).ToContainTextAsync("does not belong to any organisation");
        await Page.GotoAsync("/");
        await Expect(new AccountMessagePage(Page).Heading).ToHaveTextAsync("No access to the portal");
    }

    [Fact]
    public async Task SignOut_EndsPortalAndProviderSessions_WhenConfirmedAtProvider()
    {
        var shell = await SignInWithProviderAsync(TestUsers.AcmeEditor);

        await shell.SignOutAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"^{Regex.Escape(Fixture.Provider!.Issuer.ToString().TrimEnd('/'))}/session/end"));
        await ProviderLoginPage.ConfirmSignOutAsync(Page);

        await Expect(new AccountMessagePage(Page).Heading).ToHaveTextAsync("You are signed out");
        await AssertAccessibleAsync();
        await new AccountMessagePage(Page).SignInAgainLink.ClickAsync();
        await Expect(new ProviderLoginPage(Page).Email).ToBeVisibleAsync();
    }

    [Fact]
    public async Task PortalPage_RedirectsToProviderLogin_WhenNotSignedIn()
    {
        await Page.GotoAsync("/");

        await Expect(new ProviderLoginPage(Page).Email).ToBeVisibleAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"^{Regex.Escape(Fixture.Provider!.Issuer.ToString().TrimEnd('/'))}/interaction/"));
    }

    [Fact]
    public async Task DevelopmentSignIn_IsNotOffered_WhenAuthorityConfigured()
    {
        var response = await Page.GotoAsync("account/dev-sign-in");

        Assert.Equal(404, response?.Status);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Development sign-in" })).ToHaveCountAsync(0);
    }
}
