using SspPortal.Web.Authentication.OpenIdConnect;

namespace SspPortal.Web.Authentication;

/// <summary>
/// Which sign-in the portal offers, decided once from configuration at start-up: Entra ID (an <c>AzureAd</c>
/// client id), any OpenID Connect provider (an <c>Authentication:OpenIdConnect</c> authority), or, in Development
/// with neither, the development sign-in. Setting both stops start-up (<see cref="OidcSignInOptionsValidator"/>).
/// </summary>
public sealed class PortalSignIn
{
    public const string AzureAdSectionName = "AzureAd";

    private PortalSignIn(bool entraConfigured, bool oidcConfigured, bool isDevelopment)
    {
        EntraConfigured = entraConfigured;
        OidcConfigured = oidcConfigured;
        Scheme =
            entraConfigured ? PortalClaims.EntraScheme
            : oidcConfigured ? PortalClaims.OidcScheme
            : null;
        DevelopmentSignInAvailable = isDevelopment && Scheme is null;
    }

    /// <summary>True when <c>AzureAd:ClientId</c> is set.</summary>
    public bool EntraConfigured { get; }

    /// <summary>True when <c>Authentication:OpenIdConnect:Authority</c> is set.</summary>
    public bool OidcConfigured { get; }

    /// <summary>The remote sign-in scheme the login endpoint challenges; null when there is none.</summary>
    public string? Scheme { get; }

    /// <summary>True when the development sign-in page is offered: Development and no provider configured.</summary>
    public bool DevelopmentSignInAvailable { get; }

    public static PortalSignIn From(IConfiguration configuration, IHostEnvironment environment) =>
        new(
            !string.IsNullOrWhiteSpace(configuration[$"{AzureAdSectionName}:ClientId"]),
            !string.IsNullOrWhiteSpace(configuration[$"{OidcSignInOptions.SectionName}:Authority"]),
            environment.IsDevelopment()
        );
}
