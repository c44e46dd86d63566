namespace SspPortal.Application.Profiles;

/// <summary>The identity-provider strategies a profile may allow, with how the flow presents them.</summary>
public static class Strategies
{
    public const string Oidc = "oidc";
    public const string Samlp = "samlp";
    public const string Waad = "waad";
    public const string GoogleApps = "google-apps";
    public const string Adfs = "adfs";
    public const string Okta = "okta";
    public const string Auth0Samlp = "auth0-samlp";
    public const string OktaSamlp = "okta-samlp";
    public const string KeycloakSamlp = "keycloak-samlp";
    public const string PingFederate = "pingfederate";

    public static readonly IReadOnlyList<StrategyInfo> All =
    [
        new(Okta, "Okta", StrategyProtocol.Oidc),
        new(OktaSamlp, "Okta SAML", StrategyProtocol.Saml),
        new(Waad, "Microsoft Entra ID", StrategyProtocol.Oidc),
        new(GoogleApps, "Google Workspace", StrategyProtocol.Oidc),
        new(Adfs, "ADFS", StrategyProtocol.Saml),
        new(PingFederate, "PingFederate", StrategyProtocol.Saml),
        new(KeycloakSamlp, "Keycloak SAML", StrategyProtocol.Saml),
        new(Auth0Samlp, "Auth0 SAML", StrategyProtocol.Saml),
        new(Oidc, "OpenID Connect", StrategyProtocol.Oidc),
        new(Samlp, "SAML", StrategyProtocol.Saml),
    ];

    /// <summary>The wire names, in the contract's order.</summary>
    public static readonly IReadOnlyList<string> Names =
        [Oidc, Samlp, Waad, GoogleApps, Adfs, Okta, Auth0Samlp, OktaSamlp, KeycloakSamlp, PingFederate];

    public static bool IsKnown(string? name) => name is not null && Names.Contains(name, StringComparer.Ordinal);

    public static StrategyInfo Get(string name) => All.Single(s => s.Name == name);

    /// <summary>The display name of a known strategy (<c>okta</c> → "Okta"); null for none or an unknown one.</summary>
    public static string? DisplayNameOf(string? name) => IsKnown(name) ? Get(name!).DisplayName : null;
}

public enum StrategyProtocol
{
    Oidc,
    Saml,
}

public sealed record StrategyInfo(string Name, string DisplayName, StrategyProtocol Protocol);
