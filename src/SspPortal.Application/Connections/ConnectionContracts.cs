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

/// <summary>Reads the tenant's connections (the setup flow writes them).</summary>
public interface IConnectionService
{
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
