namespace SspPortal.Web.Authentication;

/// <summary>Portal sign-in (development sign-in or OpenID Connect) and the account endpoints.</summary>
public static class AuthenticationHosting
{
    public static IHostApplicationBuilder AddPortalAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication();
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<IPortalActorAccessor, PortalActorAccessor>();
        return builder;
    }

    public static WebApplication MapAccountEndpoints(this WebApplication app) => app;
}
