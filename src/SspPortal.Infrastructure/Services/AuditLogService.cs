using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SspPortal.Application.Audit;
using SspPortal.Application.Common;
using SspPortal.Application.Common.Validation;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Infrastructure.Services;

/// <summary>Reads the tenant's audit log a page at a time.</summary>
internal sealed class AuditLogService(SspDbContextFactory contexts, IValidator<AuditQuery> validator) : IAuditLogService
{
    public async Task<Result<PagedList<AuditEntryDto>>> ListAsync(Actor actor, AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        if (!actor.Can(Scopes.ReadAudit))
        {
            return Result.Forbidden(Scopes.Insufficient(Scopes.ReadAudit)).As<PagedList<AuditEntryDto>>();
        }

        var validation = validator.ValidateToResult(query, ErrorCodes.InvalidQueryString);
        if (!validation.IsOk)
        {
            return validation.As<PagedList<AuditEntryDto>>();
        }

        await using var db = contexts.ForTenant(actor.TenantId);
        var entries = Filter(db.AuditEntries.AsNoTracking(), query);
        int? total = query.Page.IncludeTotals ? await entries.CountAsync(cancellationToken) : null;
        var ordered = query.Descending
            ? entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            : entries.OrderBy(a => a.At).ThenBy(a => a.Id);
        var skip = (long)query.Page.Page * query.Page.PerPage;
        var page =
            skip > int.MaxValue
                ? []
                : await ordered
                    .Skip((int)skip)
                    .Take(query.Page.PerPage)
                    .Select(a => new AuditEntryDto(a.Id, a.Actor, a.Action, a.TargetId, a.ProfileId, a.At, a.Summary))
                    .ToListAsync(cancellationToken);
        return new PagedList<AuditEntryDto>(
            page.Select(e => e with { At = Timestamps.AsUtc(e.At) }).ToList(),
            (int)Math.Min(skip, int.MaxValue),
            query.Page.PerPage,
            total
        );
    }

    public async Task<Result<AuditFacets>> FacetsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Can(Scopes.ReadAudit))
        {
            return Result.Forbidden(Scopes.Insufficient(Scopes.ReadAudit)).As<AuditFacets>();
        }

        await using var db = contexts.ForTenant(actor.TenantId);
        var actions = await db.AuditEntries.AsNoTracking().Select(a => a.Action).Distinct().ToListAsync(cancellationToken);
        var actors = await db.AuditEntries.AsNoTracking().Select(a => a.Actor).Distinct().ToListAsync(cancellationToken);
        // Sorted here, so that every engine gives the same order whatever its collation.
        return new AuditFacets([.. actions.Order(StringComparer.Ordinal)], [.. actors.Order(StringComparer.OrdinalIgnoreCase)]);
    }

    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> entries, AuditQuery query)
    {
        if (query.ProfileId is { } profileId)
        {
            entries = entries.Where(a => a.ProfileId == profileId);
        }

        if (query.Action is { } action)
        {
            entries = entries.Where(a => a.Action == action);
        }

        if (query.ActorName is { } actorName)
        {
            entries = entries.Where(a => a.Actor == actorName);
        }

        if (query.From is { } from)
        {
            var fromUtc = ListRules.Utc(from);
            entries = entries.Where(a => a.At >= fromUtc);
        }

        if (query.To is { } to)
        {
            var toUtc = ListRules.Utc(to);
            entries = entries.Where(a => a.At < toUtc);
        }

        if (ListRules.Term(query.Search) is { } term)
        {
            var lowered = term.ToLowerInvariant();
            entries = entries.Where(a => a.Summary.ToLower().Contains(lowered) || a.TargetId == term);
        }

        return entries;
    }
}
