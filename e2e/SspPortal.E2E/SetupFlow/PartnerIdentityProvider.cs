using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SspPortal.E2E.SetupFlow;

/// <summary>A partner's SAML identity provider as its admin would describe it: a signing certificate made now, and its metadata.</summary>
public static class PartnerIdentityProvider
{
    public const string EntityId = "https://idp.partner.example/saml/metadata";
    public const string SignInUrl = "https://idp.partner.example/saml/sso";

    /// <summary>A self-signed signing certificate valid from yesterday for a year, as PEM.</summary>
    public static string CertificatePem()
    {
        using var certificate = NewCertificate();
        return certificate.ExportCertificatePem();
    }

    /// <summary>Real-shaped IdP metadata around a certificate made now, written to a temp .xml file.</summary>
    public static string WriteMetadataFile()
    {
        using var certificate = NewCertificate();
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="{EntityId}">
              <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                <md:KeyDescriptor use="signing">
                  <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>{Convert.ToBase64String(certificate.RawData)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
                </md:KeyDescriptor>
                <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="{SignInUrl}"/>
              </md:IDPSSODescriptor>
            </md:EntityDescriptor>
            """;
        var path = Path.Combine(Path.GetTempPath(), $"partner-idp-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, xml);
        return path;
    }

    private static X509Certificate2 NewCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Partner Signing, O=Partner", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }
}
