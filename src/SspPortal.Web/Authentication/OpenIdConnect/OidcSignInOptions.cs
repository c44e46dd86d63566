namespace SspPortal.Web.Authentication.OpenIdConnect;

/// <summary>
/// The portal's sign-in through any OpenID Connect provider (<c>Authentication:OpenIdConnect</c>). The claim settings
/// (name, tenant, roles) also apply to the Entra ID sign-in of the <c>AzureAd</c> section, except that Entra's tenant
/// always comes from <c>tid</c>.
/// </summary>
public sealed class OidcSignInOptions
{
    public const string SectionName = "Authentication:OpenIdConnect";

    /// <summary>The issuer URL whose <c>/.well-known/openid-configuration</c> describes the provider. Empty: no OpenID Connect sign-in.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The client secret; empty for a public client (PKCE alone).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Where the provider sends the authorization code back to (registered as a redirect URI at the provider).</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>Scopes asked for, space-separated; <c>openid</c> is always included.</summary>
    public string Scope { get; set; } = "openid profile email";

    /// <summary>
    /// How the client authenticates at the token endpoint. Only <see cref="OidcClientAuthentication.ClientSecretPost"/>
    /// is supported (the framework handler sends the secret in the request body); anything else stops start-up.
    /// </summary>
    public OidcClientAuthentication ClientAuthentication { get; set; } = OidcClientAuthentication.ClientSecretPost;

    /// <summary>The claim with the user's display name (falls back to <c>preferred_username</c>, <c>email</c>, then <c>sub</c>).</summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>The claim naming the user's tenant: <c>ssp_tenant</c> (generic) or <c>tid</c> (Entra ID).</summary>
    public string TenantClaim { get; set; } = "ssp_tenant";

    /// <summary>What the tenant claim holds: the portal's tenant id, or an Entra tenant id.</summary>
    public OidcTenantClaimKind TenantClaimKind { get; set; } = OidcTenantClaimKind.TenantId;

    /// <summary>The claim with the user's roles (one claim per role, or a JSON array).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The role values that mean each portal role.</summary>
    public OidcRoleNames RoleNames { get; set; } = new();

    /// <summary>True when OpenID Connect sign-in is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);
}

/// <summary>The provider's role values for the portal roles.</summary>
public sealed class OidcRoleNames
{
    public string Admin { get; set; } = "Admin";

    public string Editor { get; set; } = "Editor";

    public string Viewer { get; set; } = "Viewer";
}

public enum OidcTenantClaimKind
{
    /// <summary>The claim holds the portal's tenant id (e.g. <c>acme</c>).</summary>
    TenantId,

    /// <summary>The claim holds an Entra ID tenant id, matched against each tenant's configured Entra tenant id.</summary>
    EntraTenantId,
}

public enum OidcClientAuthentication
{
    /// <summary>Client id and secret in the token request body.</summary>
    ClientSecretPost,

    /// <summary>Client id and secret in an HTTP Basic authorization header: not supported, refused at start-up.</summary>
    ClientSecretBasic,
}
