using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using SspPortal.Application.Common;
using SspPortal.Application.Profiles;
using SspPortal.Application.SetupFlow;
using SspPortal.Web.SetupFlow.Localization;
using SspPortal.Web.SetupFlow.Pages;
using SspPortal.Web.SetupFlow.Shared;

namespace SspPortal.Web.Tests.SetupFlow;

/// <summary>
/// The flow's steps and the messages its services give back, in the visitor's language: real sessions on the real app,
/// the steps rendered to static HTML, and no English left on a page shown in another language.
/// </summary>
public sealed partial class FlowStepLanguageTests : IAsyncLifetime
{
    // Loopback fetches let a discovery or metadata URL fail fast and offline: nothing listens on port 9.
    private const string Unreachable = "http://127.0.0.1:9";

    private readonly FlowTestApp _app = new(new Dictionary<string, string?> { ["SetupFlow:AllowLoopbackFetches"] = "true" });
    private SelfServiceProfileDto _profile = default!;

    private ITicketFlowService Flow => _app.Get<ITicketFlowService>();

    public async Task InitializeAsync()
    {
        await _app.StartAsync();
        _profile = await _app.CreateProfileAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TestStep_ShowsTheSamlChecksInGerman_WhenCertificateHasExpiredAndSignInIsPlainHttp()
    {
        var token = await OpenWithAsync(Strategies.Samlp);
        var expired = Pem(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));
        AssertOk(await Flow.SaveSamlAsync(token, new SamlSettingsInput(null, null, "http://idp.partner.example/sso", expired)));
        AssertOk(await Flow.TestSamlAsync(token));

        var document = await RenderTestStepAsync(token, "de");

        var checks = Checks(document);
        Assert.Equal(
            [
                ("Signaturzertifikat vorhanden", true, "CN=Partner Signing"),
                ("Signaturzertifikat nicht abgelaufen", false, "gültig von 2020-01-01T00:00:00.000Z bis 2021-01-01T00:00:00.000Z"),
                ("Anmelde-URL verwendet https", false, "http://idp.partner.example/sso"),
            ],
            checks
        );
        Assert.Equal("fehlgeschlagen", document.QuerySelector("[data-testid=test-outcome] span")!.TextContent.Trim());
        AssertNoEnglish(document, "de");
    }

    [Fact]
    public async Task TestStep_ShowsTheSamlChecksInEnglish_WhenLanguageIsEnglish()
    {
        var token = await OpenWithAsync(Strategies.Samlp);
        AssertOk(await Flow.SaveSamlAsync(token, new SamlSettingsInput(null, Metadata(), null, null)));
        AssertOk(await Flow.TestSamlAsync(token));

        var document = await RenderTestStepAsync(token, "en");

        // The e2e tests read these English names; they stay as they were.
        Assert.Equal(
            [
                "Metadata is well-formed SAML IdP metadata",
                "Metadata names the IdP's entity ID",
                "Signing certificate present",
                "Signing certificate not expired",
                "Sign-in URL uses https",
            ],
            Checks(document).Select(c => c.Name)
        );
        Assert.All(Checks(document), c => Assert.True(c.Passed));
    }

    [Fact]
    public async Task TestStep_ShowsTheFailedDiscoveryInJapanese_WhenTheProviderCannotBeReached()
    {
        var token = await OpenWithAsync(Strategies.Oidc);
        AssertOk(await Flow.SaveOidcAsync(token, new OidcSettingsInput(Unreachable, null, "client", "secret")));

        var started = await Flow.BeginOidcTestAsync(token, $"https://{FlowTestApp.TenantDomain}/self-service/test/callback");
        var document = await RenderTestStepAsync(token, "ja");

        var error = Assert.Single(started.Errors);
        Assert.Equal("The server could not be reached.", error.Reason);
        Assert.Equal("サーバーに接続できませんでした。", FlowText.Reason("ja", error));
        Assert.Equal([("ディスカバリー ドキュメントを取得できた", false, "サーバーに接続できませんでした。")], Checks(document));
        AssertNoEnglish(document, "ja");
    }

