namespace SspPortal.Application.Common;

/// <summary>
/// Who is asking, for which tenant, allowed to do what. The API builds one from the bearer token's scopes,
/// the portal from the signed-in user's role. Every service method takes one and checks its permissions itself.
/// </summary>
public sealed record Actor(string TenantId, string Subject, string DisplayName, IReadOnlySet<string> Permissions)
{
    public bool Can(string permission) => Permissions.Contains(permission);

    /// <summary>The actor for a portal user in one of the portal roles.</summary>
    public static Actor ForRole(string tenantId, string subject, string displayName, PortalRole role) =>
        new(tenantId, subject, displayName, Scopes.ForRole(role));
}

/// <summary>The portal's roles (contract section 6).</summary>
public enum PortalRole
{
    Viewer,
    Editor,
    Admin,
}
