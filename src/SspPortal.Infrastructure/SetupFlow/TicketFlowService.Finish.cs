using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SspPortal.Application.Audit;
using SspPortal.Application.Common;
using SspPortal.Application.Connections;
using SspPortal.Application.Profiles;
using SspPortal.Application.SetupFlow;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Infrastructure.SetupFlow;

public sealed partial class TicketFlowService
{
    public async Task<Result<FinishedConnection>> FinishAsync(string sessionToken, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Unscoped();
        var active = await LoadActiveAsync(db, sessionToken, cancellationToken, track: true);
        if (active is null)
        {
            return Ended<FinishedConnection>();
        }

        var (session, ticket, profile) = active.Value;
        var strategy = session.Strategy;
        var draft = ReadDraft(session);
        if (strategy is null || !profile.AllowedStrategies.Contains(strategy))
        {
            return Result.Invalid("strategy", FlowMessages.Get("flow.strategy.first")).As<FinishedConnection>();
        }

        var options = BuildOptions(strategy, draft);
        if (options is null)
        {
            return Result.Invalid("options", FlowMessages.Get("flow.configure.first")).As<FinishedConnection>();
        }

        // The connection serves its discovery or metadata URL to the tenant's sign-in system, which fetches it from its
        // own network: the host is checked again now, as it is stored, so that a name re-pointed at a private address
        // since the configure step is refused rather than handed on.
        var isOidc = Strategies.Get(strategy).Protocol == StrategyProtocol.Oidc;
        if ((isOidc ? draft.DiscoveryUrl : draft.MetadataUrl) is { } servedUrl
            && await fetcher.CheckHostAsync(new Uri(servedUrl), cancellationToken) is { } unsafeHost)
        {
            return Result.Invalid(isOidc ? "discovery_url" : "metadata_url", unsafeHost).As<FinishedConnection>();
        }

        var now = Timestamps.Now(clock);
        var request = TicketConnectionRequest.Parse(ticket.RequestJson);
        ApplyTicketOptions(options, request);

        Connection? connection = null;
        if (ticket.ConnectionId is not null)
        {
            connection = await db
                .Connections.IgnoreQueryFilters()
                .SingleOrDefaultAsync(c => c.Id == ticket.ConnectionId && c.TenantId == ticket.TenantId, cancellationToken);
        }

        var created = connection is null || (!connection.Enabled && connection.Strategy is null);
        if (connection is null)
        {
            var name = request.Name ?? LegacyConnectionName(ticket);
            var taken = await db.Connections.IgnoreQueryFilters().AnyAsync(c => c.TenantId == ticket.TenantId && c.Name == name, cancellationToken);
            if (taken)
            {
                return Result.Conflict(FlowMessages.Get("flow.connection.taken")).As<FinishedConnection>();
            }

            connection = new Connection
            {
                Id = Ids.NewConnectionId(),
                TenantId = ticket.TenantId,
                Name = name,
                CreatedAt = now,
                CreatedFromTicketId = ticket.Id,
            };
            db.Connections.Add(connection);
            ticket.ConnectionId = connection.Id;
        }

        connection.Strategy = strategy;
        connection.DisplayName = request.DisplayName ?? connection.DisplayName;
        connection.IsDomainConnection = request.IsDomainConnection ?? connection.IsDomainConnection;
        connection.ShowAsButton = request.ShowAsButton ?? connection.ShowAsButton;
        if (request.Metadata is not null)
        {
            connection.Metadata = new Dictionary<string, string?>(request.Metadata);
        }

        if (request.DomainAliases.Count > 0)
        {
            connection.DomainAliases = [.. request.DomainAliases];
        }

        if (request.EnabledClients.Count > 0)
        {
            connection.EnabledClients = [.. connection.EnabledClients.Union(request.EnabledClients)];
        }

        if (request.EnabledOrganizations.Count > 0)
        {
            connection.EnabledOrganizationsJson = request.EnabledOrganizations.ToJsonString();
        }

        connection.OptionsJson = options.ToJsonString();
        // The session's last test is of exactly these settings (saving settings clears it), so it becomes the connection's.
        var lastTest = ReadReport(session);
        connection.LastTestPassed = lastTest?.Passed;
        connection.LastTestedAt = lastTest is null ? null : Timestamps.Truncate(lastTest.At);
        connection.Enabled = true;
        connection.CreatedFromTicketId ??= ticket.Id;
        connection.UpdatedAt = now;

        ticket.CompletedAt = now;
        session.ConnectionId = connection.Id;
        session.Step = nameof(FlowStep.Done);
        session.EndedAt = now;
        var actor = $"Setup flow (ticket issued by {ticket.IssuedBy})";
        var strategyName = Strategies.Get(strategy).DisplayName;
        db.AuditEntries.Add(
            new AuditEntry
            {
                TenantId = ticket.TenantId,
                Actor = actor,
                Action = created ? "connection.created" : "connection.updated",
                TargetId = connection.Id,
                ProfileId = profile.Id,
                At = now,
                Summary = $"{(created ? "Created" : "Updated")} {strategyName} connection {connection.Name} through the setup flow",
            }
        );
        db.AuditEntries.Add(
            new AuditEntry
            {
                TenantId = ticket.TenantId,
                Actor = actor,
                Action = "ticket.completed",
                TargetId = ticket.Id.ToString(),
                ProfileId = profile.Id,
                At = now,
                Summary = $"The setup flow finished and saved connection {connection.Name}",
            }
        );

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Result.Conflict(FlowMessages.Get("flow.connection.taken")).As<FinishedConnection>();
        }

