using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SspPortal.Application.Common;
using SspPortal.Application.Tenants;
using SspPortal.Infrastructure.Persistence;
using SspPortal.Web.Authentication;
using SspPortal.Web.Authentication.OpenIdConnect;
using SspPortal.Web.Tests.Testing;

namespace SspPortal.Web.Tests.Authentication;

/// <summary>Claim mapping against the real tenant directory on a real SQLite file (the app hosted in memory).</summary>
public sealed class OidcClaimMapperTests : IAsyncLifetime
{
    private const string EntraTenantId = "9188040d-6c67-4c5b-b112-36a304b66dad";

    private readonly SspWebApplicationFactory _factory = new();

    private ITenantDirectory Tenants => _factory.Services.GetRequiredService<ITenantDirectory>();

    public async Task InitializeAsync()
    {
        _factory.CreateClient().Dispose();
        await Tenants.AddAsync(new AddTenantRequest("acme", "acme.example.test", "Acme Corporation", []));
        await Tenants.AddAsync(new AddTenantRequest("contoso", "contoso.example.test", "Contoso", []));
        await using var db = _factory.Services.GetRequiredService<SspDbContextFactory>().Unscoped();
        var contoso = await db.Tenants.SingleAsync(t => t.Id == "contoso");
        contoso.EntraTenantId = EntraTenantId;
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private OidcClaimMapper Mapper(OidcSignInOptions? options = null) => new(Options.Create(options ?? new OidcSignInOptions()), Tenants);

    private static Claim[] Claims(params (string Type, string Value)[] claims) => [.. claims.Select(c => new Claim(c.Type, c.Value))];

    [Fact]
    public async Task Map_GivesTenantAndStrongestRole_WhenGenericClaimsMatchATenant()
    {
        var principal = await Mapper().MapAsync(
            Claims(("sub", "u1"), ("name", "Ada Admin"), ("ssp_tenant", "acme"), ("roles", "Viewer"), ("roles", "Editor"))
        );

        var user = PortalUser.FromPrincipal(principal!);
        Assert.NotNull(user);
        Assert.True(user.HasAccess);
        Assert.Equal("acme", user.TenantId);
        Assert.Equal("Acme Corporation", user.TenantName);
        Assert.Equal(PortalRole.Editor, user.Role);
        Assert.Equal("Ada Admin", user.Name);
        Assert.Equal(SignInMethods.OpenIdConnect, user.SignInMethod);
    }

    [Fact]
    public async Task Map_MarksNoTenant_WhenTenantClaimNamesUnknownTenant()
    {
        var principal = await Mapper().MapAsync(Claims(("sub", "u1"), ("ssp_tenant", "nowhere"), ("roles", "Admin")));

        var user = PortalUser.FromPrincipal(principal!)!;
        Assert.False(user.HasAccess);
        Assert.Null(user.TenantId);
        Assert.Equal(AccessProblems.NoTenant, user.AccessProblem);
        Assert.Null(user.ToActor());
    }

    [Fact]
    public async Task Map_MarksNoRole_WhenNoRoleClaimMatches()
    {
        var principal = await Mapper().MapAsync(Claims(("sub", "u1"), ("ssp_tenant", "acme"), ("roles", "Owner")));

        var user = PortalUser.FromPrincipal(principal!)!;
        Assert.False(user.HasAccess);
        Assert.Equal("acme", user.TenantId);
        Assert.Equal(AccessProblems.NoRole, user.AccessProblem);
    }

    [Fact]
    public async Task Map_FindsTenantByEntraTenantId_WhenTenantClaimIsTid()
    {
        var options = new OidcSignInOptions { TenantClaim = "tid", TenantClaimKind = OidcTenantClaimKind.EntraTenantId };

        var principal = await Mapper(options).MapAsync(Claims(("sub", "u1"), ("tid", EntraTenantId), ("roles", "Viewer")));

        var user = PortalUser.FromPrincipal(principal!)!;
        Assert.Equal("contoso", user.TenantId);
        Assert.Equal(PortalRole.Viewer, user.Role);
    }

    [Fact]
    public async Task Map_MarksNoTenant_WhenTidMatchesNoTenant()
    {
        var options = new OidcSignInOptions { TenantClaim = "tid", TenantClaimKind = OidcTenantClaimKind.EntraTenantId };

        var principal = await Mapper(options).MapAsync(Claims(("sub", "u1"), ("tid", "00000000-0000-0000-0000-000000000000"), ("roles", "Admin")));

        Assert.Equal(AccessProblems.NoTenant, PortalUser.FromPrincipal(principal!)!.AccessProblem);
    }

    [Fact]
    public async Task Map_UsesConfiguredClaimNamesAndRoleNames_WhenConfigured()
    {
        var options = new OidcSignInOptions
        {
            TenantClaim = "org",
            RoleClaim = "groups",
            NameClaim = "display_name",
            RoleNames = new OidcRoleNames { Admin = "ssp-admins", Editor = "ssp-editors", Viewer = "ssp-viewers" },
        };

        var principal = await Mapper(options).MapAsync(
            Claims(("sub", "u1"), ("display_name", "Dee"), ("org", "acme"), ("groups", "ssp-admins"), ("roles", "Viewer"))
        );

        var user = PortalUser.FromPrincipal(principal!)!;
        Assert.Equal(PortalRole.Admin, user.Role);
        Assert.Equal("Dee", user.Name);
    }

    [Fact]
    public async Task Map_FallsBackToPreferredUsername_WhenNameClaimMissing()
    {
        var principal = await Mapper().MapAsync(Claims(("sub", "u1"), ("preferred_username", "ada@acme.example"), ("ssp_tenant", "acme"), ("roles", "Admin")));

        Assert.Equal("ada@acme.example", PortalUser.FromPrincipal(principal!)!.Name);
    }

    [Fact]
    public async Task Map_ReturnsNull_WhenProviderClaimsHaveNoSubject()
    {
        var principal = await Mapper().MapAsync(Claims(("name", "Nobody"), ("ssp_tenant", "acme"), ("roles", "Admin")));

        Assert.Null(principal);
    }
}
