using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using SspPortal.Application.Common;

namespace SspPortal.Web.Authentication;

internal sealed class PortalActorAccessor(AuthenticationStateProvider authenticationState) : IPortalActorAccessor
{
    public async Task<Actor?> GetActorAsync() => (await GetUserAsync())?.ToActor();

    public async Task<PortalUser?> GetUserAsync()
    {
        var state = await authenticationState.GetAuthenticationStateAsync();
        return PortalUser.FromPrincipal(state.User);
    }

    /// <summary>Reads the portal cookie's claims; null unless tenant, role and subject are all present.</summary>
    public static Actor? FromPrincipal(ClaimsPrincipal user) => PortalUser.FromPrincipal(user)?.ToActor();
}
