using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SspPortal.Application.Common;
using SspPortal.Application.Common.Validation;
using SspPortal.Application.Connections;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tickets;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Infrastructure.Services;

/// <summary>The SSO ticket use cases (contract section 4).</summary>
internal sealed class SsoTicketService(
    SspDbContextFactory contexts,
    TimeProvider clock,
    IValidator<IssueTicketRequest> validator,
    ILinkSchemeService links,
    IValidator<TicketQuery> queryValidator,
    ILogger<SsoTicketService> logger
) : ISsoTicketService
{
    internal const string DeletedProfileName = "(deleted profile)";

    public async Task<Result<IssuedTicket>> IssueAsync(
        Actor actor,
        string profileId,
        IssueTicketRequest request,
        string? customDomain,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!actor.Can(Scopes.CreateTickets))
        {
            return Result.Forbidden(Scopes.Insufficient(Scopes.CreateTickets)).As<IssuedTicket>();
        }

        if (PathValues.CheckProfileId(profileId) is { } badId)
        {
            return badId.As<IssuedTicket>();
        }

        var validation = validator.ValidateToResult(request);
        if (!validation.IsOk)
        {
            return validation.As<IssuedTicket>();
        }

        if (customDomain is { Length: < TicketRequestRules.CustomDomainMinLength or > TicketRequestRules.CustomDomainMaxLength })
        {
            return Result.InvalidMessage(TicketRequestRules.CustomDomainLengthMessage(customDomain.Length)).As<IssuedTicket>();
        }

        await using var db = contexts.ForTenant(actor.TenantId);
        await db.HoldConnectionAsync(cancellationToken);
        var allowedStrategies = await CompiledQueries.ProfileStrategies(db, profileId, cancellationToken);
        if (allowedStrategies is null)
        {
            return Result.NotFound(ProfileRules.NotFoundMessage(profileId)).As<IssuedTicket>();
        }

        if (request.ProvisioningConfig?.GoogleWorkspace is not null && !allowedStrategies.Contains(Strategies.GoogleApps))
        {
            return Result
                .Invalid("provisioning_config.google_workspace", TicketRequestRules.GoogleWorkspaceNotAllowedReason)
                .As<IssuedTicket>();
        }

        var host = await HostAsync(db, actor.TenantId, customDomain, cancellationToken);
        if (!host.IsOk)
        {
            return host.As<IssuedTicket>();
        }

        var ttlSeconds = TicketRules.EffectiveTtlSeconds(request.TtlSec, host.Value.DefaultLifetimeDays);

        if (request.ConnectionId is { } connectionId && !await db.Connections.AnyAsync(c => c.Id == connectionId, cancellationToken))
        {
            return Result.InvalidMessage(TicketRequestRules.ConnectionNotFoundMessage).As<IssuedTicket>();
        }

        var now = Timestamps.Now(clock);
        if (request.ConnectionConfig is { Name: { } name })
        {
            // Through the unique (tenant, normalized name) index: names compare without case on every engine.
            var normalized = SaveRules.Normalize(name);
            var taken = await db.Connections.FirstOrDefaultAsync(c => EF.Property<string>(c, SaveRules.NormalizedName) == normalized, cancellationToken);
            if (taken is not null && !await ReleaseIfStaleAsync(db, actor, taken, profileId, now, cancellationToken))
            {
                return Result.Conflict(TicketRequestRules.ConnectionNameTakenMessage).As<IssuedTicket>();
            }
        }

        // A ticket that names no connection and edits none gets one reserved now, under a generated name: unguessable,
        // and unique by the unique (tenant, normalized name) index at the write, with a new name on a clash. Not looked
        // up first: a clash of two 82-bit random names is not to be expected, and the index decides either way.
        var generateName = request.ConnectionConfig is null && request.ConnectionId is null;
        for (var attempt = 1; ; attempt++)
        {
            var config = request.ConnectionConfig;
            if (generateName)
            {
                config = new ConnectionConfigInput { Name = GeneratedConnectionNames.New() };
            }

            var (ticket, reserved, secret) = Stage(db, actor, profileId, request, config, host.Value.Host, ttlSeconds, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (generateName && attempt < MaxNameAttempts)
            {
                if (!await NameTakenAsync(actor.TenantId, config!.Name!, cancellationToken))
                {
                    throw;
                }

                // Another reservation took the same generated name between our check and our write: draw again.
                db.ChangeTracker.Clear();
                continue;
            }
            catch (DbUpdateException) when (request.ConnectionConfig is not null)
            {
                // The unique (tenant, name) index caught a reservation made between our check and our write.
                return Result.Conflict(TicketRequestRules.ConnectionNameTakenMessage).As<IssuedTicket>();
            }

            logger.TicketIssued(ticket.Id, profileId, actor.TenantId, ticket.ExpiresAt);
            if (reserved is not null)
            {
                logger.ConnectionReserved(reserved.Id, actor.TenantId);
            }

            return new IssuedTicket(TicketRules.Url(ticket.Domain, secret, links.Scheme), ticket.Id, Timestamps.AsUtc(ticket.ExpiresAt));
        }
    }

    /// <summary>How often a generated connection name is drawn again after a clash (each draw is a fresh 82-bit name).</summary>
    private const int MaxNameAttempts = 5;

    /// <summary>Adds the ticket, its reserved connection (when <paramref name="config"/> names one) and their audit entries.</summary>
    private static (SsoTicket Ticket, Connection? Reserved, string Secret) Stage(
        SspDbContext db,
        Actor actor,
        string profileId,
        IssueTicketRequest request,
        ConnectionConfigInput? config,
        string host,
        int ttl,
        DateTime now
    )
    {
        var secret = Ids.NewTicketSecret();
        var ticket = new SsoTicket
        {
            Id = Guid.CreateVersion7(),
            TenantId = actor.TenantId,
            ProfileId = profileId,
            SecretHash = Ids.HashTicket(secret),
            IssuedBy = AuditRecords.Describe(actor),
            CreatedAt = now,
            ExpiresAt = now.AddSeconds(ttl),
            ConnectionId = request.ConnectionId,
            Domain = host,
            RequestJson = TicketRequestJson.Serialize(request),
        };

        Connection? reserved = null;
        if (config is not null)
        {
            reserved = Reserve(actor.TenantId, config, request, ticket.Id, now);
            ticket.ConnectionId = reserved.Id;
            db.Connections.Add(reserved);
            db.AuditEntries.Add(
                AuditRecords.Create(
                    actor,
                    AuditActions.ConnectionReserved,
                    reserved.Id,
                    profileId,
                    now,
                    $"Reserved connection name {AuditRecords.Quote(reserved.Name)} for a ticket"
                )
            );
        }

        db.Tickets.Add(ticket);
        db.AuditEntries.Add(
            AuditRecords.Create(
                actor,
                AuditActions.TicketIssued,
                ticket.Id.ToString(),
                profileId,
                now,
                $"Issued ticket for {ticket.Domain}, expires {Timestamps.Format(ticket.ExpiresAt)}"
                    + (request.ConnectionId is not null ? $", edits {request.ConnectionId}" : "")
                    + (reserved is not null ? $", creates {AuditRecords.Quote(reserved.Name)}" : "")
            )
        );
        return (ticket, reserved, secret);
    }

    private async Task<bool> NameTakenAsync(string tenantId, string name, CancellationToken cancellationToken)
    {
        await using var db = contexts.ForTenant(tenantId);
        var normalized = SaveRules.Normalize(name);
        return await db.Connections.AnyAsync(c => EF.Property<string>(c, SaveRules.NormalizedName) == normalized, cancellationToken);
    }

    public async Task<Result> RevokeAsync(Actor actor, string profileId, string ticketSecret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Can(Scopes.DeleteTickets))
        {
            return Result.Forbidden(Scopes.Insufficient(Scopes.DeleteTickets));
        }

        if (PathValues.CheckProfileId(profileId, "profileId") is { } badId)
        {
            return badId;
        }

        if (!Ids.IsTicketSecret(ticketSecret))
        {
            // An id that cannot be a ticket is an unknown ticket: revoking it succeeds and changes nothing.
            return Result.Ok();
        }

        var hash = Ids.HashTicket(ticketSecret);
        await using var db = contexts.ForTenant(actor.TenantId);
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.ProfileId == profileId && t.SecretHash == hash, cancellationToken);
        if (ticket is null || !Ids.TicketHashEquals(ticket.SecretHash, hash))
        {
            return Result.Ok();
        }

        await RevokeAsync(db, actor, ticket, cancellationToken);
        return Result.Ok();
    }

    public async Task<Result> RevokeByIdAsync(Actor actor, Guid ticketId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Can(Scopes.DeleteTickets))
        {
            return Result.Forbidden(Scopes.Insufficient(Scopes.DeleteTickets));
        }

        await using var db = contexts.ForTenant(actor.TenantId);
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is null)
        {
            return Result.NotFound("Ticket not found");
        }

        await RevokeAsync(db, actor, ticket, cancellationToken);
        return Result.Ok();
    }

    public async Task<Result<PagedList<TicketSummary>>> ListAsync(Actor actor, TicketQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        if (!actor.Can(Scopes.ReadTickets))
        {
            return Result.Forbidden(Scopes.Insufficient(Scopes.ReadTickets)).As<PagedList<TicketSummary>>();
        }

        var validation = queryValidator.ValidateToResult(query, ErrorCodes.InvalidQueryString);
        if (!validation.IsOk)
        {
            return validation.As<PagedList<TicketSummary>>();
        }

        var now = Timestamps.Now(clock);
        await using var db = contexts.ForTenant(actor.TenantId);
        var rows = TicketListQuery.Filter(db, query, now);
        int? total = query.Page.IncludeTotals ? await rows.CountAsync(cancellationToken) : null;
        var skip = (long)query.Page.Page * query.Page.PerPage;
        var page =
            skip > int.MaxValue
                ? []
                : await TicketListQuery
                    .Order(rows, query)
                    .Skip((int)skip)
                    .Take(query.Page.PerPage)
                    .Select(r => new
                    {
                        r.Ticket.Id,
                        r.Ticket.ProfileId,
                        r.Ticket.IssuedBy,
                        r.Ticket.CreatedAt,
                        r.Ticket.ExpiresAt,
                        r.Ticket.FirstOpenedAt,
                        r.Ticket.OpenCount,
                        r.Ticket.RevokedAt,
                        r.Ticket.CompletedAt,
                        r.ConnectionName,
                    })
                    .ToListAsync(cancellationToken);

        var profileIds = page.Select(r => r.ProfileId).Distinct().ToList();
        var profileNames = await db
            .Profiles.AsNoTracking()
            .Where(p => profileIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name })
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

        var items = page.Select(r => new TicketSummary(
                r.Id,
                r.ProfileId,
                profileNames.GetValueOrDefault(r.ProfileId, DeletedProfileName),
                r.IssuedBy,
                Timestamps.AsUtc(r.CreatedAt),
                Timestamps.AsUtc(r.ExpiresAt),
                Timestamps.AsUtc(r.FirstOpenedAt),
                r.OpenCount,
                Timestamps.AsUtc(r.RevokedAt),
                Timestamps.AsUtc(r.CompletedAt),
                r.ConnectionName,
                TicketRules.StatusAt(now, r.ExpiresAt, r.FirstOpenedAt, r.OpenCount, r.RevokedAt, r.CompletedAt)
            ))
            .ToList();
        return new PagedList<TicketSummary>(items, (int)Math.Min(skip, int.MaxValue), query.Page.PerPage, total);
    }

    private async Task RevokeAsync(SspDbContext db, Actor actor, SsoTicket ticket, CancellationToken cancellationToken)
    {
        if (ticket.RevokedAt is not null)
        {
            return;
        }

        var now = Timestamps.Now(clock);
        ticket.RevokedAt = now;
        db.AuditEntries.Add(
            AuditRecords.Create(
                actor,
                AuditActions.TicketRevoked,
                ticket.Id.ToString(),
                ticket.ProfileId,
                now,
                $"Revoked ticket issued {Timestamps.Format(ticket.CreatedAt)} by {ticket.IssuedBy}"
            )
        );
        await db.SaveChangesAsync(cancellationToken);
        logger.TicketRevoked(ticket.Id, ticket.ProfileId, actor.TenantId);
    }

    /// <summary>
    /// The ticket URL's host (the custom domain when sent and configured for the tenant, else the tenant's domain) and
    /// the tenant's default ticket lifetime.
    /// </summary>
    private async Task<Result<(string Host, int? DefaultLifetimeDays)>> HostAsync(SspDbContext db, string tenantId, string? customDomain, CancellationToken cancellationToken)
    {
        // The tenants table is not tenant-owned: the tenant's own context reads its row.
        var tenant = await CompiledQueries.TenantHostsOf(db, tenantId, cancellationToken);
        if (tenant is null)
        {
            logger.UnknownTenant(tenantId);
            return Result.Forbidden("The tenant is not registered.").As<(string, int?)>();
        }

        if (customDomain is null)
        {
            return (tenant.Domain, tenant.DefaultTicketLifetimeDays);
        }

        var match = tenant.CustomDomains.FirstOrDefault(d => string.Equals(d, customDomain, StringComparison.OrdinalIgnoreCase));
        return match is null
            ? Result.InvalidMessage(TicketRequestRules.UnknownCustomDomainMessage(customDomain)).As<(string, int?)>()
            : (match, tenant.DefaultTicketLifetimeDays);
    }

    /// <summary>
    /// A name is free again when the connection holding it was only reserved (its flow never finished) and no ticket
    /// for it can be used any more (<see cref="ConnectionReservations.IsUnusable"/>): nobody can finish it. The stale reservation is removed (and
    /// audited); true when the name may be reserved anew.
    /// </summary>
    private async Task<bool> ReleaseIfStaleAsync(
        SspDbContext db,
        Actor actor,
        Connection taken,
        string profileId,
        DateTime now,
        CancellationToken cancellationToken
    )
    {
        if (taken.Strategy is not null || taken.Enabled)
        {
            return false;
        }

        var tickets = await db.Tickets.Where(t => t.ConnectionId == taken.Id || t.Id == taken.CreatedFromTicketId).ToListAsync(cancellationToken);
        if (!ConnectionReservations.IsUnusable(taken, tickets, now))
        {
            return false;
        }

        db.Connections.Remove(taken);
        db.AuditEntries.Add(
            AuditRecords.Create(
                actor,
                AuditActions.ConnectionReleased,
                taken.Id,
                profileId,
                now,
                $"Released connection name {AuditRecords.Quote(taken.Name)}: its tickets can no longer be used"
            )
        );
        return true;
    }

    private static Connection Reserve(string tenantId, ConnectionConfigInput config, IssueTicketRequest request, Guid ticketId, DateTime now)
    {
        var options = new JsonObject();
        if (config.Options?.IconUrl is { } iconUrl)
        {
            options["icon_url"] = iconUrl;
        }

        if (config.Options?.Idpinitiated is { } idpInitiated)
        {
            options["idpinitiated"] = JsonSerializer.SerializeToNode(idpInitiated, TicketRequestJson.Options);
        }

        var organizations = (request.EnabledOrganizations ?? [])
            .Select(o => new JsonObject
            {
                ["organization_id"] = o!.OrganizationId,
                ["assign_membership_on_login"] = o.AssignMembershipOnLogin ?? false,
                ["show_as_button"] = o.ShowAsButton ?? true,
            })
            .ToArray<JsonNode?>();

        return new Connection
        {
            Id = Ids.NewConnectionId(),
            TenantId = tenantId,
            Name = config.Name!,
            DisplayName = config.DisplayName,
            OptionsJson = options.ToJsonString(),
            DomainAliases = [.. (config.Options?.DomainAliases ?? []).Select(d => d!)],
            EnabledClients = [.. (request.EnabledClients ?? []).Select(c => c!)],
            EnabledOrganizationsJson = new JsonArray(organizations).ToJsonString(),
            IsDomainConnection = config.IsDomainConnection ?? false,
            ShowAsButton = config.ShowAsButton ?? false,
            Metadata = config.Metadata is null ? [] : new Dictionary<string, string?>(config.Metadata),
            Enabled = false,
            CreatedFromTicketId = ticketId,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}
