using System.Security.Claims;
using Microsoft.Extensions.Options;
using SspPortal.Application.Common;
using SspPortal.Application.Tenants;

namespace SspPortal.Web.Authentication.OpenIdConnect;

/// <summary>
/// Turns the provider's claims into the portal cookie's claims: the tenant from the configured tenant claim
/// (a portal tenant id, or an Entra <c>tid</c> matched through <see cref="ITenantDirectory"/>) and the strongest
/// portal role named in the role claim. A user without tenant or role still gets a principal, marked with
/// <see cref="PortalClaims.AccessProblem"/>, so that the portal can say why there is no access.
/// </summary>
public sealed class OidcClaimMapper(IOptions<OidcSignInOptions> options, ITenantDirectory tenants)
{
    /// <summary>Maps with the configured tenant claim (<c>Authentication:OpenIdConnect:TenantClaim</c> and its kind).</summary>
    public Task<ClaimsPrincipal?> MapAsync(IReadOnlyCollection<Claim> providerClaims, CancellationToken cancellationToken = default) =>
        MapAsync(providerClaims, options.Value.TenantClaim, options.Value.TenantClaimKind, cancellationToken);

    /// <summary>
    /// Maps with the tenant taken from <paramref name="tenantClaim"/> (Entra ID: <c>tid</c>, an Entra tenant id).
    /// Null when the provider's claims name no subject (<c>sub</c>): nobody to sign in.
    /// </summary>
    public async Task<ClaimsPrincipal?> MapAsync(
        IReadOnlyCollection<Claim> providerClaims,
        string tenantClaim,
        OidcTenantClaimKind tenantClaimKind,
        CancellationToken cancellationToken = default
    )
    {
        var settings = options.Value;
        var subject = First(providerClaims, "sub");
        if (subject is null)
        {
            return null;
        }

        var name = First(providerClaims, settings.NameClaim) ?? First(providerClaims, "preferred_username") ?? First(providerClaims, "email") ?? subject;

        var claims = new List<Claim>
        {
            new(PortalClaims.Subject, subject),
            new(PortalClaims.Name, name),
            new(PortalClaims.Method, SignInMethods.OpenIdConnect),
        };

        var tenant = await FindTenantAsync(First(providerClaims, tenantClaim), tenantClaimKind, cancellationToken);
        var role = StrongestRole(providerClaims.Where(c => c.Type == settings.RoleClaim).Select(c => c.Value), settings.RoleNames);
        if (tenant is not null)
        {
            claims.Add(new Claim(PortalClaims.Tenant, tenant.Id));
            claims.Add(new Claim(PortalClaims.TenantName, tenant.DisplayName));
        }

        if (role is { } portalRole)
        {
            claims.Add(new Claim(PortalClaims.Role, portalRole.ToString()));
        }

        if (tenant is null)
        {
            claims.Add(new Claim(PortalClaims.AccessProblem, AccessProblems.NoTenant));
        }
        else if (role is null)
        {
            claims.Add(new Claim(PortalClaims.AccessProblem, AccessProblems.NoRole));
        }

        return PortalUser.CreatePrincipal(claims);
    }

    /// <summary>The strongest portal role among the values (Admin, then Editor, then Viewer); null when none matches.</summary>
    public static PortalRole? StrongestRole(IEnumerable<string> values, OidcRoleNames names)
    {
        PortalRole? strongest = null;
        foreach (var value in values)
        {
            PortalRole? role =
                value == names.Admin ? PortalRole.Admin
                : value == names.Editor ? PortalRole.Editor
                : value == names.Viewer ? PortalRole.Viewer
                : null;
            if (role is not null && (strongest is null || role > strongest))
            {
                strongest = role;
            }
        }

        return strongest;
    }

    private async Task<TenantDto?> FindTenantAsync(string? value, OidcTenantClaimKind kind, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return kind == OidcTenantClaimKind.EntraTenantId
            ? await tenants.FindByEntraTenantIdAsync(value, cancellationToken)
            : await tenants.FindAsync(value, cancellationToken);
    }

    private static string? First(IEnumerable<Claim> claims, string type) =>
        claims.FirstOrDefault(c => c.Type == type && !string.IsNullOrWhiteSpace(c.Value))?.Value;
}
