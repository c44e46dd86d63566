using System.Collections.Frozen;
using System.Globalization;
using SspPortal.Application.CustomTexts;

namespace SspPortal.Web.SetupFlow.Localization;

/// <summary>
/// The setup flow's own interface strings, per language. English is complete; other languages fall back to
/// English key by key. Placeholders use <see cref="string.Format(IFormatProvider, string, object[])"/> syntax.
/// </summary>
public static class FlowText
{
    public const string DefaultLanguage = "en";

    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Catalog = new Dictionary<
        string,
        FrozenDictionary<string, string>
    >(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = English(),
        ["de"] = German(),
        ["fr"] = French(),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The languages the flow's own strings are translated into.</summary>
    public static IReadOnlyCollection<string> TranslatedLanguages => Catalog.Keys;

    public static string Get(string? language, string key)
    {
        if (language is not null && Catalog.TryGetValue(language, out var strings) && strings.TryGetValue(key, out var text))
        {
            return text;
        }

        if (language is not null && language.Contains('-', StringComparison.Ordinal))
        {
            return Get(language[..language.IndexOf('-', StringComparison.Ordinal)], key);
        }

        return Catalog[DefaultLanguage].TryGetValue(key, out var english) ? english : key;
    }

    public static string Format(string? language, string key, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, Get(language, key), args);

    /// <summary>The language's own name, for the picker.</summary>
    public static string LanguageName(string language) =>
        CustomTextCatalog.Languages.FirstOrDefault(l => string.Equals(l.Tag, language, StringComparison.OrdinalIgnoreCase))?.NativeName ?? language;

    private static FrozenDictionary<string, string> English() =>
        new Dictionary<string, string>
        {
            ["flow.title"] = "Set up single sign-on",
            ["flow.language"] = "Language",
            ["flow.logo.alt"] = "{0} logo",
            ["flow.step"] = "Step {0} of {1}",
            ["flow.back"] = "Back",
            ["flow.next"] = "Continue",
            ["flow.copy"] = "Copy",
            ["flow.copied"] = "Copied",
            ["flow.optional"] = "optional",
            ["flow.required"] = "required",
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
            ["configure.saml.entity"] = "Entity ID",
            ["configure.saml.certsubject"] = "Certificate subject",
            ["configure.saml.certexpiry"] = "Certificate expires",
            ["configure.save"] = "Save and continue",
            ["configure.saml.read"] = "Check these values",
            ["attributes.intro"] = "Your identity provider should send these user attributes.",
            ["attributes.required"] = "Required attributes",
            ["attributes.optional"] = "Optional attributes",
            ["attributes.none"] = "None.",
            ["attributes.suggested"] = "Suggested claim",
            ["test.intro.oidc"] = "Sign in once through your identity provider to check that everything works.",
            ["test.intro.saml"] = "We check the metadata you gave us.",
            ["test.run"] = "Run the test",
            ["test.signin"] = "Sign in with your identity provider",
            ["test.waiting"] = "Waiting for the sign-in in the other window…",
            ["test.passed"] = "passed",
            ["test.failed"] = "failed",
            ["test.claims"] = "Claims received",
            ["test.attribute.missing"] = "not received",
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
        }.ToFrozenDictionary();

    private static FrozenDictionary<string, string> German() =>
        new Dictionary<string, string>
        {
            ["flow.title"] = "Single Sign-On einrichten",
            ["flow.language"] = "Sprache",
            ["flow.logo.alt"] = "Logo von {0}",
            ["flow.step"] = "Schritt {0} von {1}",
            ["flow.back"] = "Zurück",
            ["flow.next"] = "Weiter",
            ["flow.copy"] = "Kopieren",
            ["flow.copied"] = "Kopiert",
            ["flow.optional"] = "optional",
            ["flow.required"] = "erforderlich",
            ["step.start"] = "Los geht's",
            ["step.choose"] = "Identitätsanbieter wählen",
            ["step.configure"] = "Konfigurieren",
            ["step.attributes"] = "Attribute",
            ["step.test"] = "Verbindung testen",
            ["step.finish"] = "Abschließen",
            ["start.button"] = "Starten",
            ["start.heading"] = "Single Sign-On für {0} einrichten",
            ["choose.intro"] = "Wählen Sie den Identitätsanbieter Ihrer Organisation.",
            ["configure.copy.heading"] = "Übernehmen Sie diese Werte in Ihren Identitätsanbieter",
            ["configure.paste.heading"] = "Fügen Sie diese Werte aus Ihrem Identitätsanbieter ein",
            ["configure.callback"] = "Callback-URL",
            ["configure.acs"] = "Assertion-Consumer-Service-URL (ACS)",
            ["configure.entity"] = "Entitäts-ID (Audience)",
            ["configure.metadata"] = "Metadaten-URL dieses Dienstes",
            ["configure.testcallback"] = "Test-Callback-URL (als zweite Redirect-URI eintragen)",
            ["configure.discovery"] = "Discovery-URL oder Issuer",
            ["configure.domain"] = "Domäne",
            ["configure.clientid"] = "Client-ID",
            ["configure.clientsecret"] = "Client-Geheimnis",
            ["configure.clientsecret.stored"] = "Ein Client-Geheimnis ist gespeichert. Leer lassen, um es zu behalten.",
            ["configure.saml.metadataurl"] = "Metadaten-URL",
            ["configure.saml.metadatafile"] = "…oder die Metadaten-XML-Datei hochladen",
            ["configure.saml.manual"] = "…oder Anmelde-URL und Signaturzertifikat eingeben",
            ["configure.saml.signin"] = "Anmelde-URL",
            ["configure.saml.cert"] = "Signaturzertifikat (PEM oder CER)",
            ["configure.saml.understood"] = "Was wir erkannt haben",
            ["configure.saml.entity"] = "Entitäts-ID",
            ["configure.saml.certsubject"] = "Zertifikatsinhaber",
            ["configure.saml.certexpiry"] = "Zertifikat läuft ab",
            ["configure.save"] = "Speichern und weiter",
            ["configure.saml.read"] = "Angaben prüfen",
            ["attributes.intro"] = "Ihr Identitätsanbieter sollte diese Benutzerattribute senden.",
            ["attributes.required"] = "Erforderliche Attribute",
            ["attributes.optional"] = "Optionale Attribute",
            ["attributes.none"] = "Keine.",
            ["attributes.suggested"] = "Vorgeschlagener Claim",
            ["test.intro.oidc"] = "Melden Sie sich einmal über Ihren Identitätsanbieter an, um alles zu prüfen.",
            ["test.intro.saml"] = "Wir prüfen die angegebenen Metadaten.",
            ["test.run"] = "Test ausführen",
            ["test.signin"] = "Mit Ihrem Identitätsanbieter anmelden",
            ["test.waiting"] = "Warte auf die Anmeldung im anderen Fenster…",
            ["test.passed"] = "bestanden",
            ["test.failed"] = "fehlgeschlagen",
            ["test.claims"] = "Empfangene Claims",
            ["test.attribute.missing"] = "nicht empfangen",
            ["test.skip"] = "Ohne Test fortfahren",
            ["finish.intro"] = "Verbindung anlegen. Sie wird aktiviert, sobald Sie abschließen.",
            ["finish.button"] = "Abschließen",
            ["done.title"] = "Geschafft",
            ["done.body"] = "Vielen Dank. Die Verbindung ist gespeichert und aktiviert. Sie können dieses Fenster schließen.",
            ["invalid.title"] = "Dieser Link kann nicht mehr verwendet werden",
            ["invalid.body"] =
                "Der geöffnete Einrichtungslink ist abgelaufen oder nicht mehr gültig. Bitten Sie die Person, die ihn Ihnen geschickt hat, um einen neuen Link.",
            ["ratelimited.title"] = "Zu viele Anfragen",
            ["ratelimited.body"] = "Bitte warten Sie einen Moment und versuchen Sie es erneut.",
            ["test.title"] = "Test-Anmeldung abgeschlossen",
            ["test.close"] = "Die Test-Anmeldung ist abgeschlossen. Sie können dieses Fenster schließen und zur Einrichtung zurückkehren.",
        }.ToFrozenDictionary();

    private static FrozenDictionary<string, string> French() =>
        new Dictionary<string, string>
        {
            ["flow.title"] = "Configurer l’authentification unique",
            ["flow.language"] = "Langue",
            ["flow.logo.alt"] = "Logo de {0}",
            ["flow.step"] = "Étape {0} sur {1}",
            ["flow.back"] = "Retour",
            ["flow.next"] = "Continuer",
            ["flow.copy"] = "Copier",
            ["flow.copied"] = "Copié",
            ["flow.optional"] = "facultatif",
            ["flow.required"] = "obligatoire",
            ["step.start"] = "Commencer",
            ["step.choose"] = "Choisir votre fournisseur d’identité",
            ["step.configure"] = "Configurer",
            ["step.attributes"] = "Attributs",
            ["step.test"] = "Tester la connexion",
            ["step.finish"] = "Terminer",
            ["start.button"] = "Démarrer",
            ["start.heading"] = "Configurer l’authentification unique pour {0}",
            ["choose.intro"] = "Choisissez le fournisseur d’identité de votre organisation.",
            ["configure.copy.heading"] = "Copiez ces valeurs dans votre fournisseur d’identité",
            ["configure.paste.heading"] = "Collez ces valeurs depuis votre fournisseur d’identité",
            ["configure.callback"] = "URL de rappel",
            ["configure.clientid"] = "ID client",
            ["configure.clientsecret"] = "Secret client",
            ["configure.save"] = "Enregistrer et continuer",
            ["configure.saml.read"] = "Vérifier ces valeurs",
            ["attributes.required"] = "Attributs obligatoires",
            ["attributes.optional"] = "Attributs facultatifs",
            ["test.run"] = "Lancer le test",
            ["test.passed"] = "réussi",
            ["test.failed"] = "échoué",
            ["finish.button"] = "Terminer",
            ["done.title"] = "C’est fait",
            ["done.body"] = "Merci. La connexion est enregistrée et activée. Vous pouvez fermer cette fenêtre.",
            ["invalid.title"] = "Ce lien ne peut plus être utilisé",
            ["invalid.body"] =
                "Le lien de configuration que vous avez ouvert a expiré ou n’est plus valide. Demandez un nouveau lien à la personne qui vous l’a envoyé.",
            ["ratelimited.title"] = "Trop de requêtes",
            ["ratelimited.body"] = "Veuillez patienter un instant puis réessayer.",
        }.ToFrozenDictionary();
}
