using System.Security.Claims;
using SspPortal.Web.Authentication;
using SspPortal.Web.Components.Pages.Account;

namespace SspPortal.Web.Tests.Components;

public sealed class NoAccessNoticeTests : RenderTestBase
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
    public async Task Render_ExplainsMissingRoleAndOffersSignOut_WhenUserHasNoRole()
    {
        SignInWithout(AccessProblems.NoRole, "Acme Corporation");

        var document = await RenderAsync<NoAccessNotice>();

        var text = document.QuerySelector("[data-testid=no-access]")?.TextContent ?? "";
        Assert.Contains("Nora Norole", text);
        Assert.Contains("no portal role for Acme Corporation", text);
        Assert.NotNull(document.QuerySelector("form[action='account/logout']"));
    }

    [Fact]
    public async Task Render_ExplainsMissingTenant_WhenUserBelongsToNoTenant()
    {
        SignInWithout(AccessProblems.NoTenant, tenantName: null);

        var document = await RenderAsync<NoAccessNotice>();

        Assert.Contains("does not belong to any organisation", document.QuerySelector("[data-testid=no-access]")?.TextContent);
    }

    [Fact]
    public async Task Render_OffersSignIn_WhenAnonymous()
    {
        var document = await RenderAsync<NoAccessNotice>();

        Assert.Contains(document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "account/login");
        Assert.Null(document.QuerySelector("form[action='account/logout']"));
    }
}
