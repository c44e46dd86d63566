using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SspPortal.Application.Common;
using SspPortal.Application.Connections;
using SspPortal.Application.Profiles;
using SspPortal.Application.SetupFlow;
using SspPortal.Application.Tickets;
using SspPortal.Infrastructure.Persistence;
using SspPortal.Infrastructure.Services;

namespace SspPortal.Infrastructure.SetupFlow;

/// <summary>
/// Reads connections for the API and the portal, and lets an Admin disable, enable, delete and release them (audited).
/// Client secrets leave only for <c>read:connection_secrets</c>.
/// </summary>
public sealed class ConnectionService(SspDbContextFactory contexts, FlowSecrets secrets, TimeProvider clock, ILogger<ConnectionService> logger)
    : IConnectionService
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

    public async Task<Result<ConnectionView>> GetDetailAsync(Actor actor, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Can(Scopes.ReadConnections))
        {
            return Result.Forbidden(Scopes.Insufficient(Scopes.ReadConnections)).As<ConnectionView>();
        }

        if (CheckId(id) is { } bad)
        {
            return bad.As<ConnectionView>();
        }

        await using var db = contexts.ForTenant(actor.TenantId);
        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return connection is null
            ? Result.NotFound(NotFoundMessage(id)).As<ConnectionView>()
            : await DetailAsync(db, connection, cancellationToken);
    }

    public async Task<Result<ConnectionView>> SetEnabledAsync(Actor actor, string id, bool enabled, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = contexts.ForTenant(actor.TenantId);
        var action = enabled ? "enable connections" : "disable connections";
        var (connection, refusal) = await FindForChangeAsync(db, actor, id, Scopes.UpdateConnections, action, cancellationToken);
        if (connection is null)
        {
            return refusal.As<ConnectionView>();
        }

        if (connection.Strategy is null)
        {
            return Result
                .Conflict("This connection is only reserved: its setup flow has not finished, so there is nothing to enable or disable yet.")
                .As<ConnectionView>();
        }

        if (connection.Enabled != enabled)
        {
            var now = Timestamps.Now(clock);
            connection.Enabled = enabled;
            connection.UpdatedAt = now;
            db.AuditEntries.Add(
                AuditRecords.Create(
                    actor,
                    enabled ? AuditActions.ConnectionEnabled : AuditActions.ConnectionDisabled,
                    connection.Id,
                    null,
                    now,
                    $"{(enabled ? "Enabled" : "Disabled")} connection {AuditRecords.Quote(connection.Name)}"
                )
            );
            await db.SaveChangesAsync(cancellationToken);
            logger.ConnectionChanged(connection.Id, enabled ? "enabled" : "disabled", actor.TenantId);
        }

        return await DetailAsync(db, connection, cancellationToken);
    }

    public async Task<Result> DeleteAsync(Actor actor, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = contexts.ForTenant(actor.TenantId);
        var (connection, refusal) = await FindForChangeAsync(db, actor, id, Scopes.DeleteConnections, "delete connections", cancellationToken);
        if (connection is null)
        {
            return refusal;
        }

        if (ConnectionReservations.IsReservation(connection))
        {
            return Result.Conflict(
                "This connection is only reserved by a ticket; there is nothing to delete. Release it once its tickets can no longer be used, or revoke them first."
            );
        }

        // Tickets that could still edit it would otherwise finish with a new connection under its name: they end with it.
        var now = Timestamps.Now(clock);
        var editing = await TicketsOfAsync(db, connection, cancellationToken);
        var revoked = 0;
        foreach (var ticket in editing.Where(t => ConnectionReservations.CanStillFinish(t, now)))
        {
            ticket.RevokedAt = now;
            revoked++;
        }

        db.Connections.Remove(connection);
        db.AuditEntries.Add(
            AuditRecords.Create(
                actor,
                AuditActions.ConnectionDeleted,
                connection.Id,
                null,
                now,
                $"Deleted {Strategies.DisplayNameOf(connection.Strategy)} connection {AuditRecords.Quote(connection.Name)}"
                    + (revoked > 0 ? $"; revoked {revoked} tickets that would have edited it" : "")
            )
        );
        await db.SaveChangesAsync(cancellationToken);
        logger.ConnectionChanged(connection.Id, "deleted", actor.TenantId);
        return Result.Ok();
    }

    public async Task<Result> ReleaseAsync(Actor actor, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = contexts.ForTenant(actor.TenantId);
        var (connection, refusal) = await FindForChangeAsync(db, actor, id, Scopes.UpdateConnections, "release reserved connections", cancellationToken);
        if (connection is null)
        {
            return refusal;
        }

        var now = Timestamps.Now(clock);
        var tickets = await TicketsOfAsync(db, connection, cancellationToken);
        if (!ConnectionReservations.IsReservation(connection))
        {
            return Result.Conflict("This connection is set up, not only reserved: delete it instead of releasing it.");
        }

        if (!ConnectionReservations.IsUnusable(connection, tickets, now))
        {
            return Result.Conflict(
                "A ticket for this connection can still be used. Revoke it first (or wait until it expires), then release the connection."
            );
        }

        db.Connections.Remove(connection);
        db.AuditEntries.Add(
            AuditRecords.Create(
                actor,
                AuditActions.ConnectionReleased,
                connection.Id,
                null,
                now,
                $"Released connection name {AuditRecords.Quote(connection.Name)}: its tickets can no longer be used"
            )
        );
        await db.SaveChangesAsync(cancellationToken);
        logger.ConnectionChanged(connection.Id, "released", actor.TenantId);
        return Result.Ok();
    }

    private static Result? CheckId(string id) =>
        Ids.IsConnectionId(id) ? null : Result.Invalid("id", "Invalid connection id.", ErrorCodes.InvalidUri);

    private static string NotFoundMessage(string id) => $"Connection with ID: {id} not found";

    /// <summary>
    /// The tenant's connection an Admin action changes (tracked), or, with no connection, why the action is refused:
    /// the actor lacks <paramref name="scope"/>, the id is malformed, or no such connection is the tenant's.
    /// </summary>
    private static async Task<(Connection? Connection, Result Refusal)> FindForChangeAsync(
        SspDbContext db,
        Actor actor,
        string id,
        string scope,
        string what,
        CancellationToken cancellationToken
    )
    {
        if (!actor.Can(scope))
        {
            return (null, Refused(scope, what));
        }

        if (CheckId(id) is { } bad)
        {
            return (null, bad);
        }

        var connection = await db.Connections.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return connection is null ? (null, Result.NotFound(NotFoundMessage(id))) : (connection, Result.Ok());
    }

    private static Result Refused(string scope, string what) => Result.Forbidden($"Only an Admin may {what}. {Scopes.Insufficient(scope)}");

    /// <summary>Every ticket that reserved, created or edits the connection.</summary>
    private static Task<List<SsoTicket>> TicketsOfAsync(SspDbContext db, Connection connection, CancellationToken cancellationToken) =>
        db.Tickets.Where(t => t.ConnectionId == connection.Id || t.Id == connection.CreatedFromTicketId).ToListAsync(cancellationToken);

    private async Task<ConnectionView> DetailAsync(SspDbContext db, Connection connection, CancellationToken cancellationToken)
    {
        var now = Timestamps.Now(clock);
        var state = connection switch
        {
            { Strategy: not null, Enabled: true } => ConnectionState.Enabled,
            { Strategy: not null } => ConnectionState.Disabled,
            _ => ConnectionReservations.IsUnusable(connection, await TicketsOfAsync(db, connection, cancellationToken), now)
                ? ConnectionState.ReservationUnusable
                : ConnectionState.Reserved,
        };
        var stored = JsonNode.Parse(connection.OptionsJson) as JsonObject ?? [];
        var origins = await OriginsAsync(db, [connection], cancellationToken);
        return new ConnectionView(
            ToDto(connection, origins, withSecrets: false),
            state,
            stored["client_secret"] is JsonValue,
            CertificateOf(stored, now),
            connection is { LastTestPassed: { } passed, LastTestedAt: { } at } ? new ConnectionTestOutcome(passed, Timestamps.AsUtc(at)) : null
        );
    }

    /// <summary>The stored SAML signing certificate (<c>signingCert</c>, base64 DER), parsed; null when there is none.</summary>
    private static ConnectionCertificate? CertificateOf(JsonObject options, DateTime now)
    {
        if (options["signingCert"] is not JsonValue value || !value.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var (summary, _) = SamlMetadataReader.ReadCertificate(text);
        if (summary is null)
        {
            return new ConnectionCertificate(null, null, CertificateHealth.Unreadable);
        }

        var notAfter = Timestamps.AsUtc(summary.NotAfter);
        var health =
            now >= notAfter ? CertificateHealth.Expired
            : now >= notAfter.AddDays(-ConnectionCertificate.WarningDays) ? CertificateHealth.ExpiresSoon
            : CertificateHealth.Valid;
        return new ConnectionCertificate(summary.Subject, notAfter, health);
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
