namespace SspPortal.Application.SetupFlow;

/// <summary>What an identity provider's discovery document says, as far as the test needs it.</summary>
public sealed record OidcProviderInfo(string Issuer, string AuthorizationEndpoint, string TokenEndpoint, int SigningKeyCount);

/// <summary>The code exchange at the end of a test sign-in.</summary>
public sealed record OidcCodeExchange(
    string DiscoveryUrl,
    string ClientId,
    string ClientSecret,
    string Code,
    string RedirectUri,
    string CodeVerifier,
    string Nonce
);

/// <summary>What the code exchange and the id-token validation found.</summary>
public sealed record OidcExchangeOutcome(IReadOnlyList<ConnectionTestCheck> Checks, IReadOnlyDictionary<string, string>? Claims);

/// <summary>
/// Talks to the visitor's OpenID provider for the connection test: discovery and signing keys, then the code
/// exchange and the id-token validation. Outbound requests follow <see cref="IOutboundFetcher"/>'s rules.
/// </summary>
public interface IOidcTestClient
{
    /// <summary>Fetches discovery and the signing keys; the checks say what passed and what failed.</summary>
    Task<(OidcProviderInfo? Provider, IReadOnlyList<ConnectionTestCheck> Checks)> DiscoverAsync(
        string discoveryUrl,
        CancellationToken cancellationToken = default
    );

    Task<OidcExchangeOutcome> ExchangeAsync(OidcCodeExchange exchange, CancellationToken cancellationToken = default);
}
