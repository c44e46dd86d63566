using AngleSharp.Dom;
using SspPortal.Application.Common;
using SspPortal.Web.Authentication;
using SspPortal.Web.Components.Layout;

namespace SspPortal.Web.Tests.Components;

public sealed class MainLayoutTests : RenderTestBase
{
    private Task<IDocument> RenderLayoutAsync(string body = "<p id=\"page-body\">Page</p>") =>
        RenderAsync<MainLayout>(new Dictionary<string, object?> { [nameof(MainLayout.Body)] = Markup(body) });

    [Fact]
    public async Task Render_ShowsTenantUserAndRole_WhenSignedIn()
    {
        SignIn("Erin Editor", "acme", "Acme Corporation", PortalRole.Editor);

        var document = await RenderLayoutAsync();

        Assert.Equal("Acme Corporation", document.QuerySelector("[data-testid=tenant-name]")?.TextContent.Trim());
        Assert.Contains("Erin Editor", document.QuerySelector("[data-testid=signed-in-user]")?.TextContent);
        Assert.Equal("Editor", document.QuerySelector("[data-testid=user-role]")?.TextContent.Trim());
    }

    [Fact]
    public async Task Render_ShowsSignOutFormPostingToLogoutWithAntiforgery_WhenSignedIn()
    {
        SignIn();

        var document = await RenderLayoutAsync();

        var form = document.QuerySelector("form.portal-sign-out");
        Assert.NotNull(form);
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("account/logout", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[type=hidden][name=__RequestVerificationToken]"));
        Assert.Contains("Sign out", form.QuerySelector("button[type=submit]")?.TextContent);
    }

    [Fact]
    public async Task Render_LinksPortalSectionsAndDisablesSettings_WhenSignedIn()
    {
        SignIn();

        var document = await RenderLayoutAsync();

        var nav = document.QuerySelector("nav[aria-label=Portal]");
        Assert.NotNull(nav);
        var links = nav.QuerySelectorAll("a[href]")
            .ToDictionary(a => a.QuerySelector(".rz-navigation-item-text")?.TextContent.Trim() ?? "", a => a.GetAttribute("href"));
        Assert.Equal("profiles", links["Profiles"]);
        Assert.Equal("tickets", links["Tickets"]);
        Assert.Equal("connections", links["Connections"]);
        Assert.Equal("audit", links["Audit log"]);
        Assert.DoesNotContain(links.Keys, k => k.Contains("Settings", StringComparison.Ordinal));
        var settings = nav.QuerySelectorAll(".rz-navigation-item").Single(i => i.TextContent.Contains("Settings", StringComparison.Ordinal));
        Assert.Contains("rz-state-disabled", settings.ClassName);
    }

    [Fact]
    public async Task Render_ShowsBodyInMainLandmark()
    {
        SignIn();

        var document = await RenderLayoutAsync();

        var main = document.QuerySelector("main#main");
        Assert.NotNull(main);
        Assert.NotNull(main.QuerySelector("#page-body"));
        Assert.Equal("false", main.GetAttribute("data-interactive"));
    }

    [Fact]
    public async Task Render_ShowsSignInLinkAndNoUser_WhenAnonymous()
    {
        var document = await RenderLayoutAsync();

        Assert.Null(document.QuerySelector("[data-testid=signed-in-user]"));
        Assert.Null(document.QuerySelector("[data-testid=tenant-name]"));
        Assert.Null(document.QuerySelector("form.portal-sign-out"));
        Assert.Contains(document.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Sign in" && a.GetAttribute("href") == "account/login");
    }

    [Fact]
    public async Task Render_ShowsUserWithoutTenant_WhenSignedInWithoutAccess()
    {
        User = PortalUser.CreatePrincipal(
            [
                new System.Security.Claims.Claim(PortalClaims.Subject, "u1"),
                new System.Security.Claims.Claim(PortalClaims.Name, "Nora Norole"),
                new System.Security.Claims.Claim(PortalClaims.AccessProblem, AccessProblems.NoTenant),
            ]
        );

        var document = await RenderLayoutAsync();

        Assert.Contains("Nora Norole", document.QuerySelector("[data-testid=signed-in-user]")?.TextContent);
        Assert.Null(document.QuerySelector("[data-testid=tenant-name]"));
        Assert.Null(document.QuerySelector("[data-testid=user-role]"));
    }

    [Fact]
    public async Task Render_OffersDarkThemeToggleNotPressed_WhenThemeIsLight()
    {
        SignIn();

        var document = await RenderLayoutAsync();

        var toggle = document.QuerySelector("button[aria-label='Dark theme']");
        Assert.NotNull(toggle);
        Assert.Equal("false", toggle.GetAttribute("aria-pressed"));
    }
}
