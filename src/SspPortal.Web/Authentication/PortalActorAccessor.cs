using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using SspPortal.Application.Common;

namespace SspPortal.Web.Authentication;

internal sealed class PortalActorAccessor(AuthenticationStateProvider authenticationState) : IPortalActorAccessor
{
    public async Task<Actor?> GetActorAsync()
    {
        var state = await authenticationState.GetAuthenticationStateAsync();
        return FromPrincipal(state.User);
    }

    /// <summary>Reads the portal cookie's claims; null unless tenant, role and subject are all present.</summary>
    public static Actor? FromPrincipal(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var tenant = user.FindFirst(PortalClaims.Tenant)?.Value;
        var subject = user.FindFirst(PortalClaims.Subject)?.Value;
        var name = user.FindFirst(PortalClaims.Name)?.Value ?? subject;
        var roleValue = user.FindFirst(PortalClaims.Role)?.Value;
        if (
            string.IsNullOrEmpty(tenant)
            || string.IsNullOrEmpty(subject)
            || !Enum.TryParse<PortalRole>(roleValue, ignoreCase: false, out var role)
        )
        {
            return null;
        }

        return Actor.ForRole(tenant, subject, name!, role);
    }
}