        // Every other session of this ticket ends with it (in a transaction, so that it queues behind other writers).
        await db.InTransactionAsync(
            async (end, token) =>
            {
                var ended = await db
                    .FlowSessions.IgnoreQueryFilters()
                    .Where(s => s.TicketId == ticket.Id && s.EndedAt == null)
                    .ExecuteUpdateAsync(set => set.SetProperty(s => s.EndedAt, now), token);
                await end.CommitAsync(token);
                return ended;
            },
            cancellationToken
        );

        Log.ConnectionSaved(logger, ticket.TenantId, connection.Id, strategy);
        return new FinishedConnection(connection.Id, connection.Name, strategy, created);
    }

    /// <summary>The strategy's options from the draft, in the shape the connections API returns; null when incomplete.</summary>
    private JsonObject? BuildOptions(string strategy, FlowDraft draft)
    {
        if (Strategies.Get(strategy).Protocol == StrategyProtocol.Oidc)
        {
            if (draft.DiscoveryUrl is null || draft.ClientId is null || draft.ProtectedClientSecret is null)
            {
                return null;
            }

            var options = new JsonObject
            {
                ["type"] = "back_channel",
                ["discovery_url"] = draft.DiscoveryUrl,
                ["client_id"] = draft.ClientId,
                ["client_secret"] = secrets.ProtectForConnection(secrets.UnprotectDraft(draft.ProtectedClientSecret)),
                ["scope"] = "openid profile email",
            };
            if (draft.Issuer is not null)
            {
                options["issuer"] = draft.Issuer;
            }

            if (draft.Domain is not null)
            {
                options[strategy == Strategies.Waad ? "tenant_domain" : "domain"] = draft.Domain;
            }

            return options;
        }

        if (draft.SignInUrl is null || draft.SigningCertificate is null)
        {
            return null;
        }

        var saml = new JsonObject
        {
            ["signInEndpoint"] = draft.SignInUrl,
            ["signingCert"] = draft.SigningCertificate,
            ["cert_subject"] = draft.CertificateSubject,
            ["cert_expires_at"] = draft.CertificateNotAfter is { } notAfter ? Timestamps.Format(notAfter) : null,
        };
        if (draft.EntityId is not null)
        {
            saml["issuer"] = draft.EntityId;
        }

        if (draft.MetadataUrl is not null)
        {
            saml["metadataUrl"] = draft.MetadataUrl;
        }

        return saml;
    }

    private static void ApplyTicketOptions(JsonObject options, TicketConnectionRequest request)
    {
        if (request.IconUrl is not null)
        {
            options["icon_url"] = request.IconUrl;
        }

        if (request.DomainAliases.Count > 0)
        {
            options["domain_aliases"] = JsonSerializer.SerializeToNode(request.DomainAliases);
        }

        if (request.IdpInitiated is not null)
        {
            options["idpinitiated"] = request.IdpInitiated.DeepClone();
        }
    }
}
