using SspPortal.Application.Common;
using SspPortal.Application.Profiles;

namespace SspPortal.Application.SetupFlow;

/// <summary>The steps of the setup flow, in order.</summary>
public enum FlowStep
{
    GetStarted,
    Choose,
    Configure,
    Attributes,
    Test,
    Finish,
    Done,
}

/// <summary>What opening a ticket URL led to.</summary>
public enum TicketOpenOutcome
{
    /// <summary>A session was started; the ticket's open count went up by one.</summary>
    Opened,

    /// <summary>
    /// The browser already holds an active session of this ticket: it goes on where it was (same step, same draft),
    /// and the open count stays as it is (an open starts a session; a resume starts none).
    /// </summary>
    Resumed,

    /// <summary>No ticket has this id (404).</summary>
    Unknown,

    /// <summary>Expired, exhausted, revoked, completed, or its profile is gone (410).</summary>
    Gone,
}

public sealed record TicketOpenResult(TicketOpenOutcome Outcome, string? SessionToken, DateTime? SessionExpiresAt, string? TenantId)
{
    public static TicketOpenResult Unknown { get; } = new(TicketOpenOutcome.Unknown, null, null, null);

    public static TicketOpenResult Gone { get; } = new(TicketOpenOutcome.Gone, null, null, null);
}

/// <summary>The values the visitor copies into their identity provider.</summary>
public sealed record IdentityProviderValues(string CallbackUrl, string EntityId, string MetadataUrl)
{
    /// <summary>The path, on the tenant's domain, of this service's SAML metadata for one connection.</summary>
    public const string MetadataPath = "/self-service/saml/metadata";

    /// <summary>
    /// The values for a connection of a tenant: the callback (ACS) URL of the tenant's sign-in system (its
    /// <c>LoginCallbackUrl</c>, else <c>https://{domain}/login/callback</c>), its entity id (the tenant's
    /// <c>EntityIdTemplate</c> with <c>{connection}</c> filled in, else <c>urn:sspportal:{tenant}:{connection}</c>),
    /// and where this service publishes the matching SAML metadata (on the tenant's domain, with <paramref name="scheme"/>, the
    /// scheme the app is reached with).
    /// </summary>
    public static IdentityProviderValues For(Tenants.Tenant tenant, string connectionName, string scheme = "https")
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return new(
            tenant.LoginCallbackUrl ?? $"https://{tenant.Domain}/login/callback",
            tenant.EntityIdTemplate?.Replace("{connection}", connectionName, StringComparison.Ordinal)
                ?? $"urn:sspportal:{tenant.Id}:{connectionName}",
            $"{scheme}://{tenant.Domain}{MetadataPath}?connection={Uri.EscapeDataString(connectionName)}"
        );
    }
}

/// <summary>What the flow pages need to render a session.</summary>
public sealed record FlowSessionView(
    string TenantId,
    string ProfileName,
    BrandingDto? Branding,
    IReadOnlyList<UserAttributeDto> UserAttributes,
    IReadOnlyList<string> AllowedStrategies,
    IReadOnlyDictionary<string, string> Introductions,
    string ConnectionName,
    bool EditsExistingConnection,
    IdentityProviderValues IdentityProviderValues,
    FlowStep Step,
    string? Strategy,
    FlowDraftView Draft,
    ConnectionTestReport? TestReport,
    DateTime ExpiresAt
);

/// <summary>The draft as the pages show it: never the client secret, only whether one is stored.</summary>
public sealed record FlowDraftView(
    string? DiscoveryUrl,
    string? Issuer,
    string? Domain,
    string? ClientId,
    bool HasClientSecret,
    string? MetadataUrl,
    bool HasMetadataXml,
    string? EntityId,
    string? SignInUrl,
    string? CertificateSubject,
    DateTime? CertificateNotAfter
);

/// <summary>A cheap look at a session, for the live page's once-a-second check.</summary>
public sealed record FlowSessionPulse(bool Active, DateTime? TestCompletedAt);

