using SspPortal.Application.Common;

namespace SspPortal.Application.Tickets;

/// <summary>POST /self-service-profiles/{id}/sso-ticket (contract section 4). Every field may be missing.</summary>
public sealed record IssueTicketRequest
{
    public string? ConnectionId { get; init; }

    public ConnectionConfigInput? ConnectionConfig { get; init; }

    public IReadOnlyList<string?>? EnabledClients { get; init; }

    public IReadOnlyList<EnabledOrganizationInput?>? EnabledOrganizations { get; init; }

    public int? TtlSec { get; init; }

    public DomainAliasesConfigInput? DomainAliasesConfig { get; init; }

    public ProvisioningConfigInput? ProvisioningConfig { get; init; }

    public bool? UseForOrganizationDiscovery { get; init; }

    public EnabledFeaturesInput? EnabledFeatures { get; init; }
}

public sealed record ConnectionConfigInput
{
    public string? Name { get; init; }

    public string? DisplayName { get; init; }

    public bool? IsDomainConnection { get; init; }

    public bool? ShowAsButton { get; init; }

    public IReadOnlyDictionary<string, string?>? Metadata { get; init; }

    public ConnectionOptionsInput? Options { get; init; }
}

public sealed record ConnectionOptionsInput
{
    /// <summary>An https URL; an explicit null is allowed.</summary>
    public string? IconUrl { get; init; }

    public IReadOnlyList<string?>? DomainAliases { get; init; }

    public IdpInitiatedInput? Idpinitiated { get; init; }
}

public sealed record IdpInitiatedInput
{
    public bool? Enabled { get; init; }

    public string? ClientId { get; init; }

    /// <summary><c>samlp</c>, <c>wsfed</c> or <c>oauth2</c>.</summary>
    public string? ClientProtocol { get; init; }

    public string? ClientAuthorizequery { get; init; }
}

public sealed record EnabledOrganizationInput
{
    public string? OrganizationId { get; init; }

    public bool? AssignMembershipOnLogin { get; init; }

    /// <summary>Defaults to true.</summary>
    public bool? ShowAsButton { get; init; }
}

public sealed record DomainAliasesConfigInput
{
    /// <summary><c>none</c>, <c>optional</c> or <c>required</c>.</summary>
    public string? DomainVerification { get; init; }

    public IReadOnlyList<string?>? PendingDomains { get; init; }
}

public sealed record ProvisioningConfigInput
{
    public IReadOnlyList<string?>? Scopes { get; init; }

    /// <summary>Seconds, at least 900; null means no limit.</summary>
    public int? TokenLifetime { get; init; }

    public GoogleWorkspaceInput? GoogleWorkspace { get; init; }
}

public sealed record GoogleWorkspaceInput
{
    public bool? SyncUsers { get; init; }

    public bool? SyncGroups { get; init; }
}

public sealed record EnabledFeaturesInput
{
    public bool? Sso { get; init; }

    public bool? DomainVerification { get; init; }

    public bool? Provisioning { get; init; }
}

/// <summary>A freshly issued ticket: the URL is shown once and cannot be read back.</summary>
public sealed record IssuedTicket(string Url, Guid TicketId, DateTime ExpiresAt);

/// <summary>A ticket as the portal lists it: never its URL.</summary>
public sealed record TicketSummary(
    Guid Id,
    string ProfileId,
    string ProfileName,
    string IssuedBy,
    DateTime CreatedAt,
    DateTime ExpiresAt,
    DateTime? FirstOpenedAt,
    int OpenCount,
    DateTime? RevokedAt,
    DateTime? CompletedAt,
    string? ConnectionName,
    TicketStatus Status
);

/// <summary>The SSO ticket use cases.</summary>
public interface ISsoTicketService
{
    /// <summary>Issues a ticket; <c>customDomain</c> is the <c>auth0-custom-domain</c> header, when sent.</summary>
    Task<Result<IssuedTicket>> IssueAsync(
        Actor actor,
        string profileId,
        IssueTicketRequest request,
        string? customDomain,
        CancellationToken cancellationToken = default
    );

    /// <summary>Revoke by the secret id from the URL (the API's way). Ok for unknown tickets too.</summary>
    Task<Result> RevokeAsync(Actor actor, string profileId, string ticketSecret, CancellationToken cancellationToken = default);

    /// <summary>Revoke by the internal id (the portal's way).</summary>
    Task<Result> RevokeByIdAsync(Actor actor, Guid ticketId, CancellationToken cancellationToken = default);

    /// <summary>One page of the tenant's tickets (or one profile's), filtered and sorted as asked, with the total.</summary>
    Task<Result<PagedList<TicketSummary>>> ListAsync(Actor actor, TicketQuery query, CancellationToken cancellationToken = default);
}
