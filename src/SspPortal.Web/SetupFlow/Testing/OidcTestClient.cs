using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using SspPortal.Application.SetupFlow;

namespace SspPortal.Web.SetupFlow.Testing;

/// <summary>
/// The OIDC side of "test connection": discovery and keys through <see cref="IOutboundFetcher"/>, the code exchange
/// with the client secret (HTTP Basic, as most providers expect by default), and id-token validation
/// (signature, issuer, audience, lifetime, nonce). Tokens and secrets are never logged.
/// </summary>
public sealed class OidcTestClient(IOutboundFetcher fetcher) : IOidcTestClient
{
    public async Task<(OidcProviderInfo? Provider, IReadOnlyList<ConnectionTestCheck> Checks)> DiscoverAsync(
        string discoveryUrl,
        CancellationToken cancellationToken = default
    )
    {
        var (configuration, keys, checks) = await LoadAsync(discoveryUrl, cancellationToken);
        return configuration is null || keys is null
            ? (null, checks)
            : (
                new OidcProviderInfo(configuration.Issuer, configuration.AuthorizationEndpoint, configuration.TokenEndpoint, keys.Keys.Count),
                checks
            );
    }

    public async Task<OidcExchangeOutcome> ExchangeAsync(OidcCodeExchange exchange, CancellationToken cancellationToken = default)
    {
        var (configuration, keys, _) = await LoadAsync(exchange.DiscoveryUrl, cancellationToken);
        var checks = new List<ConnectionTestCheck>();
        if (configuration is null || keys is null)
        {
            checks.Add(new ConnectionTestCheck("Discovery document still reachable", false, null));
            return new OidcExchangeOutcome(checks, null);
        }

        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = exchange.Code,
            ["redirect_uri"] = exchange.RedirectUri,
            ["code_verifier"] = exchange.CodeVerifier,
        };
        var response = await fetcher.PostFormAsync(new Uri(configuration.TokenEndpoint), form, (exchange.ClientId, exchange.ClientSecret), cancellationToken);
        if (!response.Succeeded || response.Body is null)
        {
            checks.Add(new ConnectionTestCheck("Code exchanged for tokens (client id and secret accepted)", false, TokenError(response)));
            return new OidcExchangeOutcome(checks, null);
        }

        string? idToken = null;
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            if (document.RootElement.TryGetProperty("id_token", out var value) && value.ValueKind == JsonValueKind.String)
            {
                idToken = value.GetString();
            }
        }
        catch (JsonException)
        {
            idToken = null;
        }

        checks.Add(new ConnectionTestCheck("Code exchanged for tokens (client id and secret accepted)", true, null));
        if (idToken is null)
        {
            checks.Add(new ConnectionTestCheck("An id token was returned", false, "The token response has no id_token."));
            return new OidcExchangeOutcome(checks, null);
        }

        var handler = new JsonWebTokenHandler();
        var validation = await handler.ValidateTokenAsync(
            idToken,
            new TokenValidationParameters
            {
                ValidIssuer = configuration.Issuer,
                ValidAudience = exchange.ClientId,
                IssuerSigningKeys = keys.GetSigningKeys(),
                ValidateLifetime = true,
                ClockSkew = TimeSpan.FromMinutes(2),
            }
        );
        checks.Add(
            new ConnectionTestCheck(
                "Id token signature, issuer, audience and lifetime valid",
                validation.IsValid,
                validation.IsValid ? configuration.Issuer : Describe(validation.Exception)
            )
        );
        if (!validation.IsValid)
        {
            return new OidcExchangeOutcome(checks, null);
        }

        var token = (JsonWebToken)validation.SecurityToken;
        var nonceOk = token.TryGetPayloadValue<string>("nonce", out var nonce) && nonce == exchange.Nonce;
        checks.Add(new ConnectionTestCheck("Id token nonce matches this test", nonceOk, null));
        var claims = token
            .Claims.Where(c => c.Type is not ("nonce" or "at_hash" or "c_hash" or "sid"))
            .GroupBy(c => c.Type)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(c => c.Value)), StringComparer.Ordinal);
        return new OidcExchangeOutcome(checks, claims);
    }

    private async Task<(OpenIdConnectConfiguration? Configuration, JsonWebKeySet? Keys, List<ConnectionTestCheck> Checks)> LoadAsync(
        string discoveryUrl,
        CancellationToken cancellationToken
    )
    {
        var checks = new List<ConnectionTestCheck>();
        var discovery = await fetcher.GetAsync(new Uri(discoveryUrl), cancellationToken);
        OpenIdConnectConfiguration? configuration = null;
        if (discovery.Succeeded && discovery.Body is not null)
        {
            try
            {
                configuration = OpenIdConnectConfiguration.Create(discovery.Body);
            }
            catch (ArgumentException)
            {
                configuration = null;
            }
        }

        var complete = configuration is { Issuer.Length: > 0, AuthorizationEndpoint.Length: > 0, TokenEndpoint.Length: > 0, JwksUri.Length: > 0 };
        checks.Add(
            new ConnectionTestCheck(
                "Discovery document fetched",
                complete,
                complete ? discoveryUrl : discovery.Error ?? "The document is not an OpenID Connect discovery document."
            )
        );
        if (!complete)
        {
            return (null, null, checks);
        }

        var endpointRefusal = fetcher.Refuse(new Uri(configuration!.TokenEndpoint)) ?? fetcher.Refuse(new Uri(configuration.AuthorizationEndpoint));
        if (endpointRefusal is not null)
        {
            checks.Add(new ConnectionTestCheck("Endpoints use https", false, endpointRefusal));
            return (null, null, checks);
        }

        var jwks = await fetcher.GetAsync(new Uri(configuration.JwksUri), cancellationToken);
        JsonWebKeySet? keys = null;
        if (jwks.Succeeded && jwks.Body is not null)
        {
            try
            {
                keys = new JsonWebKeySet(jwks.Body);
            }
            catch (ArgumentException)
            {
                keys = null;
            }
        }

        var hasKeys = keys is { Keys.Count: > 0 };
        checks.Add(new ConnectionTestCheck("Signing keys fetched", hasKeys, hasKeys ? $"{keys!.Keys.Count} key(s)" : jwks.Error ?? "No keys."));
        return hasKeys ? (configuration, keys, checks) : (null, null, checks);
    }

    private static string TokenError(FetchResult response)
    {
        if (response.Body is not null)
        {
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                if (document.RootElement.TryGetProperty("error", out var error))
                {
                    var text = error.GetString() ?? "error";
                    return document.RootElement.TryGetProperty("error_description", out var description) ? $"{text}: {description.GetString()}" : text;
                }
            }
            catch (JsonException)
            {
                // Not JSON: fall through to the status.
            }
        }

        return response.Error ?? "The token endpoint refused the request.";
    }

    private static string Describe(Exception? exception) =>
        exception switch
        {
            SecurityTokenInvalidIssuerException => "The issuer does not match the discovery document.",
            SecurityTokenInvalidAudienceException => "The audience is not this client id.",
            SecurityTokenExpiredException => "The id token has expired.",
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The signature does not match the provider's keys.",
            null => "The id token is not valid.",
            _ => "The id token is not valid.",
        };
}
