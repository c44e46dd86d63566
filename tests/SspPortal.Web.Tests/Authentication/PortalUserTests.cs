using System.Security.Claims;
using SspPortal.Application.Common;
using SspPortal.Web.Authentication;

namespace SspPortal.Web.Tests.Authentication;

public sealed class PortalUserTests
{
    [Fact]
    public void FromPrincipal_ReturnsUserWithActor_WhenTenantAndRolePresent()
    {
        var principal = PortalUser.CreatePrincipal("sub-1", "Ada", "acme", "Acme Corporation", PortalRole.Editor, SignInMethods.OpenIdConnect);

        var user = PortalUser.FromPrincipal(principal);

        Assert.NotNull(user);
        Assert.True(user.HasAccess);
        Assert.Equal("Acme Corporation", user.TenantName);
        var actor = user.ToActor();
        Assert.NotNull(actor);
        Assert.Equal("acme", actor.TenantId);
        Assert.True(actor.Can(Scopes.CreateTickets));
    }

    [Fact]
    public void FromPrincipal_ReturnsViewerActorWithoutWriteScopes_WhenRoleIsViewer()
    {
        var principal = PortalUser.CreatePrincipal("sub-1", "Vera", "acme", "Acme", PortalRole.Viewer, SignInMethods.Development);

        var actor = PortalUser.FromPrincipal(principal)!.ToActor();

        Assert.NotNull(actor);
        Assert.True(actor.Can(Scopes.ReadProfiles));
        Assert.False(actor.Can(Scopes.CreateProfiles));
    }

    [Fact]
    public void FromPrincipal_ReturnsUserWithoutActor_WhenRoleMissing()
    {
        var principal = PortalUser.CreatePrincipal([new Claim(PortalClaims.Subject, "s"), new Claim(PortalClaims.Tenant, "acme")]);

        var user = PortalUser.FromPrincipal(principal);

        Assert.NotNull(user);
        Assert.False(user.HasAccess);
        Assert.Null(user.ToActor());
        Assert.Equal(AccessProblems.NoRole, user.AccessProblem);
    }

    [Fact]
    public void FromPrincipal_ReturnsNull_WhenAnonymous()
    {
        Assert.Null(PortalUser.FromPrincipal(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    [Fact]
    public void FromPrincipal_TreatsUnknownRoleAsNoRole_WhenRoleClaimIsNotAPortalRole()
    {
        var principal = PortalUser.CreatePrincipal(
            [new Claim(PortalClaims.Subject, "s"), new Claim(PortalClaims.Tenant, "acme"), new Claim(PortalClaims.Role, "Owner")]
        );

        Assert.Null(PortalUser.FromPrincipal(principal)!.Role);
    }

    [Theory]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("/profiles?x=1", "/profiles?x=1")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("/account/logout", "/")]
    [InlineData("/\t/evil.example/phish", "/")]
    [InlineData("/profiles\n", "/")]
    [InlineData("/\r/evil.example", "/")]
    [InlineData("/\v/evil.example", "/")]
    [InlineData("/a\u0000b", "/")]
    [InlineData("/profiles\\..\\evil", "/")]
    [InlineData("/tickets?name=caf%C3%A9", "/tickets?name=caf%C3%A9")]
    public void SafeReturnUrl_KeepsOnlyLocalPortalPaths(string? returnUrl, string expected)
    {
        Assert.Equal(expected, AccountPaths.SafeReturnUrl(returnUrl));
    }
}
