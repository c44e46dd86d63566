using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SspPortal.Application.Common;
using SspPortal.Web.Authentication;
using SspPortal.Web.Components.Layout;

namespace SspPortal.Web.Tests.Components;

public sealed class MainLayoutTests : PortalTestContext
{
    private IRenderedComponent<PortalHost> RenderLayout(ThemeChoice theme = ThemeChoice.System) =>
        RenderWithTheme<MainLayout>(p => p.Add(l => l.Body, Markup("<p id=\"page-body\">Page</p>")), theme);

    [Fact]
    public void Render_ShowsTenantUserAndRole_WhenSignedIn()
    {
        SignIn(PortalRole.Editor, "Erin Editor");

        var layout = RenderLayout();

        Assert.Equal("Acme Corporation", layout.Find("[data-testid=tenant-name]").TextContent.Trim());
        Assert.Equal("Erin Editor", layout.Find("[data-testid=user-name]").TextContent.Trim());
        Assert.Equal("Editor", layout.Find("[data-testid=user-role]").TextContent.Trim());
    }

    [Fact]
    public void UserMenu_ShowsUserAndSubmitsTheLogoutForm_WhenSignOutChosen()
    {
        SignIn(PortalRole.Viewer, "Vera Viewer");
        var layout = RenderLayout();
        Assert.Empty(layout.FindAll("[data-testid=user-details]"));

        layout.Find("[data-testid=signed-in-user]").Click();

        Assert.Equal("true", layout.Find(".portal-user-menu .mud-menu-activator").GetAttribute("aria-expanded"));
        var details = layout.Find("[data-testid=user-details]").TextContent;
        Assert.Contains("Vera Viewer", details);
        Assert.Contains("Viewer · Acme Corporation", details);
        var signOut = layout.FindAll("[role=menuitem]").Single(item => item.TextContent.Contains("Sign out", StringComparison.Ordinal));

        signOut.Click();

        layout.WaitForAssertion(() => Assert.Equal("portal-sign-out-form", JSInterop.VerifyInvoke("sspPage.submitForm").Arguments.Single()));
        var form = layout.Find("form#portal-sign-out-form");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("account/logout", form.GetAttribute("action"));
        Assert.Equal("test-token", form.QuerySelector("input[type=hidden][name=__RequestVerificationToken]")?.GetAttribute("value"));
    }

