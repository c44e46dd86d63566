using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SspPortal.Web.Authentication.OpenIdConnect;

namespace SspPortal.Web.Authentication;

/// <summary>Portal sign-in (development sign-in or OpenID Connect) and the account endpoints.</summary>
public static class AuthenticationHosting
{
    private const string LogCategory = "SspPortal.Web.Authentication";

    public static IHostApplicationBuilder AddPortalAuthentication(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services
            .AddOptions<OidcSignInOptions>()
            .Bind(builder.Configuration.GetSection(OidcSignInOptions.SectionName))
            .PostConfigure<IConfiguration>(
                (options, configuration) =>
                {
                    var azureAd = configuration.GetSection(AzureAdOptions.SectionName).Get<AzureAdOptions>();
                    if (!options.IsConfigured && azureAd?.IsConfigured == true)
                    {
                        azureAd.ApplyTo(options);
                    }
                }
            )
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<OidcSignInOptions>, OidcSignInOptionsValidator>();
        services.AddHttpClient(OidcProviderMetadata.HttpClientName);
        services.AddSingleton<OidcProviderMetadata>();

        services
            .AddAuthentication(PortalClaims.CookieScheme)
            .AddCookie(
                PortalClaims.CookieScheme,
                options =>
                {
                    options.Cookie.Name = "SspPortal.Auth";
                    options.Cookie.HttpOnly = true;
                    options.Cookie.SameSite = SameSiteMode.Lax;
                    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    options.LoginPath = AccountPaths.Login;
                    options.LogoutPath = AccountPaths.Logout;
                    options.AccessDeniedPath = AccountPaths.NoAccess;
                    options.ExpireTimeSpan = TimeSpan.FromHours(8);
                    options.SlidingExpiration = true;
                }
            )
            .AddOAuth<OAuthOptions, OidcCodeFlowHandler>(PortalClaims.OidcScheme, "OpenID Connect", _ => { });
        services
            .AddOptions<OAuthOptions>(PortalClaims.OidcScheme)
            .Configure<IOptions<OidcSignInOptions>>((oauth, signIn) => ConfigureOAuth(oauth, signIn.Value));

        services.AddAuthorization(options =>
            options.AddPolicy(
                PortalPolicies.Member,
                policy =>
                    policy
                        .AddAuthenticationSchemes(PortalClaims.CookieScheme)
                        .RequireAuthenticatedUser()
                        .RequireAssertion(context => PortalUser.FromPrincipal(context.User)?.HasAccess == true)
            )
        );
        services.AddCascadingAuthenticationState();
        services.AddScoped<IPortalActorAccessor, PortalActorAccessor>();
        return builder;
    }

    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        var account = app.MapGroup("/account").AllowAnonymous();
        account.MapGet("/login", SignIn);
        account.MapPost("/logout", SignOutAsync).DisableAntiforgery();
        if (IsDevelopmentSignInAvailable(app.Environment, app.Services.GetRequiredService<IOptions<OidcSignInOptions>>().Value))
        {
            AuthenticationLog.DevelopmentSignInActive(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory));
        }

        return app;
    }

    /// <summary>True when the development sign-in page is offered: Development and no OpenID Connect authority.</summary>
    public static bool IsDevelopmentSignInAvailable(IHostEnvironment environment, OidcSignInOptions options) =>
        environment.IsDevelopment() && !options.IsConfigured;

    private static Results<ChallengeHttpResult, RedirectHttpResult, NotFound> SignIn(
        string? returnUrl,
        IOptions<OidcSignInOptions> options,
        IHostEnvironment environment
    )
    {
        var target = AccountPaths.SafeReturnUrl(returnUrl);
        if (options.Value.IsConfigured)
        {
            return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = target }, [PortalClaims.OidcScheme]);
        }

        return IsDevelopmentSignInAvailable(environment, options.Value)
            ? TypedResults.LocalRedirect($"{AccountPaths.DevelopmentSignIn}?returnUrl={Uri.EscapeDataString(target)}")
            : TypedResults.NotFound();
    }

    private static async Task<Results<RedirectHttpResult, BadRequest>> SignOutAsync(
        HttpContext context,
        IAntiforgery antiforgery,
        IOptions<OidcSignInOptions> options,
        OidcProviderMetadata provider,
        ILoggerFactory loggers
    )
    {
        // Sign-out changes state: only a form of this site may ask for it.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest();
        }

        var current = await context.AuthenticateAsync(PortalClaims.CookieScheme);
        var idToken = current.Properties?.GetTokenValue("id_token");
        await context.SignOutAsync(PortalClaims.CookieScheme);
        var signedOut = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{AccountPaths.SignedOut}";
        if (!options.Value.IsConfigured || idToken is null)
        {
            return TypedResults.LocalRedirect(AccountPaths.SignedOut);
        }

        try
        {
            var configuration = await provider.GetConfigurationAsync(context.RequestAborted);
            if (string.IsNullOrEmpty(configuration.EndSessionEndpoint))
            {
                return TypedResults.LocalRedirect(AccountPaths.SignedOut);
            }

            var endSession = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
                configuration.EndSessionEndpoint,
                new Dictionary<string, string?>
                {
                    ["id_token_hint"] = idToken,
                    ["client_id"] = options.Value.ClientId,
                    ["post_logout_redirect_uri"] = signedOut,
                }
            );
            return TypedResults.Redirect(endSession);
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or IOException)
        {
            AuthenticationLog.EndSessionUnavailable(loggers.CreateLogger(LogCategory), exception);
            return TypedResults.LocalRedirect(AccountPaths.SignedOut);
        }
    }

    private static void ConfigureOAuth(OAuthOptions oauth, OidcSignInOptions signIn)
    {
        oauth.SignInScheme = PortalClaims.CookieScheme;
        oauth.ClientId = string.IsNullOrWhiteSpace(signIn.ClientId) ? "(not configured)" : signIn.ClientId;
        oauth.ClientSecret = string.IsNullOrEmpty(signIn.ClientSecret)
            ? OidcCodeFlowHandler.PublicClientSecretPlaceholder
            : signIn.ClientSecret;
        oauth.CallbackPath = signIn.CallbackPath;
        oauth.AuthorizationEndpoint = OidcCodeFlowHandler.DiscoveredEndpointPlaceholder + "authorize";
        oauth.TokenEndpoint = OidcCodeFlowHandler.DiscoveredEndpointPlaceholder + "token";
        oauth.UsePkce = true;
        oauth.SaveTokens = false;
        oauth.Scope.Clear();
        oauth.Scope.Add("openid");
        foreach (var scope in signIn.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!oauth.Scope.Contains(scope))
            {
                oauth.Scope.Add(scope);
            }
        }

        // The callback is a top-level GET from the provider: Lax is enough, and loopback tests run on plain http.
        oauth.CorrelationCookie.SameSite = SameSiteMode.Lax;
        oauth.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        oauth.Events.OnRemoteFailure = context =>
        {
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory);
            AuthenticationLog.OidcSignInFailed(logger, context.Failure?.Message ?? "unknown");
            context.Response.Redirect(context.Request.PathBase + AccountPaths.SignInFailed);
            context.HandleResponse();
            return Task.CompletedTask;
        };
        oauth.Events.OnTicketReceived = context =>
        {
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory);
            var user = context.Principal is null ? null : PortalUser.FromPrincipal(context.Principal);
            AuthenticationLog.SignedIn(logger, SignInMethods.OpenIdConnect, user?.TenantId, user?.Role?.ToString(), user?.AccessProblem);
            return Task.CompletedTask;
        };
    }
}

