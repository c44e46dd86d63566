using SspPortal.Application.Common;

namespace SspPortal.Application.Connections;

/// <summary>
/// A connection as the API and the portal read it. <see cref="OptionsJson"/> is the strategy's options as a JSON
/// object; the client secret is in it only for an actor allowed to read connection secrets.
/// </summary>
public sealed record ConnectionDto(
    string Id,
    string Name,
    string? DisplayName,
    string? Strategy,
    string OptionsJson,
    IReadOnlyList<string> DomainAliases,
    IReadOnlyList<string> EnabledClients,
    string EnabledOrganizationsJson,
    bool IsDomainConnection,
    bool ShowAsButton,
    IReadOnlyDictionary<string, string?> Metadata,
    bool Enabled,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    ConnectionOrigin? CreatedFrom
);

/// <summary>The ticket a connection was created (or reserved) from, without anything secret.</summary>
public sealed record ConnectionOrigin(Guid TicketId, string IssuedBy, DateTime IssuedAt, string ProfileId, string? ProfileName);

/// <summary>
/// GET /connections filters: exact <c>strategy</c> and <c>name</c>, and the contract's paging. Without
/// <paramref name="IncludeReserved"/> only connections a flow has configured (a strategy is set) are listed.
/// </summary>
public sealed record ConnectionQuery(string? Strategy, string? Name, PageRequest Page, bool IncludeReserved = false);

/// <summary>Where a connection stands, as the portal's connection page shows it.</summary>
public enum ConnectionState
{
    /// <summary>Set up by the flow and in use.</summary>
    Enabled,

    /// <summary>Set up by the flow, then disabled by an Admin.</summary>
    Disabled,

    /// <summary>Its name is reserved by a ticket that can still be used; the flow has not finished yet.</summary>
    Reserved,

    /// <summary>Reserved by tickets none of which can be used any more (expired, revoked or used up): an Admin may release it.</summary>
    ReservationUnusable,
}

/// <summary>How the signing certificate of a SAML connection stands at the time of reading.</summary>
public enum CertificateHealth
{
    Valid,

    /// <summary>Expires within <see cref="ConnectionCertificate.WarningDays"/> days.</summary>
    ExpiresSoon,

    Expired,

    /// <summary>The stored certificate could not be read.</summary>
    Unreadable,
}

/// <summary>The stored signing certificate of a SAML connection, parsed.</summary>
public sealed record ConnectionCertificate(string? Subject, DateTime? NotAfter, CertificateHealth Health)
{
    /// <summary>A certificate expiring within this many days gets a warning.</summary>
    public const int WarningDays = 30;
}

/// <summary>The setup flow's last connection test before it saved the connection's settings.</summary>
public sealed record ConnectionTestOutcome(bool Passed, DateTime At);

/// <summary>
/// One connection as its portal page shows it: the stored connection (never its client secret; only whether one is
/// stored), its state, its signing certificate for SAML strategies and the last test's outcome. Reserved connections
/// are included.
/// </summary>
public sealed record ConnectionView(
    ConnectionDto Connection,
    ConnectionState State,
    bool HasClientSecret,
    ConnectionCertificate? Certificate,
    ConnectionTestOutcome? LastTest
);

/// <summary>Reads the tenant's connections (the setup flow writes them) and lets an Admin manage them.</summary>
public interface IConnectionService
{
    /// <summary>Any connection of the tenant, reserved ones included. NotFound for an unknown id or another tenant's.</summary>
    Task<Result<ConnectionView>> GetDetailAsync(Actor actor, string id, CancellationToken cancellationToken = default);

    /// <summary>Disables or enables a connection the flow has set up (<c>update:connections</c>; audited).</summary>
    Task<Result<ConnectionView>> SetEnabledAsync(Actor actor, string id, bool enabled, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a connection the flow has set up (<c>delete:connections</c>; audited). Tickets that could still edit
    /// it are revoked with it. A connection only reserved is released instead (<see cref="ReleaseAsync"/>).
    /// </summary>
    Task<Result> DeleteAsync(Actor actor, string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Frees the name of a connection reserved by tickets none of which can be used any more
    /// (<see cref="ConnectionState.ReservationUnusable"/>; <c>update:connections</c>; audited).
    /// </summary>
    Task<Result> ReleaseAsync(Actor actor, string id, CancellationToken cancellationToken = default);

    Task<Result<PagedList<ConnectionDto>>> ListAsync(Actor actor, ConnectionQuery query, CancellationToken cancellationToken = default);

    Task<Result<ConnectionDto>> GetAsync(Actor actor, string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// The values an identity provider needs for a connection of the tenant, for the public SAML metadata document.
    /// They follow from the tenant and the name alone, so every well-formed name gets them, whether a connection has
    /// it or not: the answer never confirms a name. NotFound for an unknown tenant or a name the contract's pattern refuses.
    /// </summary>
    Task<Result<SetupFlow.IdentityProviderValues>> ServiceProviderValuesAsync(
        string tenantId,
        string connectionName,
        CancellationToken cancellationToken = default
    );
}