    [Fact]
    public void Render_LinksEveryPortalSectionIncludingSettings_WhenSignedIn()
    {
        SignIn();

        var layout = RenderLayout();

        var links = layout.Find("nav[aria-label=Portal]").QuerySelectorAll("a[href]").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"));
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["Profiles"] = "profiles",
                ["Tickets"] = "tickets",
                ["Connections"] = "connections",
                ["Audit log"] = "audit",
                ["Settings"] = "settings",
            },
            links
        );
    }

    [Fact]
    public void DrawerToggle_OpensAndClosesTheDrawer_WhenClicked()
    {
        SignIn();
        var layout = RenderLayout();
        var wasOpen = layout.Find("#portal-drawer").ClassList.Contains("mud-drawer--open");

        layout.Find("[data-testid=drawer-toggle]").Click();

        Assert.NotEqual(wasOpen, layout.Find("#portal-drawer").ClassList.Contains("mud-drawer--open"));
        Assert.Equal(wasOpen ? "false" : "true", layout.Find("[data-testid=drawer-toggle]").GetAttribute("aria-expanded"));

        layout.Find("[data-testid=drawer-toggle]").Click();

        Assert.Equal(wasOpen, layout.Find("#portal-drawer").ClassList.Contains("mud-drawer--open"));
        Assert.Equal(wasOpen ? "true" : "false", layout.Find("[data-testid=drawer-toggle]").GetAttribute("aria-expanded"));
    }

    [Fact]
    public void ThemeSwitch_CyclesSystemLightDarkAndStoresEachChoice_WhenClicked()
    {
        SignIn();
        var layout = RenderLayout(ThemeChoice.System);
        Assert.Equal("Theme: as the system. Switch to light", layout.Find("[data-testid=theme-switch]").GetAttribute("aria-label"));

        layout.Find("[data-testid=theme-switch]").Click();
        layout.Find("[data-testid=theme-switch]").Click();
        layout.Find("[data-testid=theme-switch]").Click();

        var stored = JSInterop.Invocations["sspTheme.choose"].Select(i => (i.Arguments[0], i.Arguments[1])).ToList();
        Assert.Equal([("light", "SspPortal.Theme"), ("dark", "SspPortal.Theme"), ("system", "SspPortal.Theme")], stored);
        Assert.Equal("system", layout.Find("[data-testid=theme-switch]").GetAttribute("data-theme-choice"));
    }

    [Theory]
    [InlineData(ThemeChoice.Light, "Theme: light. Switch to dark", "dark")]
    [InlineData(ThemeChoice.Dark, "Theme: dark. Switch to the system setting", "system")]
    public void ThemeSwitch_StartsFromTheStoredChoice_WhenPageRenders(ThemeChoice stored, string label, string next)
    {
        SignIn();
        var layout = RenderLayout(stored);
        Assert.Equal(label, layout.Find("[data-testid=theme-switch]").GetAttribute("aria-label"));

        layout.Find("[data-testid=theme-switch]").Click();

        Assert.Equal(next, JSInterop.VerifyInvoke("sspTheme.choose").Arguments[0]);
        Assert.Equal(next, layout.Find("[data-testid=theme-switch]").GetAttribute("data-theme-choice"));
    }

    [Fact]
    public async Task Snackbar_KeepsItsMessage_WhenThePageInsideTheLayoutChanges()
    {
        SignIn();
        var layout = RenderLayout();
        var snackbar = Services.GetRequiredService<ISnackbar>();

        await layout.InvokeAsync(() => snackbar.Add("Profile saved.", Severity.Success));
        layout.FindComponent<MainLayout>().Render(p => p.Add(l => l.Body, Markup("<p id=\"other-page\">Another page</p>")));

        Assert.NotNull(layout.Find("main#main #other-page"));
        Assert.Contains("Profile saved.", layout.Find("#mud-snackbar-container").TextContent);
    }

    [Fact]
    public void Render_ShowsBodyInMainLandmark()
    {
        SignIn();

        var layout = RenderLayout();

        var main = layout.Find("main#main");
        Assert.NotNull(main.QuerySelector("#page-body"));
        Assert.Equal("true", main.GetAttribute("data-interactive"));
        Assert.Equal("#main", layout.Find("a.portal-skip-link").GetAttribute("href"));
    }

    [Fact]
    public void Render_PutsSignOutButtonInTheAppBarWithoutMenuOrSwitches_WhenPageIsStatic()
    {
        RenderStatically();
        SignIn();

        var layout = RenderLayout();

        var form = layout.Find("header form.portal-sign-out");
        Assert.Null(form.GetAttribute("hidden"));
        Assert.Equal("account/logout", form.GetAttribute("action"));
        Assert.Contains("Sign out", form.QuerySelector("button[type=submit]")?.TextContent);
        Assert.Empty(layout.FindAll("[data-testid=theme-switch]"));
        Assert.Empty(layout.FindAll("[data-testid=drawer-toggle]"));
        Assert.Empty(layout.FindAll(".mud-menu"));
        Assert.Equal("false", layout.Find("main#main").GetAttribute("data-interactive"));
    }

    [Fact]
    public void Render_ShowsSignInLinkAndNoUser_WhenAnonymous()
    {
        var layout = RenderLayout();

        Assert.Empty(layout.FindAll("[data-testid=signed-in-user]"));
        Assert.Empty(layout.FindAll("[data-testid=tenant-name]"));
        Assert.Empty(layout.FindAll("form.portal-sign-out"));
        Assert.Contains(layout.FindAll("a"), a => a.TextContent.Trim() == "Sign in" && a.GetAttribute("href") == "account/login");
    }

    [Fact]
    public void Render_ShowsUserWithoutTenant_WhenSignedInWithoutAccess()
    {
        User = PortalUser.CreatePrincipal(
            [new Claim(PortalClaims.Subject, "u1"), new Claim(PortalClaims.Name, "Nora Norole"), new Claim(PortalClaims.AccessProblem, AccessProblems.NoTenant)]
        );

        var layout = RenderLayout();

        Assert.Equal("Nora Norole", layout.Find("[data-testid=user-name]").TextContent.Trim());
        Assert.Empty(layout.FindAll("[data-testid=tenant-name]"));
        Assert.Empty(layout.FindAll("[data-testid=user-role]"));
    }
}
