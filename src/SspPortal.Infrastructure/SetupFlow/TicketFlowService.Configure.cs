using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SspPortal.Application.Common;
using SspPortal.Application.Profiles;
using SspPortal.Application.SetupFlow;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Infrastructure.SetupFlow;

public sealed partial class TicketFlowService
{
    private const int MaxValueLength = 1024;

    public async Task<Result<FlowDraftView>> SaveOidcAsync(string sessionToken, OidcSettingsInput input, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Unscoped();
        var active = await LoadActiveAsync(db, sessionToken, cancellationToken, track: true);
        if (active is null)
        {
            return Ended<FlowDraftView>();
        }

        var session = active.Value.Session;
        if (session.Strategy is null || Strategies.Get(session.Strategy).Protocol != StrategyProtocol.Oidc)
        {
            return Result.Invalid("strategy", FlowMessages.Get("flow.strategy.oidc")).As<FlowDraftView>();
        }

        var draft = ReadDraft(session);
        var errors = new List<FieldError>();
        var (discoveryUrl, issuer, domain) = ResolveDiscovery(session.Strategy, input, errors);
        var clientId = input.ClientId?.Trim();
        if (string.IsNullOrEmpty(clientId))
        {
            errors.Add(new FieldError("client_id", FlowMessages.Get("field.clientid.empty")));
        }
        else if (clientId.Length > 255)
        {
            errors.Add(new FieldError("client_id", FlowMessages.Get("field.clientid.toolong")));
        }

        var secret = input.ClientSecret;
        if (string.IsNullOrEmpty(secret) && draft.ProtectedClientSecret is null)
        {
            errors.Add(new FieldError("client_secret", FlowMessages.Get("field.clientsecret.empty")));
        }
        else if (secret is { Length: > MaxValueLength })
        {
            errors.Add(new FieldError("client_secret", FlowMessages.Get("field.clientsecret.toolong")));
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors).As<FlowDraftView>();
        }

        // The URL is stored, then served to the tenant's sign-in system: its host is checked where it resolves now.
        if (await fetcher.CheckHostAsync(new Uri(discoveryUrl!), cancellationToken) is { } unsafeHost)
        {
            return Result.Invalid(domain is null ? "discovery_url" : "domain", unsafeHost).As<FlowDraftView>();
        }

        draft.DiscoveryUrl = discoveryUrl;
        draft.Issuer = issuer;
        draft.Domain = domain;
        draft.ClientId = clientId;
        if (!string.IsNullOrEmpty(secret))
        {
            draft.ProtectedClientSecret = secrets.ProtectDraft(secret);
        }

