using System.Collections.Frozen;
using SspPortal.Application.Common;

namespace SspPortal.Application.SetupFlow;

/// <summary>
/// The messages the setup flow's services give back (check names and details, parse and validation messages), each
/// with a stable code and its English wording. The codes are keys of the flow's string catalog: the flow's pages word
/// them in the visitor's language, with <see cref="English"/> as the English reference of those keys.
/// </summary>
public static class FlowMessages
{
    /// <summary>Every code with its English template (placeholders as in <see cref="string.Format(string, object[])"/>).</summary>
    public static FrozenDictionary<string, string> English { get; } = new Dictionary<string, string>
    {
        // Names of the connection-test checks.
        ["check.saml.metadata"] = "Metadata is well-formed SAML IdP metadata",
        ["check.saml.entity"] = "Metadata names the IdP's entity ID",
        ["check.saml.certificate"] = "Signing certificate present",
        ["check.saml.certificate.valid"] = "Signing certificate not expired",
        ["check.saml.signin.https"] = "Sign-in URL uses https",
        ["check.oidc.discovery"] = "Discovery document fetched",
        ["check.oidc.discovery.again"] = "Discovery document still reachable",
        ["check.oidc.endpoints.https"] = "Endpoints use https",
        ["check.oidc.keys"] = "Signing keys fetched",
        ["check.oidc.signin"] = "The identity provider signed the user in",
        ["check.oidc.exchange"] = "Code exchanged for tokens (client id and secret accepted)",
        ["check.oidc.idtoken"] = "An id token was returned",
        ["check.oidc.idtoken.valid"] = "Id token valid (signature, issuer, audience, lifetime, nonce)",
        ["check.oidc.userinfo"] = "Userinfo endpoint answered",
        ["check.oidc.userinfo.subject"] = "Userinfo answered for the same user",
        ["check.attribute"] = "Attribute \"{0}\" received",

        // Details of the checks.
        ["detail.certificate.validity"] = "valid {0} to {1}",
        ["detail.attribute.required"] = "required, not received",
        ["detail.attribute.optional"] = "optional, not received",
        ["detail.oidc.nocode"] = "No authorization code was returned.",
        ["detail.oidc.noidtoken"] = "The token response has no id_token.",
        ["detail.oidc.notdiscovery"] = "The document is not an OpenID Connect discovery document.",
        ["detail.oidc.keycount"] = "{0} key(s)",
        ["detail.oidc.nokeys"] = "No keys.",
        ["detail.oidc.notjson"] = "The answer is not JSON.",
        ["detail.oidc.tokenrefused"] = "The token endpoint refused the request.",
        ["detail.oidc.discoveryfailed"] = "Discovery failed.",

        // Why an id token was refused (the portal's id-token validator, by its error codes).
        ["detail.idtoken.malformed"] = "The id token is not a well-formed JWT.",
        ["detail.idtoken.nosubject"] = "The id token has no 'sub' claim.",
        ["detail.idtoken.azp"] = "The id token has several audiences but its 'azp' is not this client.",
        ["detail.idtoken.nonce"] = "The id token's nonce does not match the sign-in request.",
        ["detail.idtoken.unknownkey"] = "The id token is signed with a key the provider does not publish.",
        ["detail.idtoken.signature"] = "The id token's signature is not valid.",
        ["detail.idtoken.issuer"] = "The id token was not issued by the configured provider.",
        ["detail.idtoken.audience"] = "The id token was issued for another client.",
        ["detail.idtoken.lifetime"] = "The id token is expired or not yet valid.",
        ["detail.idtoken.noexpiry"] = "The id token has no expiry.",
        ["detail.idtoken.invalid"] = "The id token is not valid.",
        ["detail.idtoken.invalid.kind"] = "The id token is not valid ({0}).",

        // SAML metadata and certificates.
        ["saml.metadata.empty"] = "The metadata is empty.",
        ["saml.metadata.toolarge"] = "The metadata is larger than 512 KiB.",
        ["saml.metadata.notxml"] = "The metadata is not well-formed XML (line {0}).",
        ["saml.metadata.notidp"] = "The document is not SAML identity provider metadata (no IDPSSODescriptor).",
        ["saml.metadata.noentity"] = "The metadata has no entityID.",
        ["saml.metadata.nosignin"] = "The metadata has no SingleSignOnService location.",
        ["saml.metadata.nocertificate"] = "The metadata has no signing certificate.",
        ["saml.metadata.unfetched"] = "The metadata could not be fetched: {0}",
        ["saml.certificate.empty"] = "The certificate is empty.",
        ["saml.certificate.noend"] = "The PEM certificate has no END line.",
        ["saml.certificate.notbase64"] = "The certificate is neither PEM nor Base64.",
        ["saml.certificate.unreadable"] = "The certificate could not be read.",
        ["file.toolarge"] = "The file is larger than {0} KiB.",

        // Outbound requests to the visitor's identity provider.
        ["fetch.notabsolute"] = "Enter an absolute https URL.",
        ["fetch.unreachable"] = "This address cannot be reached from here.",
        ["fetch.httpsonly"] = "Only https URLs are allowed.",
        ["fetch.redirect"] = "The server answered with a redirect.",
        ["fetch.toolarge"] = "The response is too large.",
        ["fetch.status"] = "HTTP {0}",
        ["fetch.redirects"] = "Too many redirects.",
        ["fetch.timeout"] = "The server did not answer in time.",
        ["fetch.failed"] = "The server could not be reached.",
        ["fetch.private"] = "The address is not reachable from here (private network).",
        ["fetch.truncated"] = "The server closed the connection before the response was complete.",

        // The configure forms and the flow's steps.
        ["field.discovery.empty"] = "Enter the discovery URL or the issuer.",
        ["field.domain.empty"] = "Enter the domain.",
        ["field.domain.invalid"] = "Enter a domain name such as example.com.",
        ["field.clientid.empty"] = "Enter the client ID.",
        ["field.clientid.toolong"] = "The client ID is longer than 255 characters.",
        ["field.clientsecret.empty"] = "Enter the client secret.",
        ["field.clientsecret.toolong"] = "The client secret is longer than 1024 characters.",
        ["field.signin.empty"] = "Enter the sign-in URL, or give a metadata URL or file.",
        ["field.signin.invalid"] = "Enter an absolute URL.",
        ["flow.strategy.first"] = "Choose an identity provider first.",
        ["flow.strategy.notoffered"] = "This identity provider is not offered here.",
        ["flow.strategy.oidc"] = "Choose an OpenID Connect identity provider first.",
        ["flow.strategy.saml"] = "Choose a SAML identity provider first.",
        ["flow.configure.oidc"] = "Configure an OpenID Connect identity provider first.",
        ["flow.configure.saml"] = "Configure a SAML identity provider first.",
        ["flow.configure.first"] = "Configure the identity provider first.",
        ["flow.connection.taken"] = "A connection with this name already exists.",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The message for <paramref name="code"/> with these values.</summary>
    public static CodedMessage Get(string code, params object[] args) => CodedMessage.Of(code, English[code], args);

    /// <summary>The message for <paramref name="code"/>, whose last placeholder quotes <paramref name="inner"/>.</summary>
    public static CodedMessage Quoting(string code, CodedMessage inner, params object[] args) => CodedMessage.Quoting(code, English[code], inner, args);
}
