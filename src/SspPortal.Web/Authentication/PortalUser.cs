using System.Security.Claims;
using SspPortal.Application.Common;

namespace SspPortal.Web.Authentication;

/// <summary>What the portal shows about the signed-in user: name, tenant, role, or why there is no access.</summary>
public sealed record PortalUser(
    string Subject,
    string Name,
    string? TenantId,
    string? TenantName,
    PortalRole? Role,
    string? AccessProblem,
    string SignInMethod
)
{
    /// <summary>True when the user has a tenant and a role, i.e. an <see cref="Actor"/>.</summary>
    public bool HasAccess => TenantId is not null && Role is not null;

    public Actor? ToActor() => HasAccess ? Actor.ForRole(TenantId!, Subject, Name, Role!.Value) : null;

    /// <summary>Reads the portal cookie's claims; null when nobody is signed in.</summary>
    public static PortalUser? FromPrincipal(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var subject = principal.FindFirst(PortalClaims.Subject)?.Value;
        if (string.IsNullOrEmpty(subject))
        {
            return null;
        }

        var tenant = NullIfEmpty(principal.FindFirst(PortalClaims.Tenant)?.Value);
        PortalRole? role = Enum.TryParse<PortalRole>(principal.FindFirst(PortalClaims.Role)?.Value, ignoreCase: false, out var parsed)
            && Enum.IsDefined(parsed)
            ? parsed
            : null;
        var problem = NullIfEmpty(principal.FindFirst(PortalClaims.AccessProblem)?.Value);
        if (problem is null && (tenant is null || role is null))
        {
            problem = tenant is null ? AccessProblems.NoTenant : AccessProblems.NoRole;
        }

        return new PortalUser(
            subject,
            NullIfEmpty(principal.FindFirst(PortalClaims.Name)?.Value) ?? subject,
            tenant,
            NullIfEmpty(principal.FindFirst(PortalClaims.TenantName)?.Value) ?? tenant,
            role,
            problem,
            principal.FindFirst(PortalClaims.Method)?.Value ?? SignInMethods.Development
        );
    }

    /// <summary>The claims of the portal cookie for a user with access.</summary>
    public static ClaimsPrincipal CreatePrincipal(
        string subject,
        string name,
        string tenantId,
        string tenantName,
        PortalRole role,
        string signInMethod
    ) =>
        CreatePrincipal(
            [
                new Claim(PortalClaims.Subject, subject),
                new Claim(PortalClaims.Name, name),
                new Claim(PortalClaims.Tenant, tenantId),
                new Claim(PortalClaims.TenantName, tenantName),
                new Claim(PortalClaims.Role, role.ToString()),
                new Claim(PortalClaims.Method, signInMethod),
            ]
        );

    /// <summary>A principal of the portal cookie scheme with these claims (name and role claim types set).</summary>
    public static ClaimsPrincipal CreatePrincipal(IEnumerable<Claim> claims) =>
        new(new ClaimsIdentity(claims, PortalClaims.CookieScheme, PortalClaims.Name, PortalClaims.Role));

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
