using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace SspPortal.Web.Authentication.OpenIdConnect;

/// <summary>The configured provider's discovery document and the id-token validator for it (one per application).</summary>
internal sealed class OidcProviderMetadata(IOptions<OidcSignInOptions> options, IHttpClientFactory httpClients, TimeProvider timeProvider)
{
    public const string HttpClientName = "SspPortal.Oidc";

    private readonly Lazy<OidcIdTokenValidator> _validator = new(() =>
        OidcIdTokenValidator.ForAuthority(
            options.Value.Authority ?? throw new InvalidOperationException($"{OidcSignInOptions.SectionName}:Authority is not set."),
            httpClients.CreateClient(HttpClientName),
            timeProvider
        )
    );

    public OidcIdTokenValidator Validator => _validator.Value;

    public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancellationToken) =>
        Validator.GetConfigurationAsync(cancellationToken);
}