        session.DraftJson = JsonSerializer.Serialize(draft, Json);
        session.TestResultJson = null;
        session.TestCompletedAt = null;
        session.Step = nameof(FlowStep.Attributes);
        await db.SaveChangesAsync(cancellationToken);
        return ToView(draft);
    }

    public async Task<Result<FlowDraftView>> SaveSamlAsync(string sessionToken, SamlSettingsInput input, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Unscoped();
        var active = await LoadActiveAsync(db, sessionToken, cancellationToken, track: true);
        if (active is null)
        {
            return Ended<FlowDraftView>();
        }

        var session = active.Value.Session;
        if (session.Strategy is null || Strategies.Get(session.Strategy).Protocol != StrategyProtocol.Saml)
        {
            return Result.Invalid("strategy", FlowMessages.Get("flow.strategy.saml")).As<FlowDraftView>();
        }

        var draft = new FlowDraft();
        SamlIdentityProvider? understood = null;
        if (!string.IsNullOrWhiteSpace(input.MetadataXml))
        {
            understood = SamlMetadataReader.Read(input.MetadataXml);
            if (understood.EntityId is null && understood.SignInUrl is null)
            {
                return Result.Invalid("metadata_xml", understood.Problems[0]).As<FlowDraftView>();
            }

            draft.MetadataXml = input.MetadataXml;
        }
        else if (!string.IsNullOrWhiteSpace(input.MetadataUrl))
        {
            var url = ParseFetchableUrl(input.MetadataUrl, "metadata_url", out var error);
            if (url is null)
            {
                return Result.Invalid([error!]).As<FlowDraftView>();
            }

            // Stored and served on like a discovery URL: every address of its host is checked, not only the one fetched.
            if (await fetcher.CheckHostAsync(url, cancellationToken) is { } unsafeHost)
            {
                return Result.Invalid("metadata_url", unsafeHost).As<FlowDraftView>();
            }

            var fetched = await fetcher.GetAsync(url, cancellationToken);
            if (!fetched.Succeeded)
            {
                return Result.Invalid("metadata_url", FlowMessages.Quoting("saml.metadata.unfetched", fetched.Error ?? FlowMessages.Get("fetch.failed"))).As<FlowDraftView>();
            }

            understood = SamlMetadataReader.Read(fetched.Body);
            if (understood.EntityId is null && understood.SignInUrl is null)
            {
                return Result.Invalid("metadata_url", understood.Problems[0]).As<FlowDraftView>();
            }

            draft.MetadataUrl = url.AbsoluteUri;
            draft.MetadataXml = fetched.Body;
        }
        else
        {
            var errors = new List<FieldError>();
            var signIn = input.SignInUrl?.Trim();
            if (string.IsNullOrEmpty(signIn))
            {
                errors.Add(new FieldError("sign_in_url", FlowMessages.Get("field.signin.empty")));
            }
            else if (!Uri.TryCreate(signIn, UriKind.Absolute, out var signInUri) || (signInUri.Scheme != Uri.UriSchemeHttps && signInUri.Scheme != Uri.UriSchemeHttp) || signIn.Length > MaxValueLength)
            {
                errors.Add(new FieldError("sign_in_url", FlowMessages.Get("field.signin.invalid")));
            }

            var certificate = SamlMetadataReader.ReadCertificate(input.Certificate);
            if (certificate.Summary is null)
            {
                errors.Add(new FieldError("certificate", certificate.Problem!));
            }

            if (errors.Count > 0)
            {
                return Result.Invalid(errors).As<FlowDraftView>();
            }

            understood = new SamlIdentityProvider(null, signIn, [certificate.Summary!], []);
        }

        draft.EntityId = understood.EntityId;
        draft.SignInUrl = understood.SignInUrl;
        var signing = understood.SigningCertificates.OrderByDescending(c => c.NotAfter).FirstOrDefault();
        draft.SigningCertificate = signing?.DerBase64;
        draft.CertificateSubject = signing?.Subject;
        draft.CertificateNotAfter = signing?.NotAfter;
        session.DraftJson = JsonSerializer.Serialize(draft, Json);
        session.TestResultJson = null;
        session.TestCompletedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        return ToView(draft);
    }

    public async Task<Result<ConnectionTestReport>> TestSamlAsync(string sessionToken, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Unscoped();
        var active = await LoadActiveAsync(db, sessionToken, cancellationToken, track: true);
        if (active is null)
        {
            return Ended<ConnectionTestReport>();
        }

        var session = active.Value.Session;
        if (session.Strategy is null || Strategies.Get(session.Strategy).Protocol != StrategyProtocol.Saml || session.DraftJson is null)
        {
            return Result.Invalid("strategy", FlowMessages.Get("flow.configure.saml")).As<ConnectionTestReport>();
        }

        var draft = ReadDraft(session);
        var now = Timestamps.Now(clock);
        var checks = new List<ConnectionTestCheck>();
        if (draft.MetadataXml is not null)
        {
            var parsed = SamlMetadataReader.Read(draft.MetadataXml);
            var wellFormed = parsed.EntityId is not null || parsed.SignInUrl is not null;
            checks.Add(new ConnectionTestCheck(FlowMessages.Get("check.saml.metadata"), wellFormed, wellFormed ? Value(parsed.EntityId) : parsed.Problems.FirstOrDefault()));
            checks.Add(new ConnectionTestCheck(FlowMessages.Get("check.saml.entity"), !string.IsNullOrEmpty(parsed.EntityId), Value(parsed.EntityId)));
        }

        var certificate = draft.SigningCertificate is null ? default : SamlMetadataReader.ReadCertificate(draft.SigningCertificate);
        checks.Add(new ConnectionTestCheck(FlowMessages.Get("check.saml.certificate"), certificate.Summary is not null, Value(certificate.Summary?.Subject)));
        if (certificate.Summary is { } cert)
        {
            checks.Add(
                new ConnectionTestCheck(
                    FlowMessages.Get("check.saml.certificate.valid"),
                    cert.IsValidAt(now),
                    FlowMessages.Get("detail.certificate.validity", Timestamps.Format(cert.NotBefore), Timestamps.Format(cert.NotAfter))
                )
            );
        }

        var https = Uri.TryCreate(draft.SignInUrl, UriKind.Absolute, out var signIn) && signIn.Scheme == Uri.UriSchemeHttps;
        checks.Add(new ConnectionTestCheck(FlowMessages.Get("check.saml.signin.https"), https, Value(draft.SignInUrl)));

        return await RecordReportAsync(db, session, checks, null, now, cancellationToken);
    }

    public async Task<Result<OidcTestStart>> BeginOidcTestAsync(string sessionToken, string callbackUrl, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Unscoped();
        var active = await LoadActiveAsync(db, sessionToken, cancellationToken, track: true);
        if (active is null)
        {
            return Ended<OidcTestStart>();
        }

        var session = active.Value.Session;
        var draft = ReadDraft(session);
        if (session.Strategy is null || Strategies.Get(session.Strategy).Protocol != StrategyProtocol.Oidc || draft.DiscoveryUrl is null || draft.ClientId is null)
        {
            return Result.Invalid("strategy", FlowMessages.Get("flow.configure.oidc")).As<OidcTestStart>();
        }

        var now = Timestamps.Now(clock);
        var (provider, checks) = await oidc.DiscoverAsync(draft.DiscoveryUrl, cancellationToken);
        if (provider is null)
        {
            await RecordReportAsync(db, session, [.. checks], null, now, cancellationToken);
            return Result.Invalid("discovery_url", checks.LastOrDefault(c => !c.Passed)?.Detail ?? FlowMessages.Get("detail.oidc.discoveryfailed")).As<OidcTestStart>();
        }

        var state = new OidcTestState(
            RandomNumberGenerator.GetString(TokenAlphabet, 32),
            RandomNumberGenerator.GetString(TokenAlphabet, 32),
            RandomNumberGenerator.GetString(TokenAlphabet, 64),
            callbackUrl,
            [.. checks]
        );
        session.TestStateJson = JsonSerializer.Serialize(state, Json);
        session.TestResultJson = null;
        session.TestCompletedAt = null;
        await db.SaveChangesAsync(cancellationToken);

        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(state.CodeVerifier)));
        var query = new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = draft.ClientId,
            ["redirect_uri"] = callbackUrl,
            ["scope"] = "openid profile email",
            ["state"] = state.State,
            ["nonce"] = state.Nonce,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["prompt"] = "login",
        };
        var separator = provider.AuthorizationEndpoint.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var url = provider.AuthorizationEndpoint + separator + string.Join('&', query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        return new OidcTestStart(url);
    }

    public async Task<Result<ConnectionTestReport>> CompleteOidcTestAsync(
        string sessionToken,
        string? state,
        string? code,
        string? error,
        CancellationToken cancellationToken = default
    )
    {
        await using var db = contexts.Unscoped();
        var active = await LoadActiveAsync(db, sessionToken, cancellationToken, track: true);
        if (active is null)
        {
            return Ended<ConnectionTestReport>();
        }

        var session = active.Value.Session;
        var pending = ReadTestState(session);
        if (pending is null || state is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(pending.State), Encoding.ASCII.GetBytes(state)))
        {
            return Result.InvalidMessage("This test sign-in was not started here, or it was already used.").As<ConnectionTestReport>();
        }

        session.TestStateJson = null;
        var draft = ReadDraft(session);
        var now = Timestamps.Now(clock);
        var checks = new List<ConnectionTestCheck>(pending.DiscoveryChecks);
        IReadOnlyDictionary<string, string>? claims = null;
        if (error is not null || string.IsNullOrEmpty(code))
        {
            checks.Add(
                new ConnectionTestCheck(
                    FlowMessages.Get("check.oidc.signin"),
                    false,
                    error is null ? FlowMessages.Get("detail.oidc.nocode") : CodedMessage.Plain(error)
                )
            );
        }
        else
        {
            checks.Add(new ConnectionTestCheck(FlowMessages.Get("check.oidc.signin"), true, null));
            var outcome = await oidc.ExchangeAsync(
                new OidcCodeExchange(
                    draft.DiscoveryUrl!,
                    draft.ClientId!,
                    draft.ProtectedClientSecret is null ? string.Empty : secrets.UnprotectDraft(draft.ProtectedClientSecret),
                    code,
                    pending.RedirectUri,
                    pending.CodeVerifier,
                    pending.Nonce
                ),
                cancellationToken
            );
            checks.AddRange(outcome.Checks);
            claims = outcome.Claims;
            if (claims is not null)
            {
                foreach (var attribute in active.Value.Profile.UserAttributes)
                {
                    var received = claims.ContainsKey(attribute.Name)
                        || AttributeSuggestions.For(session.Strategy!, attribute.Name).Any(claims.ContainsKey);
                    checks.Add(
                        new ConnectionTestCheck(
                            FlowMessages.Get("check.attribute", attribute.Name),
                            received || attribute.IsOptional,
                            received ? null : FlowMessages.Get(attribute.IsOptional ? "detail.attribute.optional" : "detail.attribute.required")
                        )
                    );
                }
            }
        }

        return await RecordReportAsync(db, session, checks, claims, now, cancellationToken);
    }

    private async Task<Result<ConnectionTestReport>> RecordReportAsync(
        SspDbContext db,
        FlowSession session,
        List<ConnectionTestCheck> checks,
        IReadOnlyDictionary<string, string>? claims,
        DateTime now,
        CancellationToken cancellationToken
    )
    {
        var report = new ConnectionTestReport(checks.Count > 0 && checks.TrueForAll(c => c.Passed), checks, claims, now);
        session.TestResultJson = JsonSerializer.Serialize(report, Json);
        session.TestCompletedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        Log.TestFinished(logger, session.TenantId, report.Passed);
        return report;
    }

    private (string? DiscoveryUrl, string? Issuer, string? Domain) ResolveDiscovery(string strategy, OidcSettingsInput input, List<FieldError> errors)
    {
        var domain = input.Domain?.Trim().TrimEnd('/');
        if (strategy is Strategies.Oidc || (!string.IsNullOrWhiteSpace(input.DiscoveryUrlOrIssuer) && string.IsNullOrWhiteSpace(domain)))
        {
            var value = input.DiscoveryUrlOrIssuer?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                errors.Add(new FieldError("discovery_url", FlowMessages.Get("field.discovery.empty")));
                return (null, null, null);
            }

            var url = ParseFetchableUrl(value, "discovery_url", out var error);
            if (url is null)
            {
                errors.Add(error!);
                return (null, null, null);
            }

            const string WellKnown = "/.well-known/openid-configuration";
            var text = url.AbsoluteUri;
            return text.EndsWith(WellKnown, StringComparison.Ordinal)
                ? (text, text[..^WellKnown.Length], null)
                : (text.TrimEnd('/') + WellKnown, text.TrimEnd('/'), null);
        }

        if (string.IsNullOrEmpty(domain))
        {
            errors.Add(new FieldError("domain", FlowMessages.Get("field.domain.empty")));
            return (null, null, null);
        }

        if (domain.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            domain = domain["https://".Length..];
        }

        if (domain.Length > 255 || Uri.CheckHostName(domain) is not (UriHostNameType.Dns))
        {
            errors.Add(new FieldError("domain", FlowMessages.Get("field.domain.invalid")));
            return (null, null, null);
        }

        return strategy switch
        {
            Strategies.Waad => ($"https://login.microsoftonline.com/{domain}/v2.0/.well-known/openid-configuration", null, domain),
            Strategies.GoogleApps => ("https://accounts.google.com/.well-known/openid-configuration", "https://accounts.google.com", domain),
            _ => ($"https://{domain}/.well-known/openid-configuration", $"https://{domain}", domain),
        };
    }

    private Uri? ParseFetchableUrl(string value, string path, out FieldError? error)
    {
        error = null;
        if (value.Length > MaxValueLength || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url))
        {
            error = new FieldError(path, FlowMessages.Get("fetch.notabsolute"));
            return null;
        }

        var refusal = fetcher.Refuse(url);
        if (refusal is not null)
        {
            error = new FieldError(path, refusal);
            return null;
        }

        return url;
    }

    /// <summary>A value found (an entity id, a URL, a certificate subject), shown as it is.</summary>
    private static CodedMessage? Value(string? value) => value is null ? null : CodedMessage.Plain(value);

    /// <summary>The pending test sign-in; null when there is none, or when it was written in an older shape.</summary>
    private static OidcTestState? ReadTestState(FlowSession session)
    {
        try
        {
            return session.TestStateJson is null ? null : JsonSerializer.Deserialize<OidcTestState>(session.TestStateJson, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record OidcTestState(string State, string Nonce, string CodeVerifier, string RedirectUri, List<ConnectionTestCheck> DiscoveryChecks);
}
