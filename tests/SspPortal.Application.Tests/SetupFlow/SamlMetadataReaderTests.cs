using SspPortal.Application.SetupFlow;

namespace SspPortal.Application.Tests.SetupFlow;

public sealed class SamlMetadataReaderTests
{
    [Fact]
    public void Read_ReturnsEntitySignInUrlAndCertificate_WhenMetadataIsComplete()
    {
        using var certificate = SamlSamples.Certificate();

        var idp = SamlMetadataReader.Read(SamlSamples.Metadata(certificate));

        Assert.Empty(idp.Problems);
        Assert.Equal("https://idp.example.com/saml/metadata", idp.EntityId);
        Assert.Equal("https://idp.example.com/saml/sso", idp.SignInUrl);
        var signing = Assert.Single(idp.SigningCertificates);
        Assert.Equal(certificate.Subject, signing.Subject);
        Assert.Equal(certificate.NotAfter.ToUniversalTime(), signing.NotAfter);
        Assert.Equal(Convert.ToBase64String(certificate.RawData), signing.DerBase64);
    }

    [Fact]
    public void Read_AcceptsAKeyWithoutUse_WhenOnlyOneKeyIsPublished()
    {
        using var certificate = SamlSamples.Certificate();

        var idp = SamlMetadataReader.Read(SamlSamples.Metadata(certificate, keyUse: null));

        Assert.Single(idp.SigningCertificates);
    }

    [Fact]
    public void Read_IgnoresEncryptionKeys_WhenLookingForTheSigningCertificate()
    {
        using var certificate = SamlSamples.Certificate();

        var idp = SamlMetadataReader.Read(SamlSamples.Metadata(certificate, keyUse: "encryption"));

        Assert.Empty(idp.SigningCertificates);
        Assert.Contains("The metadata has no signing certificate.", idp.Problems.Select(p => p.English));
    }

    [Fact]
    public void Read_ReportsAMissingCertificate_WhenMetadataHasNone()
    {
        var idp = SamlMetadataReader.Read(SamlSamples.Metadata(null));

        Assert.Equal("https://idp.example.com/saml/metadata", idp.EntityId);
        Assert.Contains("The metadata has no signing certificate.", idp.Problems.Select(p => p.English));
    }

    [Theory]
    [InlineData("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"", "not well-formed")]
    [InlineData("<html><body>Sign in</body></html>", "not SAML identity provider metadata")]
    [InlineData("", "empty")]
    public void Read_ReportsWhatIsWrong_WhenDocumentIsNotMetadata(string xml, string problem)
    {
        var idp = SamlMetadataReader.Read(xml);

        Assert.Null(idp.EntityId);
        Assert.Contains(idp.Problems, p => p.English.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_GivesTheProblemAsACodeWithItsValues_WhenXmlIsNotWellFormed()
    {
        var idp = SamlMetadataReader.Read("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"");

        var problem = Assert.Single(idp.Problems);
        Assert.Equal("saml.metadata.notxml", problem.Code);
        Assert.Equal(["1"], problem.Args);
        Assert.Equal("The metadata is not well-formed XML (line 1).", problem.English);
    }

    [Fact]
    public void Read_RefusesADocumentType_WhenMetadataDeclaresEntities()
    {
        const string Xml = """
            <?xml version="1.0"?>
            <!DOCTYPE md [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="&x;"/>
            """;

        var idp = SamlMetadataReader.Read(Xml);

        Assert.Null(idp.EntityId);
        Assert.Contains(idp.Problems, p => p.English.Contains("not well-formed", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadCertificate_ReadsSubjectAndExpiry_WhenGivenPem()
    {
        var notAfter = new DateTimeOffset(2031, 5, 4, 3, 2, 1, TimeSpan.Zero);
        using var certificate = SamlSamples.Certificate("CN=Contoso Signing", notAfter: notAfter);

        var (summary, problem) = SamlMetadataReader.ReadCertificate(SamlSamples.Pem(certificate));

        Assert.Null(problem);
        Assert.Equal("CN=Contoso Signing", summary!.Subject);
        Assert.Equal(notAfter.UtcDateTime, summary.NotAfter);
    }

    [Fact]
    public void ReadCertificateFile_ReadsDer_WhenGivenACerFile()
    {
        using var certificate = SamlSamples.Certificate("CN=Der File");

        var (summary, _) = SamlMetadataReader.ReadCertificateFile(certificate.RawData);
        var (fromPem, _) = SamlMetadataReader.ReadCertificateFile(System.Text.Encoding.ASCII.GetBytes(SamlSamples.Pem(certificate)));

        Assert.Equal("CN=Der File", summary!.Subject);
        Assert.Equal(summary.Thumbprint, fromPem!.Thumbprint);
    }

    [Theory]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n", "no END line")]
    [InlineData("not base64 at all!", "neither PEM nor Base64")]
    [InlineData("QUJDRA==", "could not be read")]
    [InlineData("  ", "empty")]
    public void ReadCertificate_SaysWhy_WhenTextIsNotACertificate(string text, string problem)
    {
        var (summary, reason) = SamlMetadataReader.ReadCertificate(text);

        Assert.Null(summary);
        Assert.Contains(problem, reason!.English, StringComparison.Ordinal);
    }

    [Fact]
    public void IsValidAt_IsFalse_WhenCertificateHasExpired()
    {
        using var certificate = SamlSamples.Certificate(notBefore: DateTimeOffset.UtcNow.AddYears(-2), notAfter: DateTimeOffset.UtcNow.AddDays(-1));

        var (summary, _) = SamlMetadataReader.ReadCertificate(SamlSamples.Pem(certificate));

        Assert.False(summary!.IsValidAt(DateTime.UtcNow));
        Assert.True(summary.IsValidAt(DateTime.UtcNow.AddDays(-2)));
    }
}
