using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SspPortal.Application.Tests.SetupFlow;

/// <summary>Real-shaped SAML IdP metadata around a self-signed certificate made at test time.</summary>
public static class SamlSamples
{
    public static X509Certificate2 Certificate(string subject = "CN=idp.example.com, O=Example IdP", DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(notBefore ?? DateTimeOffset.UtcNow.AddDays(-1), notAfter ?? DateTimeOffset.UtcNow.AddYears(2));
    }

    public static string Pem(X509Certificate2 certificate) => certificate.ExportCertificatePem();

    public static string Metadata(
        X509Certificate2? certificate,
        string entityId = "https://idp.example.com/saml/metadata",
        string signInUrl = "https://idp.example.com/saml/sso",
        string? keyUse = "signing"
    )
    {
        var key = certificate is null
            ? ""
            : $"""
                <md:KeyDescriptor{(keyUse is null ? "" : $" use=\"{keyUse}\"")}>
                  <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
                    <ds:X509Data>
                      <ds:X509Certificate>{Convert.ToBase64String(certificate.RawData, Base64FormattingOptions.InsertLineBreaks)}</ds:X509Certificate>
                    </ds:X509Data>
                  </ds:KeyInfo>
                </md:KeyDescriptor>
            """;
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="{entityId}">
              <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                {key}
                <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
                <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="{signInUrl}/post"/>
                <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="{signInUrl}"/>
              </md:IDPSSODescriptor>
            </md:EntityDescriptor>
            """;
    }
}
