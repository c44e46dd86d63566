using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using SspPortal.Web.Authentication.OpenIdConnect;

namespace SspPortal.Web.Authentication;

/// <summary>
/// Portal sign-in and the account endpoints. One cookie (<see cref="PortalClaims.CookieScheme"/>) that one of these
/// signs in to: Entra ID through Microsoft.Identity.Web (<c>AzureAd</c>), any OpenID Connect provider through the
/// framework's handler (<c>Authentication:OpenIdConnect</c>), or in Development without either the development sign-in.
/// </summary>
public static class AuthenticationHosting
{
    private const string LogCategory = "SspPortal.Web.Authentication";

    public static IHostApplicationBuilder AddPortalAuthentication(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var signIn = PortalSignIn.From(builder.Configuration, builder.Environment);
        services.AddSingleton(signIn);
        services.AddOptions<OidcSignInOptions>().Bind(builder.Configuration.GetSection(OidcSignInOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OidcSignInOptions>, OidcSignInOptionsValidator>();

        var authentication = services
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
            );

        if (signIn.OidcConfigured)
        {
            authentication.AddOpenIdConnect(PortalClaims.OidcScheme, "OpenID Connect", _ => { });
            services
                .AddOptions<OpenIdConnectOptions>(PortalClaims.OidcScheme)
                .Configure<IOptions<OidcSignInOptions>>((oidc, settings) => PortalOpenIdConnectSetup.ConfigureGeneric(oidc, settings.Value));
        }

        if (signIn.EntraConfigured)
        {
            var azureAd = builder.Configuration.GetSection(PortalSignIn.AzureAdSectionName);
            authentication.AddMicrosoftIdentityWebApp(azureAd, openIdConnectScheme: PortalClaims.EntraScheme, cookieScheme: null);
            services.PostConfigure<MicrosoftIdentityOptions>(
                PortalClaims.EntraScheme,
                options => PortalOpenIdConnectSetup.ConfigureEntraIdentity(options, azureAd)
            );
            // Registered after Microsoft.Identity.Web's own configuration of the scheme, so it runs after it.
            services
                .AddOptions<OpenIdConnectOptions>(PortalClaims.EntraScheme)
                .Configure(oidc => PortalOpenIdConnectSetup.ConfigureEntra(oidc, azureAd));
        }

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
        account.MapGet("/login", SignInAsync);
        account.MapPost("/logout", SignOutAsync).DisableAntiforgery();
        if (app.Services.GetRequiredService<PortalSignIn>().DevelopmentSignInAvailable)
        {
            AuthenticationLog.DevelopmentSignInActive(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory));
        }

        return app;
    }

    private static async Task<Results<ChallengeHttpResult, RedirectHttpResult, NotFound>> SignInAsync(
        string? returnUrl,
        PortalSignIn signIn,
        IOptionsMonitor<OpenIdConnectOptions> oidcOptions,
        ILoggerFactory loggers,
        CancellationToken cancellationToken
    )
    {
        var target = AccountPaths.SafeReturnUrl(returnUrl);
        if (signIn.Scheme is { } scheme)
        {
            // The handler would answer 500 when the provider's discovery document cannot be read: say so instead.
            return await TryGetProviderConfigurationAsync(oidcOptions.Get(scheme), scheme, loggers, cancellationToken) is null
                ? TypedResults.LocalRedirect(AccountPaths.SignInFailed)
                : TypedResults.Challenge(new AuthenticationProperties { RedirectUri = target }, [scheme]);
        }

        return signIn.DevelopmentSignInAvailable
            ? TypedResults.LocalRedirect($"{AccountPaths.DevelopmentSignIn}?returnUrl={Uri.EscapeDataString(target)}")
            : TypedResults.NotFound();
    }

    private static async Task<Results<SignOutHttpResult, RedirectHttpResult, BadRequest>> SignOutAsync(
        HttpContext context,
        IAntiforgery antiforgery,
        PortalSignIn signIn,
        IOptionsMonitor<OpenIdConnectOptions> oidcOptions,
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
        if (signIn.Scheme is not { } scheme || idToken is null)
        {
            await context.SignOutAsync(PortalClaims.CookieScheme);
            return TypedResults.LocalRedirect(AccountPaths.SignedOut);
        }

        var configuration = await TryGetProviderConfigurationAsync(oidcOptions.Get(scheme), scheme, loggers, context.RequestAborted);
        if (string.IsNullOrEmpty(configuration?.EndSessionEndpoint))
        {
            if (configuration is not null)
            {
                AuthenticationLog.EndSessionUnavailable(loggers.CreateLogger(LogCategory), scheme);
            }

            await context.SignOutAsync(PortalClaims.CookieScheme);
            return TypedResults.LocalRedirect(AccountPaths.SignedOut);
        }

        // The cookie first, then the provider: its handler sends the id token from the cookie as the hint and comes
        // back through its signed-out callback to the signed-out page.
        return TypedResults.SignOut(
            new AuthenticationProperties { RedirectUri = AccountPaths.SignedOut },
            [PortalClaims.CookieScheme, scheme]
        );
    }

    private static async Task<OpenIdConnectConfiguration?> TryGetProviderConfigurationAsync(
        OpenIdConnectOptions options,
        string scheme,
        ILoggerFactory loggers,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return options.Configuration
                ?? await (options.ConfigurationManager ?? throw new InvalidOperationException("The scheme has no configuration manager.")).GetConfigurationAsync(
                    cancellationToken
                );
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or IOException)
        {
            // IdentityModel reports an unreachable or broken discovery document as InvalidOperationException.
            AuthenticationLog.DiscoveryFailed(loggers.CreateLogger(LogCategory), scheme, exception);
            return null;
        }
    }
}
