using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace SspPortal.Web.SetupFlow.Testing;

/// <summary>
/// The code base's one hand-made id-token validation, for the setup flow's connection test (the portal's own sign-in
/// validates on the framework's OpenID Connect handler): <see cref="JsonWebTokenHandler"/> against the provider's
/// discovery document for signature (keys from its <c>jwks_uri</c>, asked again once when a key is unknown), issuer,
/// audience (the client id), lifetime on the injected clock, <c>azp</c> and nonce. The metadata comes from the caller,
/// so every fetch stays under the flow's outbound rules.
/// </summary>
public sealed class OidcIdTokenValidator
{
    /// <summary>How much clock difference between the provider and us is tolerated.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    private const string EntraTenantPlaceholder = "{tenantid}";

    private readonly IConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly TimeProvider _timeProvider;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <param name="metadata">The provider's discovery document and signing keys.</param>
    /// <param name="timeProvider">The clock for the lifetime check (the system clock when null).</param>
    public OidcIdTokenValidator(IConfigurationManager<OpenIdConnectConfiguration> metadata, TimeProvider? timeProvider = null)
    {
        _metadata = metadata;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Validates <paramref name="idToken"/> for the client <paramref name="clientId"/>. When
    /// <paramref name="expectedNonce"/> is given, the token's <c>nonce</c> claim must equal it.
    /// Never throws for a bad token: the result says what is wrong.
    /// </summary>
    public async Task<OidcIdTokenValidationResult> ValidateAsync(
        string idToken,
        string clientId,
        string? expectedNonce,
        CancellationToken cancellationToken = default
    )
    {
        if (string.IsNullOrWhiteSpace(idToken) || !_handler.CanReadToken(idToken))
        {
            return OidcIdTokenValidationResult.Failure("malformed", "The id token is not a well-formed JWT.");
        }

        var configuration = await _metadata.GetConfigurationAsync(cancellationToken);
        var result = await _handler.ValidateTokenAsync(idToken, CreateParameters(configuration, clientId));
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The provider may have rotated its keys since we cached them: fetch them once more.
            _metadata.RequestRefresh();
            configuration = await _metadata.GetConfigurationAsync(cancellationToken);
            result = await _handler.ValidateTokenAsync(idToken, CreateParameters(configuration, clientId));
        }

        if (!result.IsValid)
        {
            return Describe(result.Exception);
        }

        var token = (JsonWebToken)result.SecurityToken;
        if (string.IsNullOrEmpty(token.Subject))
        {
            return OidcIdTokenValidationResult.Failure("nosubject", "The id token has no 'sub' claim.");
        }

        var audiences = token.Audiences.ToList();
        if (audiences.Count > 1 && (!token.TryGetPayloadValue<string>("azp", out var azp) || azp != clientId))
        {
            return OidcIdTokenValidationResult.Failure("azp", "The id token has several audiences but its 'azp' is not this client.");
        }

        if (expectedNonce is not null)
        {
            token.TryGetPayloadValue<string>("nonce", out var nonce);
            if (nonce is null || !FixedTimeEquals(nonce, expectedNonce))
            {
                return OidcIdTokenValidationResult.Failure("nonce", "The id token's nonce does not match the sign-in request.");
            }
        }

        return OidcIdTokenValidationResult.Success(result.ClaimsIdentity, token.Subject);
    }

    private TokenValidationParameters CreateParameters(OpenIdConnectConfiguration configuration, string clientId) =>
        new()
        {
            ValidateIssuer = true,
            ValidIssuer = configuration.Issuer,
            IssuerValidator = (issuer, token, _) => ValidateIssuer(issuer, token, configuration.Issuer),
            ValidateAudience = true,
            ValidAudience = clientId,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            LifetimeValidator = ValidateLifetime,
            ClockSkew = ClockSkew,
            NameClaimType = "name",
            RoleClaimType = "roles",
        };

    /// <summary>The discovered issuer, where Entra's multi-tenant <c>{tenantid}</c> placeholder takes the token's <c>tid</c>.</summary>
    private static string ValidateIssuer(string issuer, SecurityToken token, string? discoveredIssuer)
    {
        var expected = discoveredIssuer ?? string.Empty;
        if (expected.Contains(EntraTenantPlaceholder, StringComparison.OrdinalIgnoreCase))
        {
            var tid = token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>("tid", out var value) ? value : null;
            if (string.IsNullOrEmpty(tid))
            {
                throw new SecurityTokenInvalidIssuerException("The id token has no 'tid' claim for the provider's issuer template.");
            }

            expected = expected.Replace(EntraTenantPlaceholder, tid, StringComparison.OrdinalIgnoreCase);
        }

        return !string.IsNullOrEmpty(expected) && string.Equals(issuer, expected, StringComparison.Ordinal)
            ? issuer
            : throw new SecurityTokenInvalidIssuerException($"The id token's issuer '{issuer}' is not the provider's issuer '{expected}'.");
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        return expires is { } exp
            && exp.ToUniversalTime() > now - parameters.ClockSkew
            && (notBefore is not { } nbf || nbf.ToUniversalTime() <= now + parameters.ClockSkew);
    }

    private static OidcIdTokenValidationResult Describe(Exception? exception) =>
        exception switch
        {
            SecurityTokenSignatureKeyNotFoundException => OidcIdTokenValidationResult.Failure(
                "unknownkey",
                "The id token is signed with a key the provider does not publish."
            ),
            SecurityTokenInvalidSignatureException => OidcIdTokenValidationResult.Failure("signature", "The id token's signature is not valid."),
            SecurityTokenInvalidIssuerException => OidcIdTokenValidationResult.Failure("issuer", "The id token was not issued by the configured provider."),
            SecurityTokenInvalidAudienceException => OidcIdTokenValidationResult.Failure("audience", "The id token was issued for another client."),
            SecurityTokenExpiredException or SecurityTokenNotYetValidException or SecurityTokenInvalidLifetimeException =>
                OidcIdTokenValidationResult.Failure("lifetime", "The id token is expired or not yet valid."),
            SecurityTokenNoExpirationException => OidcIdTokenValidationResult.Failure("noexpiry", "The id token has no expiry."),
            null => OidcIdTokenValidationResult.Failure("invalid", "The id token is not valid."),
            _ => OidcIdTokenValidationResult.Failure("invalid.kind", $"The id token is not valid ({exception.GetType().Name}).", exception.GetType().Name),
        };

    private static bool FixedTimeEquals(string left, string right) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(left), Encoding.UTF8.GetBytes(right));
}
