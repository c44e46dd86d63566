using System.Collections.Frozen;
using SspPortal.Application.SetupFlow;

namespace SspPortal.Web.SetupFlow.Localization;

public static partial class FlowText
{
    /// <summary>
    /// English (en): the reference. Every other language has exactly these keys and placeholders. The keys of the
    /// services' messages (check names and details, parse and validation messages) are added from
    /// <see cref="FlowMessages.English"/>, where the services word them.
    /// </summary>
    private static FrozenDictionary<string, string> English() =>
        PageText().Concat(FlowMessages.English).ToDictionary().ToFrozenDictionary();

    private static Dictionary<string, string> PageText() =>
        new()
        {
            ["flow.title"] = "Set up single sign-on",
            ["flow.language"] = "Language",
            ["flow.language.apply"] = "OK",
            ["flow.logo.alt"] = "{0} logo",
            ["flow.step"] = "Step {0} of {1}",
            ["flow.back"] = "Back",
            ["flow.next"] = "Continue",
            ["flow.copy"] = "Copy",
            ["flow.copied"] = "Copied",
            ["flow.copy.manual"] = "Selected: press Ctrl+C (⌘C on a Mac) to copy.",
            ["step.start"] = "Get started",
            ["step.choose"] = "Choose your identity provider",
            ["step.configure"] = "Configure",
            ["step.attributes"] = "Attributes",
            ["step.test"] = "Test connection",
            ["step.finish"] = "Finish",
            ["start.button"] = "Start",
            ["start.heading"] = "Set up single sign-on for {0}",
            ["choose.intro"] = "Pick the identity provider your organisation uses.",
            ["protocol.oidc"] = "OpenID Connect",
            ["protocol.saml"] = "SAML",
            ["configure.copy.heading"] = "Copy these values to your identity provider",
            ["configure.paste.heading"] = "Paste these values from your identity provider",
            ["configure.callback"] = "Callback URL",
            ["configure.acs"] = "Assertion Consumer Service (ACS) URL",
            ["configure.entity"] = "Entity ID (audience)",
            ["configure.metadata"] = "Metadata URL of this service",
            ["configure.testcallback"] = "Test callback URL (add it as a second redirect URI)",
            ["configure.discovery"] = "Discovery URL or issuer",
            ["configure.domain"] = "Domain",
            ["configure.clientid"] = "Client ID",
            ["configure.clientsecret"] = "Client secret",
            ["configure.clientsecret.stored"] = "A client secret is stored. Leave empty to keep it.",
            ["configure.saml.metadataurl"] = "Metadata URL",
            ["configure.saml.metadatafile"] = "…or upload the metadata XML file",
            ["configure.saml.manual"] = "…or enter the sign-in URL and signing certificate",
            ["configure.saml.signin"] = "Sign-in URL",
            ["configure.saml.cert"] = "Signing certificate (PEM or CER)",
            ["configure.saml.understood"] = "What we understood",
            ["configure.saml.read"] = "Read these settings",
            ["configure.saml.entity"] = "Entity ID",
            ["configure.saml.certsubject"] = "Certificate subject",
            ["configure.saml.certexpiry"] = "Certificate expires",
            ["configure.save"] = "Save and continue",
            ["attributes.intro"] = "Your identity provider should send these user attributes.",
            ["attributes.required"] = "Required attributes",
            ["attributes.optional"] = "Optional attributes",
            ["attributes.none"] = "None.",
            ["attributes.name"] = "Name",
            ["attributes.description"] = "Description",
            ["attributes.suggested"] = "Suggested claim",
            ["test.intro.oidc"] = "Sign in once through your identity provider to check that everything works.",
            ["test.intro.saml"] = "We check the metadata you gave us.",
            ["test.run"] = "Run the test",
            ["test.signin"] = "Sign in with your identity provider",
            ["test.waiting"] = "Waiting for the sign-in in the other window…",
            ["test.passed"] = "passed",
            ["test.failed"] = "failed",
            ["test.claims"] = "Claims received",
            ["test.skip"] = "Continue without testing",
            ["finish.intro"] = "Create the connection. It is enabled as soon as you finish.",
            ["finish.button"] = "Finish",
            ["done.title"] = "All set",
            ["done.body"] = "Thank you. The connection is saved and enabled. You can close this window.",
            ["invalid.title"] = "This link can no longer be used",
            ["invalid.body"] =
                "The setup link you opened has expired or is no longer valid. Please ask the person who sent it to you for a new link.",
            ["ratelimited.title"] = "Too many requests",
            ["ratelimited.body"] = "Please wait a moment and try again.",
            ["test.title"] = "Test sign-in complete",
            ["test.close"] = "The test sign-in is complete. You can close this window and return to the setup.",
        };
}
