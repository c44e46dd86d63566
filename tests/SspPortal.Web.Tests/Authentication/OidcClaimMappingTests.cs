using System.Text.Json;
using SspPortal.Application.Common;
using SspPortal.Web.Authentication.OpenIdConnect;

namespace SspPortal.Web.Tests.Authentication;

public sealed class OidcClaimMappingTests
{
    private static readonly OidcRoleNames DefaultNames = new();

    [Fact]
    public void StrongestRole_ReturnsAdmin_WhenUserHasSeveralRoles()
    {
        Assert.Equal(PortalRole.Admin, OidcClaimMapper.StrongestRole(["Viewer", "Admin", "Editor"], DefaultNames));
    }

    [Fact]
    public void StrongestRole_ReturnsNull_WhenNoValueIsAPortalRole()
    {
        Assert.Null(OidcClaimMapper.StrongestRole(["Owner", "admin"], DefaultNames));
    }

    [Fact]
    public void StrongestRole_UsesConfiguredNames_WhenRoleNamesConfigured()
    {
        var names = new OidcRoleNames { Admin = "Portal.Admin", Editor = "Portal.Editor", Viewer = "Portal.Viewer" };

        Assert.Equal(PortalRole.Editor, OidcClaimMapper.StrongestRole(["Admin", "Portal.Editor", "Portal.Viewer"], names));
    }

    [Fact]
    public void ToClaims_SplitsArraysAndKeepsStrings_WhenReadingUserInfo()
    {
        using var document = JsonDocument.Parse("""{"sub":"u1","roles":["Admin","Viewer"],"email_verified":true,"ssp_tenant":"acme","nothing":null}""");

        var claims = OidcCodeFlowHandler.ToClaims(document.RootElement);

        Assert.Equal(["Admin", "Viewer"], claims.Where(c => c.Type == "roles").Select(c => c.Value));
        Assert.Equal("true", claims.Single(c => c.Type == "email_verified").Value);
        Assert.Equal("acme", claims.Single(c => c.Type == "ssp_tenant").Value);
        Assert.DoesNotContain(claims, c => c.Type == "nothing");
    }
}