    [Fact]
    public async Task ConfigureStep_ShowsWhatWasUnderstoodInFrench_WithoutEnglish()
    {
        var token = await OpenWithAsync(Strategies.Samlp);
        AssertOk(await Flow.SaveSamlAsync(token, new SamlSettingsInput(null, Metadata(), null, null)));
        var view = (await Flow.GetAsync(token)).Value;
        await using var renderer = new FlowMarkupRenderer(services => services.AddSingleton(Flow));

        var document = await renderer.RenderAsync<ConfigureStep>(
            new Dictionary<string, object?>
            {
                [nameof(ConfigureStep.View)] = view,
                [nameof(ConfigureStep.SessionToken)] = token,
                [nameof(ConfigureStep.TestCallbackUrl)] = $"https://{FlowTestApp.TenantDomain}/self-service/test/callback",
                [nameof(ConfigureStep.Language)] = "fr",
            }
        );

        Assert.Equal(FlowText.Get("fr", "configure.saml.understood"), document.QuerySelector("[data-testid=saml-understood] strong")!.TextContent);
        Assert.Equal(FlowText.Get("fr", "configure.saml.read"), document.QuerySelector("[data-testid=saml-read]")!.TextContent);
        Assert.NotEqual(FlowText.Get("fr", "configure.saml.understood"), FlowText.Get("fr", "configure.saml.read"));
        Assert.Equal("https://idp.partner.example/saml/metadata", document.QuerySelector("[data-testid=understood-entity]")!.TextContent);
        AssertNoEnglish(document, "fr");
    }

    [Fact]
    public async Task AttributesStep_NamesItsColumnsInSpanish_WhenLanguageIsSpanish()
    {
        var token = await OpenWithAsync(Strategies.Okta);
        var view = (await Flow.GetAsync(token)).Value;
        await using var renderer = new FlowMarkupRenderer();

        var document = await renderer.RenderAsync<AttributesStep>(
            new Dictionary<string, object?> { [nameof(AttributesStep.View)] = view, [nameof(AttributesStep.Language)] = "es" }
        );

        var headers = document.QuerySelectorAll("[data-testid=required-attributes] th[scope=col]").Select(h => h.TextContent).ToList();
        Assert.Equal(["Nombre", "Descripción", FlowText.Get("es", "attributes.suggested")], headers);
        AssertNoEnglish(document, "es");
    }

    [Fact]
    public async Task LanguagePicker_WordsItsButtonWithoutScriptInGerman_WhenPageIsGerman()
    {
        await using var renderer = new FlowMarkupRenderer();

        var document = await renderer.RenderAsync<LanguagePicker>(
            new Dictionary<string, object?> { [nameof(LanguagePicker.Languages)] = FlowLanguages.Supported, [nameof(LanguagePicker.Current)] = "de" }
        );

        Assert.Equal("Übernehmen", document.QuerySelector("noscript")!.TextContent.Trim());
    }

