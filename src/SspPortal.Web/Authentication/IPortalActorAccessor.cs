using SspPortal.Application.Common;

namespace SspPortal.Web.Authentication;

/// <summary>The signed-in portal user as an <see cref="Actor"/>, for components to pass to the services.</summary>
public interface IPortalActorAccessor
{
    /// <summary>The actor, or null when nobody (or nobody with a tenant and a role) is signed in.</summary>
    Task<Actor?> GetActorAsync();

    /// <summary>The signed-in user (name, tenant, role), or null when nobody is signed in.</summary>
    Task<PortalUser?> GetUserAsync();
}
