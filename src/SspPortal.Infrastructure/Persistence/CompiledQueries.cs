using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SspPortal.Application.Profiles;
using SspPortal.Application.SetupFlow;
using SspPortal.Application.Tickets;

namespace SspPortal.Infrastructure.Persistence;

/// <summary>
/// The queries of the hottest API and setup-flow paths, compiled once. A LINQ query is otherwise rebuilt as an expression tree and
/// looked up in EF's query cache on every call (reflection, generic method construction, tree comparison): about a
/// tenth of an API read's CPU in bench/run.sh's profile. The tenant query filter still applies: its value is read from
/// the context each time the compiled query runs. A compiled query belongs to one model, and each engine has its own
/// model, so they are compiled once per model (one in the app; one per engine in a test run that uses several).
/// </summary>
internal static class CompiledQueries
{
    private static readonly ConditionalWeakTable<IModel, Compiled> PerModel = [];

    /// <summary>The profile with this id, untracked (null when absent or another tenant's).</summary>
    public static Task<SelfServiceProfile?> ProfileById(SspDbContext db, string id, CancellationToken cancellationToken) =>
        For(db).ProfileById(db, id, cancellationToken);

    /// <summary>One page of the tenant's profiles, in the contract's order (created_at, then id).</summary>
    public static IAsyncEnumerable<SelfServiceProfile> ProfilePage(SspDbContext db, int skip, int take) => For(db).ProfilePage(db, skip, take);

    /// <summary>How many profiles the tenant has.</summary>
    public static Task<int> ProfileCount(SspDbContext db, CancellationToken cancellationToken) => For(db).ProfileCount(db, cancellationToken);

    /// <summary>The allowed strategies of the profile with this id (null when absent): what issuing a ticket checks.</summary>
    public static Task<List<string>?> ProfileStrategies(SspDbContext db, string id, CancellationToken cancellationToken) =>
        For(db).ProfileStrategies(db, id, cancellationToken);

    /// <summary>The tenant's domain and custom domains (null when the tenant is unknown): a ticket URL's host.</summary>
    public static Task<TenantHosts?> TenantHostsOf(SspDbContext db, string tenantId, CancellationToken cancellationToken) =>
        For(db).TenantHostsOf(db, tenantId, cancellationToken);

    /// <summary>The ticket whose secret has this hash, of any tenant, untracked (the flow's front door).</summary>
    public static Task<SsoTicket?> TicketBySecretHash(SspDbContext db, byte[] secretHash, CancellationToken cancellationToken) =>
        For(db).TicketBySecretHash(db, secretHash, cancellationToken);

    /// <summary>The flow session whose token has this hash, of any tenant, untracked.</summary>
    public static Task<FlowSession?> SessionByTokenHash(SspDbContext db, byte[] tokenHash, CancellationToken cancellationToken) =>
        For(db).SessionByTokenHash(db, tokenHash, cancellationToken);

    /// <summary>The ticket a session was started from (same tenant), untracked.</summary>
    public static Task<SsoTicket?> TicketOfSession(SspDbContext db, Guid ticketId, string tenantId, CancellationToken cancellationToken) =>
        For(db).TicketOfSession(db, ticketId, tenantId, cancellationToken);

    /// <summary>A tenant's hosts and its default ticket lifetime, as <see cref="TenantHostsOf"/> reads them.</summary>
    public sealed record TenantHosts(string Domain, List<string> CustomDomains, int? DefaultTicketLifetimeDays);

    private static Compiled For(SspDbContext db) => PerModel.GetValue(db.Model, _ => new Compiled());

    private sealed class Compiled
    {
        public readonly Func<SspDbContext, string, CancellationToken, Task<SelfServiceProfile?>> ProfileById = EF.CompileAsyncQuery(
            (SspDbContext db, string id, CancellationToken _) => db.Profiles.AsNoTracking().FirstOrDefault(p => p.Id == id)
        );

        public readonly Func<SspDbContext, int, int, IAsyncEnumerable<SelfServiceProfile>> ProfilePage = EF.CompileAsyncQuery(
            (SspDbContext db, int skip, int take) => db.Profiles.AsNoTracking().OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Skip(skip).Take(take)
        );

        public readonly Func<SspDbContext, CancellationToken, Task<int>> ProfileCount = EF.CompileAsyncQuery(
            (SspDbContext db, CancellationToken _) => db.Profiles.Count()
        );

        public readonly Func<SspDbContext, string, CancellationToken, Task<List<string>?>> ProfileStrategies = EF.CompileAsyncQuery(
            (SspDbContext db, string id, CancellationToken _) =>
                db.Profiles.AsNoTracking().Where(p => p.Id == id).Select(p => p.AllowedStrategies).FirstOrDefault()
        );

        public readonly Func<SspDbContext, string, CancellationToken, Task<TenantHosts?>> TenantHostsOf = EF.CompileAsyncQuery(
            (SspDbContext db, string tenantId, CancellationToken _) =>
                db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => new TenantHosts(t.Domain, t.CustomDomains, t.DefaultTicketLifetimeDays)).FirstOrDefault()
        );

        public readonly Func<SspDbContext, byte[], CancellationToken, Task<SsoTicket?>> TicketBySecretHash = EF.CompileAsyncQuery(
            (SspDbContext db, byte[] hash, CancellationToken _) => db.Tickets.IgnoreQueryFilters().AsNoTracking().SingleOrDefault(t => t.SecretHash == hash)
        );

        public readonly Func<SspDbContext, byte[], CancellationToken, Task<FlowSession?>> SessionByTokenHash = EF.CompileAsyncQuery(
            (SspDbContext db, byte[] hash, CancellationToken _) => db.FlowSessions.IgnoreQueryFilters().AsNoTracking().SingleOrDefault(s => s.TokenHash == hash)
        );

        public readonly Func<SspDbContext, Guid, string, CancellationToken, Task<SsoTicket?>> TicketOfSession = EF.CompileAsyncQuery(
            (SspDbContext db, Guid ticketId, string tenantId, CancellationToken _) =>
                db.Tickets.IgnoreQueryFilters().AsNoTracking().SingleOrDefault(t => t.Id == ticketId && t.TenantId == tenantId)
        );
    }
}
