using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SspPortal.Application.Common;
using SspPortal.Application.Connections;
using SspPortal.Application.Profiles;
using SspPortal.Application.SetupFlow;
using SspPortal.Application.Tenants;
using SspPortal.Application.Tickets;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Infrastructure.SetupFlow;

/// <summary>
/// The setup flow's use cases. The ticket secret and the session token are credentials: only their hashes reach
/// the database, and neither they nor the ticket's internal id appear in a log line.
/// </summary>
public sealed partial class TicketFlowService(
    SspDbContextFactory contexts,
    TimeProvider clock,
    FlowSecrets secrets,
    IOutboundFetcher fetcher,
    IOidcTestClient oidc,
    ILinkSchemeService links,
    FlowRequestLookups lookups,
    ILogger<TicketFlowService> logger
) : ITicketFlowService
{
    internal const string SessionEndedMessage = "The setup session has ended.";
    private const int SessionTokenLength = 32;
    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<TicketOpenResult> OpenAsync(string ticketSecret, string? sessionToken = null, CancellationToken cancellationToken = default)
    {
        if (!Ids.IsTicketSecret(ticketSecret))
        {
            Log.TicketUnknown(logger);
            return TicketOpenResult.Unknown;
        }

        var hash = Ids.HashTicket(ticketSecret);
        await using var db = contexts.Unscoped();
        if (!lookups.TryTakeTicket(hash, out var ticket))
        {
            await db.HoldConnectionAsync(cancellationToken);
            ticket = await CompiledQueries.TicketBySecretHash(db, hash, cancellationToken);
        }

        if (ticket is null)
        {
            Log.TicketUnknown(logger);
            return TicketOpenResult.Unknown;
        }

        // The same browser coming back through the link while its session lives: it goes on, and nothing is counted.
        if (await LoadActiveAsync(db, sessionToken, cancellationToken) is { } active && active.Ticket.Id == ticket.Id)
        {
            Log.SessionResumed(logger, ticket.TenantId);
            return new TicketOpenResult(TicketOpenOutcome.Resumed, sessionToken, active.Session.ExpiresAt, ticket.TenantId);
        }

        var now = Timestamps.Now(clock);
        if (WhyNotOpenable(ticket, now) is { } refusal)
        {
            Log.TicketRefused(logger, ticket.TenantId, refusal);
            return TicketOpenResult.Gone;
        }

        // One write transaction for the count and the session: one commit, and never a counted open without its
        // session (it also queues behind other writers in-process, see SqliteWriteGate). Through the engine's execution
        // strategy, so a server engine retries a transient failure of the whole unit. The count's own condition checks
        // that the profile still exists, so a deleted profile's ticket costs no read of its own.
        await db.HoldConnectionAsync(cancellationToken);
        var opened = await db.InTransactionAsync<(string Token, FlowSession Session, int OpenCount)?>(
            async (transaction, token) =>
            {
                if (!await CountOpenAsync(db, ticket.Id, now, token))
                {
                    return null;
                }

                // Inside the write transaction, so this is the state our update left.
                var counted = await db
                    .Tickets.IgnoreQueryFilters()
                    .AsNoTracking()
                    .Where(t => t.Id == ticket.Id)
                    .Select(t => new { t.OpenCount, t.FirstOpenedAt })
                    .SingleAsync(token);
                var sessionToken = RandomNumberGenerator.GetString(TokenAlphabet, SessionTokenLength);
                var session = new FlowSession
                {
                    Id = Guid.NewGuid(),
                    TenantId = ticket.TenantId,
                    TicketId = ticket.Id,
                    TokenHash = HashToken(sessionToken),
                    CreatedAt = now,
                    ExpiresAt = (counted.FirstOpenedAt ?? now) + TicketRules.SessionLifetime,
                };
                db.FlowSessions.Add(session);
                await db.SaveChangesAsync(token);
                await transaction.CommitAsync(token);
                return (sessionToken, session, counted.OpenCount);
            },
            cancellationToken
        );
        if (opened is not { } result)
        {
            // The profile is deleted, or another visitor took the last open (or the ticket was revoked, completed or
            // expired) since we read it.
            var current = await db.Tickets.IgnoreQueryFilters().AsNoTracking().SingleAsync(t => t.Id == ticket.Id, cancellationToken);
            var reason = WhyNotOpenable(current, now) ?? (await ProfileExistsAsync(db, current, cancellationToken) ? "changed while opening" : "profile deleted");
            Log.TicketRefused(logger, ticket.TenantId, reason);
            return TicketOpenResult.Gone;
        }

        Log.SessionStarted(logger, ticket.TenantId, result.OpenCount);
        return new TicketOpenResult(TicketOpenOutcome.Opened, result.Token, result.Session.ExpiresAt, ticket.TenantId);
    }

    /// <summary>
    /// Counts one open in a single conditional update, true when it did: only while the ticket is still openable at
    /// <paramref name="now"/> (fewer than <see cref="TicketRules.MaxOpens"/> opens, not revoked, completed or expired)
    /// and its profile exists, so that concurrent opens are counted exactly, on every database, without reading the
    /// count first.
    /// </summary>
    private static async Task<bool> CountOpenAsync(SspDbContext db, Guid ticketId, DateTime now, CancellationToken cancellationToken)
    {
        var firstOpenedAfter = now - TicketRules.SessionLifetime;
        var updated = await db
            .Tickets.IgnoreQueryFilters()
            .Where(t =>
                t.Id == ticketId
                && t.OpenCount < TicketRules.MaxOpens
                && t.RevokedAt == null
                && t.CompletedAt == null
                && ((t.FirstOpenedAt == null && t.ExpiresAt > now) || (t.FirstOpenedAt != null && t.FirstOpenedAt > firstOpenedAfter))
                && db.Profiles.IgnoreQueryFilters().Any(p => p.Id == t.ProfileId && p.TenantId == t.TenantId)
            )
            .ExecuteUpdateAsync(
                set => set.SetProperty(t => t.OpenCount, t => t.OpenCount + 1).SetProperty(t => t.FirstOpenedAt, t => t.FirstOpenedAt ?? now),
                cancellationToken
            );
        return updated == 1;
    }

    public async Task<Result<FlowSessionView>> GetAsync(string sessionToken, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Unscoped();
        var active = await LoadActiveAsync(db, sessionToken, cancellationToken);
        if (active is null)
        {
            return Ended<FlowSessionView>();
        }

        var (session, ticket, profile) = active.Value;
        var introductions = await db
            .CustomTexts.IgnoreQueryFilters()
            .AsNoTracking()
            .Where(c => c.TenantId == ticket.TenantId && c.ProfileId == profile.Id && c.Page == "get-started")
            .ToListAsync(cancellationToken);
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticket.TenantId, cancellationToken);
        var (connectionName, connectionEnabled) = await ConnectionOfAsync(db, ticket, cancellationToken);
        // Tenants are never deleted; should the row be missing all the same, the ticket's own host stands in.
        tenant ??= new Tenant { Id = ticket.TenantId, DisplayName = ticket.TenantId, Domain = ticket.Domain };
        var values = IdentityProviderValues.For(tenant, connectionName, links.Scheme);

        return new FlowSessionView(
            ticket.TenantId,
            profile.Name,
            ToDto(profile.Branding),
            [.. profile.UserAttributes.Select(a => new UserAttributeDto(a.Name, a.Description, a.IsOptional))],
            [.. Strategies.Names.Where(profile.AllowedStrategies.Contains)],
            introductions
                .Where(c => c.Entries.TryGetValue("introduction", out var text) && !string.IsNullOrWhiteSpace(text))
                .ToDictionary(c => c.Language, c => c.Entries["introduction"], StringComparer.OrdinalIgnoreCase),
            connectionName,
            connectionEnabled,
            values,
            Enum.TryParse<FlowStep>(session.Step, out var step) ? step : FlowStep.GetStarted,
            session.Strategy,
            ToView(ReadDraft(session)),
            ReadReport(session),
            session.ExpiresAt
        );
    }

    public async Task<FlowSessionPulse> PulseAsync(string sessionToken, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Unscoped();
        var active = await LoadActiveAsync(db, sessionToken, cancellationToken);
        return active is null ? new FlowSessionPulse(false, null) : new FlowSessionPulse(true, active.Value.Session.TestCompletedAt);
    }

    public async Task<Result> GoToStepAsync(string sessionToken, FlowStep step, CancellationToken cancellationToken = default)
    {
        if (step is FlowStep.Done)
        {
            return Result.Invalid("step", "The last step is reached by finishing.");
        }

        await using var db = contexts.Unscoped();
        var active = await LoadActiveAsync(db, sessionToken, cancellationToken, track: true);
        if (active is null)
        {
            return Ended();
        }

        var session = active.Value.Session;
        if (step > FlowStep.Choose && session.Strategy is null)
        {
            return Result.Invalid("strategy", FlowMessages.Get("flow.strategy.first"));
        }

        session.Step = step.ToString();
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }

    public async Task<Result> ChooseStrategyAsync(string sessionToken, string strategy, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Unscoped();
        var active = await LoadActiveAsync(db, sessionToken, cancellationToken, track: true);
        if (active is null)
        {
            return Ended();
        }

        var (session, _, profile) = active.Value;
        if (!Strategies.IsKnown(strategy) || !profile.AllowedStrategies.Contains(strategy))
        {
            return Result.Invalid("strategy", FlowMessages.Get("flow.strategy.notoffered"));
        }

        if (session.Strategy is not null && Strategies.Get(session.Strategy).Protocol != Strategies.Get(strategy).Protocol)
        {
            // Another protocol: what was entered does not apply any more.
            session.DraftJson = null;
        }

        if (session.Strategy != strategy)
        {
            session.TestResultJson = null;
            session.TestCompletedAt = null;
            session.TestStateJson = null;
        }

        session.Strategy = strategy;
        session.Step = nameof(FlowStep.Configure);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }

    internal static byte[] HashToken(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));

    /// <summary>Whether <paramref name="token"/> has a session token's shape (anything else is looked up nowhere).</summary>
    internal static bool IsSessionToken([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? token) =>
        token is { Length: SessionTokenLength } && token.All(char.IsAsciiLetterOrDigit);

    /// <summary>Why a ticket cannot be opened now (its status, by the shared ticket rules), or null when it can.</summary>
    private static string? WhyNotOpenable(SsoTicket ticket, DateTime now)
    {
        var status = ticket.StatusAt(now);
        return TicketRules.CanOpen(status) ? null : status.ToString();
    }

    private static Task<bool> ProfileExistsAsync(SspDbContext db, SsoTicket ticket, CancellationToken cancellationToken) =>
        db.Profiles.IgnoreQueryFilters().AnyAsync(p => p.Id == ticket.ProfileId && p.TenantId == ticket.TenantId, cancellationToken);

    /// <summary>The session and what it hangs on, when all of it is still usable.</summary>
    private async Task<(FlowSession Session, SsoTicket Ticket, SelfServiceProfile Profile)?> LoadActiveAsync(
        SspDbContext db,
        string? sessionToken,
        CancellationToken cancellationToken,
        bool track = false
    )
    {
        if (!IsSessionToken(sessionToken))
        {
            return null;
        }

        var hash = HashToken(sessionToken);
        await db.HoldConnectionAsync(cancellationToken);
        // Taken either way, so that nothing read before a write of this request is handed out after it; a tracked
        // load (a write follows) reads its own rows.
        var remembered = lookups.TryTakeSession(hash, out var session, out var ticket) && !track;
        if (!remembered)
        {
            var sessions = db.FlowSessions.IgnoreQueryFilters();
            session = track
                ? await sessions.SingleOrDefaultAsync(s => s.TokenHash == hash, cancellationToken)
                : await CompiledQueries.SessionByTokenHash(db, hash, cancellationToken);
        }

        var now = Timestamps.Now(clock);
        if (session is null || session.EndedAt is not null || now >= session.ExpiresAt)
        {
            return null;
        }

        if (!remembered || ticket is null)
        {
            ticket = track
                ? await db.Tickets.IgnoreQueryFilters().SingleOrDefaultAsync(t => t.Id == session.TicketId && t.TenantId == session.TenantId, cancellationToken)
                : await CompiledQueries.TicketOfSession(db, session.TicketId, session.TenantId, cancellationToken);
        }

        if (ticket is null || ticket.RevokedAt is not null || ticket.CompletedAt is not null)
        {
            return null;
        }

        var profile = await db
            .Profiles.IgnoreQueryFilters()
            .AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == ticket.ProfileId && p.TenantId == ticket.TenantId, cancellationToken);
        return profile is null ? null : (session, ticket, profile);
    }

    /// <summary>The name the flow shows for the ticket's connection, and whether that connection is enabled (one read).</summary>
    private static async Task<(string Name, bool Enabled)> ConnectionOfAsync(SspDbContext db, SsoTicket ticket, CancellationToken cancellationToken)
    {
        if (ticket.ConnectionId is not null)
        {
            var connection = await db
                .Connections.IgnoreQueryFilters()
                .Where(c => c.Id == ticket.ConnectionId && c.TenantId == ticket.TenantId)
                .Select(c => new { c.Name, c.Enabled })
                .SingleOrDefaultAsync(cancellationToken);
            if (connection is not null)
            {
                return (connection.Name, connection.Enabled);
            }
        }

        return (TicketConnectionRequest.Parse(ticket.RequestJson).Name ?? LegacyConnectionName(ticket), false);
    }

    /// <summary>
    /// The name a ticket issued before connections were reserved at issue time (one that asked for no connection and
    /// has none) was shown under: derived from its internal id. New tickets reserve a random name
    /// (<see cref="GeneratedConnectionNames"/>); this stays for the at most five days such a ticket lives.
    /// </summary>
    internal static string LegacyConnectionName(SsoTicket ticket) => $"sso-{ticket.Id:N}"[..16];

    private static FlowDraft ReadDraft(FlowSession session) =>
        session.DraftJson is null ? new FlowDraft() : JsonSerializer.Deserialize<FlowDraft>(session.DraftJson, Json) ?? new FlowDraft();

    /// <summary>The last test's report; null when there is none, or when it was written in an older shape (the test is simply run again).</summary>
    private static ConnectionTestReport? ReadReport(FlowSession session)
    {
        if (session.TestResultJson is null)
        {
            return null;
        }

        try
        {
            var report = JsonSerializer.Deserialize<ConnectionTestReport>(session.TestResultJson, Json);
            return report is not null && report.Checks.All(c => c.Name is not null) ? report : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static FlowDraftView ToView(FlowDraft draft) =>
        new(
            draft.DiscoveryUrl,
            draft.Issuer,
            draft.Domain,
            draft.ClientId,
            draft.ProtectedClientSecret is not null,
            draft.MetadataUrl,
            draft.MetadataXml is not null,
            draft.EntityId,
            draft.SignInUrl,
            draft.CertificateSubject,
            draft.CertificateNotAfter
        );

    private static BrandingDto? ToDto(Branding? branding) =>
        branding is null
            ? null
            : new BrandingDto(branding.LogoUrl, branding.Colors is null ? null : new BrandingColorsDto(branding.Colors.Primary));

    private static Result Ended() => Result.NotFound(SessionEndedMessage);

    private static Result<T> Ended<T>() => Result.NotFound(SessionEndedMessage).As<T>();

    private static partial class Log
    {
        // Debug: an unknown link names no tenant and nothing to act on, anyone can send any number of them, and at
        // Information the console logger's queue throttled the public invalid-link page to the console's speed.
        [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "A setup link was opened that matches no ticket")]
        public static partial void TicketUnknown(ILogger logger);

        [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "A setup link of tenant {TenantId} was refused: {Reason}")]
        public static partial void TicketRefused(ILogger logger, string tenantId, string reason);

        [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "A setup session started for tenant {TenantId} (open {OpenCount})")]
        public static partial void SessionStarted(ILogger logger, string tenantId, int openCount);

        [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "A setup session of tenant {TenantId} was resumed through its link")]
        public static partial void SessionResumed(ILogger logger, string tenantId);

        [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "The setup flow of tenant {TenantId} saved connection {ConnectionId} ({Strategy})")]
        public static partial void ConnectionSaved(ILogger logger, string tenantId, string connectionId, string strategy);

        [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "A connection test for tenant {TenantId} ended: passed={Passed}")]
        public static partial void TestFinished(ILogger logger, string tenantId, bool passed);
    }
}
