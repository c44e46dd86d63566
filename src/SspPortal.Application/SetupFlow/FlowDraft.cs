namespace SspPortal.Application.SetupFlow;

/// <summary>What the visitor entered in the configure step, kept between requests.</summary>
public sealed class FlowDraft
{
    // OIDC-based strategies.
    public string? DiscoveryUrl { get; set; }

    public string? Issuer { get; set; }

    public string? Domain { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The client secret, protected with Data Protection. Never shown again.</summary>
    public string? ProtectedClientSecret { get; set; }

    // SAML-based strategies.
    public string? MetadataUrl { get; set; }

    public string? MetadataXml { get; set; }

    public string? EntityId { get; set; }

    public string? SignInUrl { get; set; }

    /// <summary>The IdP's signing certificate, DER as Base64.</summary>
    public string? SigningCertificate { get; set; }

    public string? CertificateSubject { get; set; }

    public DateTime? CertificateNotAfter { get; set; }
}
