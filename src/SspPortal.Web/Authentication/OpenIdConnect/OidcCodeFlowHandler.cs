using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace SspPortal.Web.Authentication.OpenIdConnect;

/// <summary>
/// OpenID Connect authorization-code flow with PKCE on the shared framework's OAuth handler: endpoints come from
/// the provider's discovery document at request time, a nonce travels in the protected state, and the id token is
/// validated (<see cref="OidcIdTokenValidator"/>) before the provider's claims are mapped to the portal's.
/// </summary>
internal sealed class OidcCodeFlowHandler(
    IOptionsMonitor<OAuthOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<OidcSignInOptions> signInOptions,
    OidcProviderMetadata provider
) : OAuthHandler<OAuthOptions>(options, logger, encoder)
{
    /// <summary>The key of the nonce in the protected sign-in state.</summary>
    internal const string NonceKey = ".ssp.nonce";

    /// <summary>The OAuth handler wants endpoints at start-up; the real ones come from discovery per request.</summary>
    internal const string DiscoveredEndpointPlaceholder = "https://discovered-at-request-time.invalid/";

    /// <summary>Stands in for the secret of a public client, which the OAuth options insist on; never sent.</summary>
    internal const string PublicClientSecretPlaceholder = "(public client)";

    private OpenIdConnectConfiguration? _configuration;

    public override async Task<bool> ShouldHandleRequestAsync() =>
        signInOptions.Value.IsConfigured && await base.ShouldHandleRequestAsync();

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        try
        {
            _configuration = await provider.GetConfigurationAsync(Context.RequestAborted);
        }
        catch (InvalidOperationException exception)
        {
            // IdentityModel reports an unreachable or broken discovery document this way.
            AuthenticationLog.DiscoveryFailed(Logger, exception);
            Response.Redirect(Request.PathBase + AccountPaths.SignInFailed);
            return;
        }

        await base.HandleChallengeAsync(properties);
    }

    protected override string BuildChallengeUrl(AuthenticationProperties properties, string redirectUri)
    {
        var configuration = _configuration ?? throw new InvalidOperationException("The provider's configuration is not loaded.");
        var nonce = Base64UrlRandom();
        properties.Items[NonceKey] = nonce;

        // The base class adds PKCE and protects the state after our nonce is in the properties.
        var placeholderUrl = base.BuildChallengeUrl(properties, redirectUri);
        var parameters = QueryHelpers
            .ParseQuery(new Uri(placeholderUrl).Query)
            .ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.Ordinal);
        parameters["nonce"] = nonce;
        return QueryHelpers.AddQueryString(configuration.AuthorizationEndpoint, parameters);
    }

    protected override async Task<OAuthTokenResponse> ExchangeCodeAsync(OAuthCodeExchangeContext context)
    {
        var configuration = await provider.GetConfigurationAsync(Context.RequestAborted);
        var settings = signInOptions.Value;
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = context.Code,
            ["redirect_uri"] = context.RedirectUri,
        };
        if (context.Properties.Items.TryGetValue(OAuthConstants.CodeVerifierKey, out var verifier) && verifier is not null)
        {
            form[OAuthConstants.CodeVerifierKey] = verifier;
            context.Properties.Items.Remove(OAuthConstants.CodeVerifierKey);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var clientId = settings.ClientId!;
        if (string.IsNullOrEmpty(settings.ClientSecret))
        {
            form["client_id"] = clientId;
        }
        else if (settings.ClientAuthentication == OidcClientAuthentication.ClientSecretBasic)
        {
            var credentials = $"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(settings.ClientSecret)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }
        else
        {
            form["client_id"] = clientId;
            form["client_secret"] = settings.ClientSecret;
        }

        request.Content = new FormUrlEncodedContent(form);
        using var response = await Backchannel.SendAsync(request, Context.RequestAborted);
        var body = await response.Content.ReadAsStringAsync(Context.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            var error = TryReadError(body);
            return OAuthTokenResponse.Failed(
                new AuthenticationFailureException(
                    $"The token endpoint answered {(int)response.StatusCode}{(error is null ? string.Empty : $" ({error})")}."
                )
            );
        }

        return OAuthTokenResponse.Success(JsonDocument.Parse(body));
    }

    protected override async Task<AuthenticationTicket> CreateTicketAsync(
        ClaimsIdentity identity,
        AuthenticationProperties properties,
        OAuthTokenResponse tokens
    )
    {
        // Failing here must throw: the OAuth handler ignores Fail() from the creating-ticket event.
        var idToken = tokens.Response?.RootElement.TryGetProperty("id_token", out var value) == true ? value.GetString() : null;
        if (string.IsNullOrEmpty(idToken))
        {
            throw new AuthenticationFailureException("The provider returned no id token.");
        }

        properties.Items.TryGetValue(NonceKey, out var nonce);
        properties.Items.Remove(NonceKey);
        var validation = await provider.Validator.ValidateAsync(
            idToken,
            signInOptions.Value.ClientId!,
            nonce ?? throw new AuthenticationFailureException("The sign-in state carries no nonce."),
            Context.RequestAborted
        );
        if (!validation.IsValid)
        {
            throw new AuthenticationFailureException(validation.Error);
        }

        var claims = validation.Identity!.Claims.ToList();
        var configuration = await provider.GetConfigurationAsync(Context.RequestAborted);
        if (!string.IsNullOrEmpty(configuration.UserInfoEndpoint) && !string.IsNullOrEmpty(tokens.AccessToken))
        {
            var userInfo = await ReadUserInfoAsync(configuration.UserInfoEndpoint, tokens.AccessToken);
            if (userInfo.FirstOrDefault(c => c.Type == "sub")?.Value != validation.Subject)
            {
                throw new AuthenticationFailureException("The provider's userinfo is about another subject than the id token.");
            }

            // The id token's claims win; userinfo fills in what it left out.
            var known = claims.Select(c => c.Type).ToHashSet(StringComparer.Ordinal);
            claims.AddRange(userInfo.Where(c => !known.Contains(c.Type)));
        }

        var mapper = ActivatorUtilities.CreateInstance<OidcClaimMapper>(Context.RequestServices);
        var principal = await mapper.MapAsync(claims, Context.RequestAborted);
        properties.StoreTokens([new AuthenticationToken { Name = "id_token", Value = idToken }]);
        return new AuthenticationTicket(principal, properties, Scheme.Name);
    }

    private async Task<List<Claim>> ReadUserInfoAsync(string endpoint, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await Backchannel.SendAsync(request, Context.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            throw new AuthenticationFailureException($"The userinfo endpoint answered {(int)response.StatusCode}.");
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Context.RequestAborted));
        return ToClaims(document.RootElement);
    }

    /// <summary>A JSON object's members as claims: one claim per array element, strings as they are, the rest as JSON text.</summary>
    internal static List<Claim> ToClaims(JsonElement root)
    {
        var claims = new List<Claim>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            return claims;
        }

        foreach (var member in root.EnumerateObject())
        {
            var values = member.Value.ValueKind == JsonValueKind.Array ? member.Value.EnumerateArray().ToList() : [member.Value];
            foreach (var item in values)
            {
                var text = item.ValueKind switch
                {
                    JsonValueKind.String => item.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    _ => item.GetRawText(),
                };
                if (text is not null)
                {
                    claims.Add(new Claim(member.Name, text));
                }
            }
        }

        return claims;
    }

    private static string? TryReadError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("error", out var error) ? error.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Base64UrlRandom() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