    [Fact]
    public async Task SaveSaml_GivesAParseErrorTheFlowWordsInGerman_WhenMetadataIsNotWellFormed()
    {
        var token = await OpenWithAsync(Strategies.Samlp);

        var saved = await Flow.SaveSamlAsync(token, new SamlSettingsInput(null, "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"", null, null));

        var error = Assert.Single(saved.Errors);
        Assert.Equal("metadata_xml", error.Path);
        Assert.Equal("The metadata is not well-formed XML (line 1).", error.Reason);
        Assert.Equal("saml.metadata.notxml", error.Coded!.Code);
        Assert.Equal("Die Metadaten sind kein wohlgeformtes XML (Zeile 1).", FlowText.Reason("de", error));
    }

    [Fact]
    public async Task SaveSaml_QuotesWhyTheFetchFailedInFrench_WhenMetadataUrlCannotBeReached()
    {
        var token = await OpenWithAsync(Strategies.Samlp);

        var saved = await Flow.SaveSamlAsync(token, new SamlSettingsInput($"{Unreachable}/metadata.xml", null, null, null));

        var error = Assert.Single(saved.Errors);
        Assert.Equal("The metadata could not be fetched: The server could not be reached.", error.Reason);
        Assert.Equal("Les métadonnées n’ont pas pu être récupérées : Le serveur n’a pas pu être joint.", FlowText.Reason("fr", error));
    }

    [Fact]
    public async Task SaveSaml_GivesCertificateAndSignInErrorsInDutch_WhenManualValuesAreWrong()
    {
        var token = await OpenWithAsync(Strategies.Samlp);

        var saved = await Flow.SaveSamlAsync(token, new SamlSettingsInput(null, null, "not a url", "not base64 at all!"));

        Assert.Equal(
            [("sign_in_url", "Voer een absolute URL in."), ("certificate", "Het certificaat is geen PEM en geen Base64.")],
            saved.Errors.Select(e => (e.Path, FlowText.Reason("nl", e)))
        );
    }

    [Fact]
    public async Task SaveOidc_GivesEveryFieldErrorInKorean_WhenValuesAreMissing()
    {
        var token = await OpenWithAsync(Strategies.Oidc);

        var saved = await Flow.SaveOidcAsync(token, new OidcSettingsInput(null, null, null, null));

        Assert.Equal(
            [
                ("discovery_url", "검색(Discovery) URL 또는 발급자를 입력하십시오."),
                ("client_id", "클라이언트 ID를 입력하십시오."),
                ("client_secret", "클라이언트 암호를 입력하십시오."),
            ],
            saved.Errors.Select(e => (e.Path, FlowText.Reason("ko", e)))
        );
        Assert.All(saved.Errors, e => Assert.Equal(FlowText.Reason("en", e), e.Reason));
    }

    [Fact]
    public async Task ChooseStrategy_RefusalReadsInPortuguese_WhenProfileDoesNotOfferTheProvider()
    {
        AssertOk(await _app.Get<ISelfServiceProfileService>().DeleteAsync(_app.Admin, _profile.Id));
        _profile = await _app.CreateProfileAsync(new CreateProfileRequest { Name = "Okta only", AllowedStrategies = [Strategies.Okta] });
        var token = await OpenAsync();

        var chosen = await Flow.ChooseStrategyAsync(token, Strategies.Samlp);

        Assert.Equal("This identity provider is not offered here.", FlowText.Failure("en", chosen));
        Assert.Equal("Este provedor de identidade não é oferecido aqui.", FlowText.Failure("pt-BR", chosen));
    }

    [Fact]
    public async Task Finish_RefusalReadsInSimplifiedChinese_WhenNothingWasConfigured()
    {
        var token = await OpenWithAsync(Strategies.Oidc);

        var finished = await Flow.FinishAsync(token);

        Assert.Equal("请先配置身份提供商。", FlowText.Failure("zh-CN", finished));
    }

    private async Task<IDocument> RenderTestStepAsync(string token, string language)
    {
        var view = (await Flow.GetAsync(token)).Value;
        Assert.NotNull(view.TestReport);
        await using var renderer = new FlowMarkupRenderer();
        return await renderer.RenderAsync<TestStep>(
            new Dictionary<string, object?> { [nameof(TestStep.View)] = view, [nameof(TestStep.Language)] = language }
        );
    }

    private static List<(string Name, bool Passed, string? Detail)> Checks(IDocument document) =>
        [
            .. document
                .QuerySelectorAll("[data-testid=test-checks] li")
                .Select(li =>
                    (
                        li.QuerySelector("[data-testid=check-name]")!.TextContent,
                        li.GetAttribute("data-passed") == "true",
                        li.QuerySelector("[data-testid=check-detail]")?.TextContent.TrimStart(' ', '—')
                    )
                ),
        ];

    /// <summary>
    /// No English string of the flow (one the language words differently) is on the page, as a whole word: not in its text,
    /// nor in labels for assistive technology.
    /// </summary>
    private static void AssertNoEnglish(IDocument document, string language)
    {
        var english = FlowText.Translation(FlowText.DefaultLanguage)!;
        var translation = FlowText.Translation(language)!;
        var labels = document.All.SelectMany(e => new[] { e.GetAttribute("aria-label"), e.GetAttribute("alt"), e.GetAttribute("title") }).OfType<string>();
        var shown = string.Join("\n", [document.Body!.TextContent, .. labels]);

        var leaks = english
            .Where(e => translation[e.Key] != e.Value)
            .Select(e => (e.Key, Text: LongestLiteral(e.Value)))
            .Where(e => e.Text.Length >= 6 && Regex.IsMatch(shown, $@"(?<!\w){Regex.Escape(e.Text)}(?!\w)", RegexOptions.CultureInvariant))
            .Select(e => $"{e.Key}: \"{e.Text}\"");

        Assert.Empty(leaks);
    }

    private static string LongestLiteral(string template) => Placeholder().Split(template).Select(p => p.Trim()).MaxBy(p => p.Length) ?? "";

    private async Task<string> OpenWithAsync(string strategy)
    {
        var token = await OpenAsync();
        AssertOk(await Flow.ChooseStrategyAsync(token, strategy));
        return token;
    }

    private async Task<string> OpenAsync()
    {
        var (secret, _) = await _app.IssueTicketAsync(_profile.Id);
        return (await Flow.OpenAsync(secret)).SessionToken!;
    }

    private static string Pem(DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Partner Signing", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        return certificate.ExportCertificatePem();
    }

    /// <summary>IdP metadata with a certificate valid around the test clock's date.</summary>
    private static string Metadata()
    {
        var pem = Pem(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var base64 = string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)));
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.partner.example/saml/metadata">
              <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                <md:KeyDescriptor use="signing">
                  <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>{base64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
                </md:KeyDescriptor>
                <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.partner.example/saml/sso"/>
              </md:IDPSSODescriptor>
            </md:EntityDescriptor>
            """;
    }

    private static void AssertOk(Result result) =>
        Assert.True(result.IsOk, $"{result.Status} {result.Message} {string.Join("; ", result.Errors.Select(e => $"{e.Path}: {e.Reason}"))}");

    [GeneratedRegex(@"\{\d+\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
