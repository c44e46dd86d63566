namespace SspPortal.Web.Authentication;

/// <summary>The claims of the portal's sign-in cookie, whatever signed the user in.</summary>
public static class PortalClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Tenant = "ssp_tenant";
    public const string Role = "role";

    /// <summary>The tenant's display name at sign-in, for the header.</summary>
    public const string TenantName = "ssp_tenant_name";

    /// <summary>Why a signed-in user has no access (<see cref="AccessProblems"/>); absent when the user has access.</summary>
    public const string AccessProblem = "ssp_access_problem";

    /// <summary>How the user signed in: <c>oidc</c> or <c>development</c>.</summary>
    public const string Method = "ssp_sign_in_method";

    /// <summary>The cookie scheme of the portal.</summary>
    public const string CookieScheme = "SspPortal.Cookies";

    /// <summary>The OpenID Connect handler for any provider (<c>Authentication:OpenIdConnect</c>; registered only when an authority is set).</summary>
    public const string OidcScheme = "oidc";

    /// <summary>Microsoft.Identity.Web's handler for Entra ID (<c>AzureAd</c>; registered only when a client id is set).</summary>
    public const string EntraScheme = "entra";
}

/// <summary>Values of <see cref="PortalClaims.AccessProblem"/>.</summary>
public static class AccessProblems
{
    public const string NoTenant = "no_tenant";
    public const string NoRole = "no_role";
}

/// <summary>Values of <see cref="PortalClaims.Method"/>.</summary>
public static class SignInMethods
{
    public const string OpenIdConnect = "oidc";
    public const string Development = "development";
}
