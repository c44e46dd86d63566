using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using SspPortal.Application.Common;
using SspPortal.Application.SetupFlow;

namespace SspPortal.Web.SetupFlow.Testing;

/// <summary>
/// The OIDC side of "test connection": discovery and keys through <see cref="IOutboundFetcher"/>, the code exchange
/// with the client secret (HTTP Basic, as most providers expect by default), and id-token validation
/// (<see cref="OidcIdTokenValidator"/>: signature, issuer, audience, lifetime, nonce). The portal's own sign-in runs
/// on the framework's handler; this is the only hand-made code exchange. Tokens and secrets are never logged.
/// </summary>
public sealed class OidcTestClient(IOutboundFetcher fetcher, TimeProvider clock) : IOidcTestClient
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
            checks.Add(new ConnectionTestCheck(FlowMessages.Get("check.oidc.discovery.again"), false, null));
            return new OidcExchangeOutcome(checks, null);
        }

        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = exchange.Code,
            ["redirect_uri"] = exchange.RedirectUri,
            ["code_verifier"] = exchange.CodeVerifier,
        };
        // Most providers take the secret as HTTP Basic by default; some clients are registered for the form post.
        var tokenEndpoint = new Uri(configuration.TokenEndpoint);
        var response = await fetcher.PostFormAsync(tokenEndpoint, form, (exchange.ClientId, exchange.ClientSecret), cancellationToken);
        if (!response.Succeeded && TokenErrorCode(response) == "invalid_client")
        {
            var posted = new Dictionary<string, string>(form) { ["client_id"] = exchange.ClientId, ["client_secret"] = exchange.ClientSecret };
            response = await fetcher.PostFormAsync(tokenEndpoint, posted, null, cancellationToken);
        }

        if (!response.Succeeded || response.Body is null)
        {
            checks.Add(new ConnectionTestCheck(FlowMessages.Get("check.oidc.exchange"), false, TokenError(response)));
            return new OidcExchangeOutcome(checks, null);
        }

        string? idToken = null;
        string? accessToken = null;
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            if (document.RootElement.TryGetProperty("id_token", out var value) && value.ValueKind == JsonValueKind.String)
            {
                idToken = value.GetString();
            }

            if (document.RootElement.TryGetProperty("access_token", out var access) && access.ValueKind == JsonValueKind.String)
            {
                accessToken = access.GetString();
            }
        }
        catch (JsonException)
        {
            idToken = null;
        }

        checks.Add(new ConnectionTestCheck(FlowMessages.Get("check.oidc.exchange"), true, null));
        if (idToken is null)
        {
            checks.Add(new ConnectionTestCheck(FlowMessages.Get("check.oidc.idtoken"), false, FlowMessages.Get("detail.oidc.noidtoken")));
            return new OidcExchangeOutcome(checks, null);
        }

        // The discovery document and keys fetched above under the flow's outbound rules, nothing fetched twice.
        foreach (var key in keys.GetSigningKeys())
        {
            configuration.SigningKeys.Add(key);
        }

        var validator = new OidcIdTokenValidator(new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration), clock);
        var validation = await validator.ValidateAsync(idToken, exchange.ClientId, exchange.Nonce, cancellationToken);
        checks.Add(
            new ConnectionTestCheck(
                FlowMessages.Get("check.oidc.idtoken.valid"),
                validation.IsValid,
                validation.IsValid ? CodedMessage.Plain(configuration.Issuer) : Refusal(validation)
            )
        );
        if (!validation.IsValid || validation.Identity is null)
        {
            return new OidcExchangeOutcome(checks, null);
        }

        var claims = validation
            .Identity.Claims.Where(c => c.Type is not ("nonce" or "at_hash" or "c_hash" or "sid"))
            .GroupBy(c => c.Type)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(c => c.Value)), StringComparer.Ordinal);

        // Many providers put profile and email claims only in userinfo: add them when its subject matches.
        if (accessToken is not null && IsHttpAddress(configuration.UserInfoEndpoint))
        {
            await AddUserInfoAsync(configuration.UserInfoEndpoint, accessToken, validation.Subject!, claims, checks, cancellationToken);
        }

        return new OidcExchangeOutcome(checks, claims);
    }

    private async Task AddUserInfoAsync(
        string endpoint,
        string accessToken,
        string subject,
        Dictionary<string, string> claims,
        List<ConnectionTestCheck> checks,
        CancellationToken cancellationToken
    )
    {
        var userInfo = await fetcher.GetWithBearerAsync(new Uri(endpoint), accessToken, cancellationToken);
        if (!userInfo.Succeeded || userInfo.Body is null)
        {
            checks.Add(new ConnectionTestCheck(FlowMessages.Get("check.oidc.userinfo"), false, userInfo.Error));
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(userInfo.Body);
            var root = document.RootElement;
            var sameSubject = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("sub", out var sub) && sub.GetString() == subject;
            checks.Add(new ConnectionTestCheck(FlowMessages.Get("check.oidc.userinfo.subject"), sameSubject, null));
            if (!sameSubject)
            {
                return;
            }

            foreach (var property in root.EnumerateObject())
            {
                if (!claims.ContainsKey(property.Name))
                {
                    claims[property.Name] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString() ?? "",
                        JsonValueKind.Array => string.Join(", ", property.Value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
                        _ => property.Value.GetRawText(),
                    };
                }
            }
        }
        catch (JsonException)
        {
            checks.Add(new ConnectionTestCheck(FlowMessages.Get("check.oidc.userinfo.subject"), false, FlowMessages.Get("detail.oidc.notjson")));
        }
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

        // The endpoints must be absolute http(s) addresses: anything else (a relative path, "not a url") is not a
        // discovery document this test can use, and is said so instead of failing later.
        var complete =
            configuration is { Issuer.Length: > 0 }
            && IsHttpAddress(configuration.AuthorizationEndpoint)
            && IsHttpAddress(configuration.TokenEndpoint)
            && IsHttpAddress(configuration.JwksUri);
        checks.Add(
            new ConnectionTestCheck(
                FlowMessages.Get("check.oidc.discovery"),
                complete,
                complete ? CodedMessage.Plain(discoveryUrl) : discovery.Error ?? FlowMessages.Get("detail.oidc.notdiscovery")
            )
        );
        if (!complete)
        {
            return (null, null, checks);
        }

        var endpointRefusal = fetcher.Refuse(new Uri(configuration!.TokenEndpoint)) ?? fetcher.Refuse(new Uri(configuration.AuthorizationEndpoint));
        if (endpointRefusal is not null)
        {
            checks.Add(new ConnectionTestCheck(FlowMessages.Get("check.oidc.endpoints.https"), false, endpointRefusal));
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
        checks.Add(new ConnectionTestCheck(FlowMessages.Get("check.oidc.keys"), hasKeys, hasKeys ? FlowMessages.Get("detail.oidc.keycount", keys!.Keys.Count) : jwks.Error ?? FlowMessages.Get("detail.oidc.nokeys")));
        return hasKeys ? (configuration, keys, checks) : (null, null, checks);
    }

    private static bool IsHttpAddress(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>Why the id token was refused, by the validator's error code; its own words when the code is not one the flow words.</summary>
    internal static CodedMessage Refusal(OidcIdTokenValidationResult validation)
    {
        var key = $"detail.idtoken.{validation.ErrorCode}";
        return validation.ErrorCode is not null && FlowMessages.English.ContainsKey(key)
            ? FlowMessages.Get(key, [.. validation.ErrorArgs])
            : CodedMessage.Plain(validation.Error ?? string.Empty);
    }

    private static string? TokenErrorCode(FetchResult response)
    {
        try
        {
            using var document = response.Body is null ? null : JsonDocument.Parse(response.Body);
            return document is not null && document.RootElement.TryGetProperty("error", out var error) ? error.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static CodedMessage TokenError(FetchResult response)
    {
        if (response.Body is not null)
        {
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                if (document.RootElement.TryGetProperty("error", out var error))
                {
                    var text = error.GetString() ?? "error";
                    // The provider's own words: shown as they are.
                    return CodedMessage.Plain(document.RootElement.TryGetProperty("error_description", out var description) ? $"{text}: {description.GetString()}" : text);
                }
            }
            catch (JsonException)
            {
                // Not JSON: fall through to the status.
            }
        }

        return response.Error ?? FlowMessages.Get("detail.oidc.tokenrefused");
    }
}
