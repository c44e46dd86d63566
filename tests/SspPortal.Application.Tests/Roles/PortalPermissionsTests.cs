using SspPortal.Application.Common;

namespace SspPortal.Application.Tests.Roles;

public class PortalPermissionsTests
{
    [Fact]
    public void For_AllowsEverything_WhenRoleIsAdmin() =>
        Assert.Equal(new PortalPermissions(true, true, true, true, true, true, true, true), PortalPermissions.For(Of(PortalRole.Admin)));

    [Fact]
    public void For_AllowsEditingButNotManaging_WhenRoleIsEditor() =>
        Assert.Equal(new PortalPermissions(true, true, false, true, true, true, false, false), PortalPermissions.For(Of(PortalRole.Editor)));

    [Fact]
    public void For_AllowsReadingOnly_WhenRoleIsViewer() =>
        Assert.Equal(new PortalPermissions(true, false, false, false, false, false, false, false), PortalPermissions.For(Of(PortalRole.Viewer)));

    [Fact]
    public void For_AllowsNothing_WhenNobodyIsSignedIn() => Assert.Equal(PortalPermissions.None, PortalPermissions.For(null));

    [Theory]
    [InlineData(PortalRole.Admin, "manages settings and connections")]
    [InlineData(PortalRole.Editor, "issues and revokes tickets")]
    [InlineData(PortalRole.Viewer, "reads")]
    public void Describe_SaysWhatTheRoleDoes(PortalRole role, string expected) =>
        Assert.Contains(expected, PortalPermissions.Describe(role), StringComparison.Ordinal);

    private static Actor Of(PortalRole role) => Actor.ForRole("acme", "u", "U", role);
}
