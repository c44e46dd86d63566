using System.Collections.Frozen;

namespace SspPortal.Web.SetupFlow.Localization;

public static partial class FlowText
{
    /// <summary>French (fr): formal address (vous).</summary>
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
