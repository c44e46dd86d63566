using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SspPortal.Application.Common;
using SspPortal.Application.Connections;
using SspPortal.Application.Profiles;
using SspPortal.Application.SetupFlow;
using SspPortal.Application.Tickets;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Infrastructure.SetupFlow;

/// <summary>Reads connections for the API and the portal. Client secrets leave only for <c>read:connection_secrets</c>.</summary>
public sealed class ConnectionService(SspDbContextFactory contexts, FlowSecrets secrets) : IConnectionService
{
    public async Task<Result<PagedList<ConnectionDto>>> ListAsync(Actor actor, ConnectionQuery query, CancellationToken cancellationToken = default)
    {
        if (!actor.Can(Scopes.ReadConnections))
        {
            return Result.Forbidden(Scopes.Insufficient(Scopes.ReadConnections)).As<PagedList<ConnectionDto>>();
        }

        if (query.Strategy is not null && !Strategies.IsKnown(query.Strategy))
        {
            return Result.Invalid("strategy", "Unknown strategy.", ErrorCodes.InvalidQueryString).As<PagedList<ConnectionDto>>();
        }

        await using var db = contexts.ForTenant(actor.TenantId);
        var connections = db.Connections.AsNoTracking();
        if (!query.IncludeReserved)
        {
            connections = connections.Where(c => c.Strategy != null);
        }

        if (query.Strategy is not null)
        {
            connections = connections.Where(c => c.Strategy == query.Strategy);
        }

        if (query.Name is not null)
        {
            connections = connections.Where(c => c.Name == query.Name);
        }

        int? total = query.Page.IncludeTotals ? await connections.CountAsync(cancellationToken) : null;
        var page = await connections
            .OrderBy(c => c.CreatedAt)
            .ThenBy(c => c.Id)
            .Skip(query.Page.Skip)
            .Take(query.Page.PerPage)
            .ToListAsync(cancellationToken);
        var origins = await OriginsAsync(db, page, cancellationToken);
        var items = page.Select(c => ToDto(c, origins, actor.Can(Scopes.ReadConnectionSecrets))).ToList();
        return new PagedList<ConnectionDto>(items, query.Page.Skip, query.Page.PerPage, total);
    }

    public async Task<Result<ConnectionDto>> GetAsync(Actor actor, string id, CancellationToken cancellationToken = default)
    {
        if (!actor.Can(Scopes.ReadConnections))
        {
            return Result.Forbidden(Scopes.Insufficient(Scopes.ReadConnections)).As<ConnectionDto>();
        }

        if (!Ids.IsConnectionId(id))
        {
            return Result.Invalid("id", "Invalid connection id.", ErrorCodes.InvalidUri).As<ConnectionDto>();
        }

        await using var db = contexts.ForTenant(actor.TenantId);
        // A connection only reserved by a ticket (no strategy until its flow finishes) is not there yet, as in the list.
        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Strategy != null, cancellationToken);
        if (connection is null)
        {
            return Result.NotFound($"Connection with ID: {id} not found").As<ConnectionDto>();
        }

        var origins = await OriginsAsync(db, [connection], cancellationToken);
        return ToDto(connection, origins, actor.Can(Scopes.ReadConnectionSecrets));
    }

    public async Task<Result<IdentityProviderValues>> ServiceProviderValuesAsync(
        string tenantId,
        string connectionName,
        CancellationToken cancellationToken = default
    )
    {
        if (connectionName.Length > TicketRequestRules.ConnectionNameMaxLength || !TicketRequestRules.ConnectionName().IsMatch(connectionName))
        {
            return Result.NotFound("No such connection.").As<IdentityProviderValues>();
        }

        // No look-up of the name: the values follow from the tenant and the name alone, and answering alike for every
        // well-formed name is what keeps this public document from telling which connections exist.
        await using var db = contexts.ForTenant(tenantId);
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken);
        return tenant is null
            ? Result.NotFound("No such connection.").As<IdentityProviderValues>()
            : IdentityProviderValues.For(tenant, connectionName);
    }

    private static async Task<Dictionary<Guid, ConnectionOrigin>> OriginsAsync(SspDbContext db, List<Connection> connections, CancellationToken cancellationToken)
    {
        var ticketIds = connections.Where(c => c.CreatedFromTicketId is not null).Select(c => c.CreatedFromTicketId!.Value).Distinct().ToList();
        if (ticketIds.Count == 0)
        {
            return [];
        }

        var tickets = await db.Tickets.AsNoTracking().Where(t => ticketIds.Contains(t.Id)).ToListAsync(cancellationToken);
        var profileIds = tickets.Select(t => t.ProfileId).Distinct().ToList();
        var profiles = await db.Profiles.AsNoTracking().Where(p => profileIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return tickets.ToDictionary(
            t => t.Id,
            t => new ConnectionOrigin(t.Id, t.IssuedBy, t.CreatedAt, t.ProfileId, profiles.GetValueOrDefault(t.ProfileId))
        );
    }

    private ConnectionDto ToDto(Connection connection, Dictionary<Guid, ConnectionOrigin> origins, bool withSecrets)
    {
        var options = JsonNode.Parse(connection.OptionsJson) as JsonObject ?? [];
        if (options["client_secret"] is JsonValue protectedSecret && protectedSecret.TryGetValue<string>(out var value))
        {
            options.Remove("client_secret");
            if (withSecrets)
            {
                try
                {
                    options["client_secret"] = secrets.UnprotectForConnection(value);
                }
                catch (CryptographicException)
                {
                    // The key that protected it is gone: the secret cannot be given out any more.
                }
            }
        }

        return new ConnectionDto(
            connection.Id,
            connection.Name,
            connection.DisplayName,
            connection.Strategy,
            options.ToJsonString(),
            connection.DomainAliases,
            connection.EnabledClients,
            connection.EnabledOrganizationsJson,
            connection.IsDomainConnection,
            connection.ShowAsButton,
            connection.Metadata,
            connection.Enabled,
            connection.CreatedAt,
            connection.UpdatedAt,
            connection.CreatedFromTicketId is { } ticketId ? origins.GetValueOrDefault(ticketId) : null
        );
    }
}
