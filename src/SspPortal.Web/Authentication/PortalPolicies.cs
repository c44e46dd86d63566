namespace SspPortal.Web.Authentication;

/// <summary>The portal's authorization policies.</summary>
public static class PortalPolicies
{
    /// <summary>A signed-in user with a tenant and a role: what every portal page asks for.</summary>
    public const string Member = "SspPortal.Member";
}