/// <summary>The configure step for OIDC-based strategies (<c>oidc</c>, <c>okta</c>, <c>waad</c>, <c>google-apps</c>).</summary>
public sealed record OidcSettingsInput(string? DiscoveryUrlOrIssuer, string? Domain, string? ClientId, string? ClientSecret);

/// <summary>The configure step for SAML-based strategies: a metadata URL, a metadata document, or a sign-in URL with a certificate.</summary>
public sealed record SamlSettingsInput(string? MetadataUrl, string? MetadataXml, string? SignInUrl, string? Certificate);

/// <summary>
/// One check of a connection test: what was checked, whether it passed, and what was found (a value such as the
/// entity id, or why it failed). Name and detail are coded messages, so that the flow shows them in the visitor's language.
/// </summary>
public sealed record ConnectionTestCheck(CodedMessage Name, bool Passed, CodedMessage? Detail);

/// <summary>The outcome of a connection test: every check, and for OIDC the claims received.</summary>
public sealed record ConnectionTestReport(
    bool Passed,
    IReadOnlyList<ConnectionTestCheck> Checks,
    IReadOnlyDictionary<string, string>? Claims,
    DateTime At
);

/// <summary>Where the visitor's browser goes for an OIDC test sign-in.</summary>
public sealed record OidcTestStart(string AuthorizationUrl);

/// <summary>The connection the flow created or updated.</summary>
public sealed record FinishedConnection(string ConnectionId, string Name, string Strategy, bool Created);

/// <summary>
/// The setup flow behind a ticket URL. It has no signed-in actor: the ticket (then the session token it was
/// exchanged for) is the credential, and every call checks that the ticket is still usable.
/// </summary>
public interface ITicketFlowService
{
    /// <summary>
    /// Opens a ticket URL: counts the open and starts a session when the ticket is usable. When
    /// <paramref name="sessionToken"/> (the browser's flow cookie) is an active session of this same ticket, that session
    /// is resumed instead, without counting an open.
    /// </summary>
    Task<TicketOpenResult> OpenAsync(string ticketSecret, string? sessionToken = null, CancellationToken cancellationToken = default);

    /// <summary>The session, when it and its ticket are still usable; NotFound otherwise.</summary>
    Task<Result<FlowSessionView>> GetAsync(string sessionToken, CancellationToken cancellationToken = default);

    /// <summary>Whether the session is still usable, and when its last test finished.</summary>
    Task<FlowSessionPulse> PulseAsync(string sessionToken, CancellationToken cancellationToken = default);

    Task<Result> GoToStepAsync(string sessionToken, FlowStep step, CancellationToken cancellationToken = default);

    Task<Result> ChooseStrategyAsync(string sessionToken, string strategy, CancellationToken cancellationToken = default);

    Task<Result<FlowDraftView>> SaveOidcAsync(string sessionToken, OidcSettingsInput input, CancellationToken cancellationToken = default);

    Task<Result<FlowDraftView>> SaveSamlAsync(string sessionToken, SamlSettingsInput input, CancellationToken cancellationToken = default);

    /// <summary>Validates the SAML settings (metadata well-formed, certificate present and valid, sign-in URL https).</summary>
    Task<Result<ConnectionTestReport>> TestSamlAsync(string sessionToken, CancellationToken cancellationToken = default);

    /// <summary>Starts an OIDC test sign-in; the IdP sends the browser back to <paramref name="callbackUrl"/>.</summary>
    Task<Result<OidcTestStart>> BeginOidcTestAsync(string sessionToken, string callbackUrl, CancellationToken cancellationToken = default);

    /// <summary>Completes an OIDC test sign-in: exchanges the code, validates the id token, records the report.</summary>
    Task<Result<ConnectionTestReport>> CompleteOidcTestAsync(
        string sessionToken,
        string? state,
        string? code,
        string? error,
        CancellationToken cancellationToken = default
    );

    /// <summary>Creates (or updates) the ticket's connection, enables it, completes the ticket and ends the session.</summary>
    Task<Result<FinishedConnection>> FinishAsync(string sessionToken, CancellationToken cancellationToken = default);
}
