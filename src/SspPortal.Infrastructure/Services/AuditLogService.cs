using Microsoft.EntityFrameworkCore;
using SspPortal.Application.Audit;
using SspPortal.Application.Common;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Infrastructure.Services;

/// <summary>Reads the tenant's audit log, newest first.</summary>
internal sealed class AuditLogService(SspDbContextFactory contexts) : IAuditLogService
{
    internal const int MaxLimit = 1000;

    public async Task<Result<IReadOnlyList<AuditEntryDto>>> ListAsync(
        Actor actor,
        string? profileId,
        int limit = 200,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Can(Scopes.ReadAudit))
        {
            return Result.Forbidden(Scopes.Insufficient(Scopes.ReadAudit)).As<IReadOnlyList<AuditEntryDto>>();
        }

        if (profileId is not null && PathValues.CheckProfileId(profileId) is { } badId)
        {
            return badId.As<IReadOnlyList<AuditEntryDto>>();
        }

        await using var db = contexts.ForTenant(actor.TenantId);
        var query = db.AuditEntries.AsNoTracking();
        if (profileId is not null)
        {
            query = query.Where(a => a.ProfileId == profileId);
        }

        var entries = await query
            .OrderByDescending(a => a.At)
            .ThenByDescending(a => a.Id)
            .Take(Math.Clamp(limit, 1, MaxLimit))
            .Select(a => new AuditEntryDto(a.Id, a.Actor, a.Action, a.TargetId, a.ProfileId, a.At, a.Summary))
            .ToListAsync(cancellationToken);
        return entries.Select(e => e with { At = Timestamps.AsUtc(e.At) }).ToList();
    }
}
