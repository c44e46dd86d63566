namespace SspPortal.Web.Authentication;

/// <summary>The claims of the portal's sign-in cookie, whatever signed the user in.</summary>
public static class PortalClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Tenant = "ssp_tenant";
    public const string Role = "role";

    /// <summary>The cookie scheme of the portal.</summary>
    public const string CookieScheme = "SspPortal.Cookies";
}
