using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using SspPortal.Application.Common;

namespace SspPortal.Application.SetupFlow;

/// <summary>What was understood from an identity provider's SAML metadata or certificate.</summary>
public sealed record SamlIdentityProvider(
    string? EntityId,
    string? SignInUrl,
    IReadOnlyList<CertificateSummary> SigningCertificates,
    IReadOnlyList<CodedMessage> Problems
);

/// <summary>A certificate as the flow shows it.</summary>
public sealed record CertificateSummary(string Subject, DateTime NotBefore, DateTime NotAfter, string Thumbprint, string DerBase64)
{
    public bool IsValidAt(DateTime now) => now >= NotBefore && now < NotAfter;
}

/// <summary>Reads SAML 2.0 IdP metadata and X.509 certificates. No DTDs, no external resources.</summary>
public static class SamlMetadataReader
{
    public const int MaxMetadataLength = 512 * 1024;

    private static readonly XNamespace Md = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static readonly XNamespace Ds = "http://www.w3.org/2000/09/xmldsig#";
    private const string RedirectBinding = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    private const string PostBinding = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

    /// <summary>Parses metadata; a document that is not well-formed or not IdP metadata comes back with problems.</summary>
    public static SamlIdentityProvider Read(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            return Failed(FlowMessages.Get("saml.metadata.empty"));
        }

        if (xml.Length > MaxMetadataLength)
        {
            return Failed(FlowMessages.Get("saml.metadata.toolarge"));
        }

        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxMetadataLength };
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            return Failed(FlowMessages.Get("saml.metadata.notxml", ex.LineNumber));
        }

        var root = document.Root;
        var entity = root?.Name == Md + "EntityDescriptor"
            ? root
            : root?.Descendants(Md + "EntityDescriptor").FirstOrDefault(e => e.Element(Md + "IDPSSODescriptor") is not null);
        var idp = entity?.Element(Md + "IDPSSODescriptor");
        if (entity is null || idp is null)
        {
            return Failed(FlowMessages.Get("saml.metadata.notidp"));
        }

        var problems = new List<CodedMessage>();
        var entityId = (string?)entity.Attribute("entityID");
        if (string.IsNullOrWhiteSpace(entityId))
        {
            problems.Add(FlowMessages.Get("saml.metadata.noentity"));
        }

        var services = idp.Elements(Md + "SingleSignOnService").ToList();
        var signIn = services.FirstOrDefault(s => (string?)s.Attribute("Binding") == RedirectBinding)
            ?? services.FirstOrDefault(s => (string?)s.Attribute("Binding") == PostBinding)
            ?? services.FirstOrDefault();
        var signInUrl = (string?)signIn?.Attribute("Location");
        if (string.IsNullOrWhiteSpace(signInUrl))
        {
            problems.Add(FlowMessages.Get("saml.metadata.nosignin"));
        }

        var certificates = new List<CertificateSummary>();
        foreach (var key in idp.Elements(Md + "KeyDescriptor"))
        {
            var use = (string?)key.Attribute("use");
            if (use is not null && use != "signing")
            {
                continue;
            }

            foreach (var data in key.Descendants(Ds + "X509Certificate"))
            {
                var certificate = ReadCertificate(data.Value);
                if (certificate.Summary is not null)
                {
                    certificates.Add(certificate.Summary);
                }
                else
                {
                    problems.Add(certificate.Problem!);
                }
            }
        }

        if (certificates.Count == 0)
        {
            problems.Add(FlowMessages.Get("saml.metadata.nocertificate"));
        }

        return new SamlIdentityProvider(entityId, signInUrl, certificates, problems);
    }

    /// <summary>Reads a certificate given as PEM, as Base64 DER, or as the raw bytes of a .cer file.</summary>
    public static (CertificateSummary? Summary, CodedMessage? Problem) ReadCertificate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, FlowMessages.Get("saml.certificate.empty"));
        }

        var trimmed = text.Trim();
        byte[] der;
        if (trimmed.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            var start = trimmed.IndexOf("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal) + "-----BEGIN CERTIFICATE-----".Length;
            var end = trimmed.IndexOf("-----END CERTIFICATE-----", start, StringComparison.Ordinal);
            if (end < 0)
            {
                return (null, FlowMessages.Get("saml.certificate.noend"));
            }

            trimmed = trimmed[start..end];
        }

        var base64 = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed.Where(c => !char.IsWhiteSpace(c)))
        {
            base64.Append(c);
        }

        try
        {
            der = Convert.FromBase64String(base64.ToString());
        }
        catch (FormatException)
        {
            return (null, FlowMessages.Get("saml.certificate.notbase64"));
        }

        return ReadCertificate(der);
    }

    public static (CertificateSummary? Summary, CodedMessage? Problem) ReadCertificate(byte[] der)
    {
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(der);
            return (
                new CertificateSummary(
                    certificate.Subject,
                    certificate.NotBefore.ToUniversalTime(),
                    certificate.NotAfter.ToUniversalTime(),
                    certificate.GetCertHashString(HashAlgorithmName.SHA256),
                    Convert.ToBase64String(certificate.RawData)
                ),
                null
            );
        }
        catch (CryptographicException)
        {
            return (null, FlowMessages.Get("saml.certificate.unreadable"));
        }
    }

    /// <summary>A certificate file's bytes: PEM text or DER.</summary>
    public static (CertificateSummary? Summary, CodedMessage? Problem) ReadCertificateFile(byte[] content)
    {
        var text = Encoding.ASCII.GetString(content);
        return text.Contains("-----BEGIN", StringComparison.Ordinal) ? ReadCertificate(text) : ReadCertificate(content);
    }

    private static SamlIdentityProvider Failed(CodedMessage problem) => new(null, null, [], [problem]);
}