/// <summary>The portal's authorization policies.</summary>
public static class PortalPolicies
{
    /// <summary>A signed-in user with a tenant and a role: what every portal page asks for.</summary>
    public const string Member = "SspPortal.Member";
}

/// <summary>The account pages and endpoints.</summary>
public static class AccountPaths
{
    public const string Login = "/account/login";
    public const string Logout = "/account/logout";
    public const string NoAccess = "/account/no-access";
    public const string SignedOut = "/account/signed-out";
    public const string SignInFailed = "/account/sign-in-failed";
    public const string DevelopmentSignIn = "/account/dev-sign-in";

    /// <summary>
    /// A local path to return to after sign-in: anything else becomes <c>/</c>. Refused, like ASP.NET Core's own
    /// local-URL check and stricter: absolute and protocol-relative URLs, backslashes anywhere (browsers read them as
    /// slashes), control characters anywhere (browsers drop tabs and line breaks, so <c>/\t/evil.example</c> is
    /// <c>//evil.example</c>, and a line break cannot go into a <c>Location</c> header), and the account pages.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl)
    {
        if (
            string.IsNullOrEmpty(returnUrl)
            || returnUrl[0] != '/'
            || (returnUrl.Length > 1 && returnUrl[1] == '/')
            || returnUrl.Contains('\\', StringComparison.Ordinal)
            || returnUrl.Any(char.IsControl)
            || returnUrl.StartsWith("/account/", StringComparison.OrdinalIgnoreCase)
        )
        {
            return "/";
        }

        return returnUrl;
    }
}
