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
}
