using System.Text;
using System.Xml;
using SspPortal.Application.SetupFlow;

namespace SspPortal.Web.SetupFlow.Endpoints;

/// <summary>
/// The SAML 2.0 metadata of a connection's service provider (the tenant's sign-in system): its entity id and its
/// assertion consumer service, so that an IdP admin can import one URL instead of copying two values.
/// </summary>
public static class SamlServiceProviderMetadata
{
    public const string ContentType = "application/samlmetadata+xml";
    private const string MetadataNamespace = "urn:oasis:names:tc:SAML:2.0:metadata";

    public static string Write(IdentityProviderValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using (var xml = XmlWriter.Create(builder, settings))
        {
            xml.WriteStartElement("md", "EntityDescriptor", MetadataNamespace);
            xml.WriteAttributeString("entityID", values.EntityId);
            xml.WriteStartElement("md", "SPSSODescriptor", MetadataNamespace);
            xml.WriteAttributeString("AuthnRequestsSigned", "false");
            xml.WriteAttributeString("WantAssertionsSigned", "true");
            xml.WriteAttributeString("protocolSupportEnumeration", "urn:oasis:names:tc:SAML:2.0:protocol");
            xml.WriteElementString("md", "NameIDFormat", MetadataNamespace, "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
            xml.WriteElementString("md", "NameIDFormat", MetadataNamespace, "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent");
            xml.WriteStartElement("md", "AssertionConsumerService", MetadataNamespace);
            xml.WriteAttributeString("Binding", "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
            xml.WriteAttributeString("Location", values.CallbackUrl);
            xml.WriteAttributeString("index", "0");
            xml.WriteAttributeString("isDefault", "true");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return builder.ToString();
    }
}
