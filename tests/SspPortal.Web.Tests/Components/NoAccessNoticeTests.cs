using System.Security.Claims;
using Bunit;
using SspPortal.Web.Authentication;
using SspPortal.Web.Components.Pages.Account;

namespace SspPortal.Web.Tests.Components;

public sealed class NoAccessNoticeTests : PortalTestContext
{
    private void SignInWithout(string problem, string? tenantName)
    {
        var claims = new List<Claim> { new(PortalClaims.Subject, "u1"), new(PortalClaims.Name, "Nora Norole"), new(PortalClaims.AccessProblem, problem) };
        if (tenantName is not null)
        {
            claims.Add(new Claim(PortalClaims.Tenant, "acme"));
            claims.Add(new Claim(PortalClaims.TenantName, tenantName));
        }

        User = PortalUser.CreatePrincipal(claims);
    }

    [Fact]
    public void Render_ExplainsMissingRoleAndOffersSignOut_WhenUserHasNoRole()
    {
        SignInWithout(AccessProblems.NoRole, "Acme Corporation");

        var notice = Render<NoAccessNotice>();

        var text = notice.Find("[data-testid=no-access]").TextContent;
        Assert.Contains("Nora Norole", text);
        Assert.Contains("no portal role for Acme Corporation", text);
        Assert.Equal("No access to the portal", notice.Find("h1").TextContent.Trim());
        Assert.NotNull(notice.Find("form[action='account/logout']").QuerySelector("button[type=submit]"));
    }

    [Fact]
    public void Render_ExplainsMissingTenant_WhenUserBelongsToNoTenant()
    {
        SignInWithout(AccessProblems.NoTenant, tenantName: null);

        var notice = Render<NoAccessNotice>();

        Assert.Contains("does not belong to any organisation", notice.Find("[data-testid=no-access]").TextContent);
    }

    [Fact]
    public void Render_OffersSignIn_WhenAnonymous()
    {
        RenderStatically();

        var notice = Render<NoAccessNotice>();

        Assert.Contains(notice.FindAll("a"), a => a.GetAttribute("href") == "account/login" && a.TextContent.Contains("Sign in", StringComparison.Ordinal));
        Assert.Empty(notice.FindAll("form[action='account/logout']"));
    }
}
