using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace SspPortal.Web.Authentication.OpenIdConnect;

/// <summary>
/// The settings both remote sign-ins share on the framework's OpenID Connect handler: authorization code with PKCE,
/// JWT claim names as they are, the one portal cookie, a safe return URL, the provider's claims mapped to the portal's
/// (<see cref="OidcClaimMapper"/>) and a failure page. The generic provider adds its authority, scopes and userinfo
/// claims; Entra ID gets the rest from Microsoft.Identity.Web and its tenant from <c>tid</c>.
/// </summary>
internal static class PortalOpenIdConnectSetup
{
    /// <summary>Entra's callback when <c>AzureAd:CallbackPath</c> is not set (its own, apart from the generic <c>/signin-oidc</c>).</summary>
    public const string EntraCallbackPath = "/signin-entra";

    /// <summary>Entra's sign-out callback when <c>AzureAd:SignedOutCallbackPath</c> is not set.</summary>
    public const string EntraSignedOutCallbackPath = "/signout-callback-entra";

    private const string LogCategory = "SspPortal.Web.Authentication";

    public static void ConfigureGeneric(OpenIdConnectOptions options, OidcSignInOptions settings)
    {
        options.Authority = settings.Authority;
        options.ClientId = settings.ClientId;
        options.ClientSecret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret;
        options.CallbackPath = settings.CallbackPath;
        options.Scope.Clear();
        options.Scope.Add("openid");
        foreach (var scope in settings.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!options.Scope.Contains(scope))
            {
                options.Scope.Add(scope);
            }
        }

        // Many providers (oidc-provider among them) put profile claims only in userinfo.
        options.GetClaimsFromUserInfoEndpoint = true;
        foreach (var claim in new[] { settings.NameClaim, settings.TenantClaim, "preferred_username", "email" }.Distinct(StringComparer.Ordinal))
        {
            options.ClaimActions.MapUniqueJsonKey(claim, claim);
        }

        options.ClaimActions.MapJsonKey(settings.RoleClaim, settings.RoleClaim);
        ApplyShared(options, settings.TenantClaim, settings.TenantClaimKind);
    }

    /// <summary>
    /// Defaults for Microsoft.Identity.Web's own options of the Entra scheme, before it copies them into the handler's:
    /// the callback paths live there because its correlation and nonce cookies take their path from these options.
    /// </summary>
    public static void ConfigureEntraIdentity(MicrosoftIdentityOptions options, IConfigurationSection azureAd)
    {
        // JWT claim names as they are (sub, tid, roles): its token handlers are the ones the scheme validates with.
        options.MapInboundClaims = false;

        // Any work account when no directory is named, as the settings example says.
        if (string.IsNullOrWhiteSpace(options.TenantId))
        {
            options.TenantId = "organizations";
        }

        SetEntraPaths(options, azureAd);
    }

    /// <summary>Runs after Microsoft.Identity.Web filled the handler's options from the <c>AzureAd</c> section.</summary>
    public static void ConfigureEntra(OpenIdConnectOptions options, IConfigurationSection azureAd)
    {
        // Microsoft.Identity.Web does not carry a changed callback path into the handler's options: set it here too.
        SetEntraPaths(options, azureAd);
        ApplyShared(options, "tid", OidcTenantClaimKind.EntraTenantId);
    }

    private static void SetEntraPaths(OpenIdConnectOptions options, IConfigurationSection azureAd)
    {
        if (string.IsNullOrWhiteSpace(azureAd["CallbackPath"]))
        {
            options.CallbackPath = EntraCallbackPath;
        }

        if (string.IsNullOrWhiteSpace(azureAd["SignedOutCallbackPath"]))
        {
            options.SignedOutCallbackPath = EntraSignedOutCallbackPath;
        }
    }

    /// <summary>True for a plain-http authority on a loopback address (tests and local providers).</summary>
    public static bool IsLoopbackHttp(string? authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;

    private static void ApplyShared(OpenIdConnectOptions options, string tenantClaim, OidcTenantClaimKind tenantClaimKind)
    {
        options.SignInScheme = PortalClaims.CookieScheme;
        options.SignOutScheme = PortalClaims.CookieScheme;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.MapInboundClaims = false;
        // Microsoft.Identity.Web's scheme keeps a token handler that still maps claim names (sub, tid, roles would
        // arrive under long URIs): validate with a handler of our own that keeps them as they are.
        options.TokenHandler = new JsonWebTokenHandler { MapInboundClaims = false };
        options.SaveTokens = false;
        options.RequireHttpsMetadata = !IsLoopbackHttp(options.Authority);
        options.TokenValidationParameters.NameClaimType = "name";
        options.TokenValidationParameters.RoleClaimType = "roles";

        // Microsoft.Identity.Web has handlers of its own on these events: ours run with them, not instead.
        var events = options.Events;
        var redirectToProvider = events.OnRedirectToIdentityProvider;
        events.OnRedirectToIdentityProvider = context =>
        {
            context.Properties.RedirectUri = AccountPaths.SafeReturnUrl(context.Properties.RedirectUri);
            return redirectToProvider(context);
        };

        var tokenValidated = events.OnTokenValidated;
        events.OnTokenValidated = async context =>
        {
            await tokenValidated(context);
            // Only the id token is kept in the cookie: the provider's sign-out wants it as a hint.
            var idToken = context.TokenEndpointResponse?.IdToken ?? context.ProtocolMessage?.IdToken;
            if (!string.IsNullOrEmpty(idToken))
            {
                context.Properties?.StoreTokens([new AuthenticationToken { Name = "id_token", Value = idToken }]);
            }
        };

        var ticketReceived = events.OnTicketReceived;
        events.OnTicketReceived = async context =>
        {
            await ticketReceived(context);
            var services = context.HttpContext.RequestServices;
            var mapper = ActivatorUtilities.CreateInstance<OidcClaimMapper>(services);
            var principal = await mapper.MapAsync(
                [.. context.Principal?.Claims ?? []],
                tenantClaim,
                tenantClaimKind,
                context.HttpContext.RequestAborted
            );
            if (principal is null)
            {
                AuthenticationLog.OidcSignInFailed(Logger(services), context.Scheme.Name, "the provider's claims name no subject ('sub')");
                context.Response.Redirect(context.Request.PathBase + AccountPaths.SignInFailed);
                context.HandleResponse();
                return;
            }

            context.Principal = principal;
            context.ReturnUri = AccountPaths.SafeReturnUrl(context.ReturnUri);
            var user = PortalUser.FromPrincipal(principal);
            AuthenticationLog.SignedIn(Logger(services), context.Scheme.Name, user?.TenantId, user?.Role?.ToString(), user?.AccessProblem);
        };

        var remoteFailure = events.OnRemoteFailure;
        events.OnRemoteFailure = async context =>
        {
            await remoteFailure(context);
            if (context.Result is not null)
            {
                return;
            }

            AuthenticationLog.OidcSignInFailed(Logger(context.HttpContext.RequestServices), context.Scheme.Name, context.Failure?.Message ?? "unknown");
            context.Response.Redirect(context.Request.PathBase + AccountPaths.SignInFailed);
            context.HandleResponse();
        };
    }

    private static ILogger Logger(IServiceProvider services) => services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory);
}
