using SspPortal.Application.Common;

namespace SspPortal.Application.Audit;

public sealed record AuditEntryDto(long Id, string Actor, string Action, string TargetId, string? ProfileId, DateTime At, string Summary);

/// <summary>Reads the audit log. Entries are written by the services in the same transaction as the change.</summary>
public interface IAuditLogService
{
    /// <summary>One page of the tenant's audit log, filtered and sorted by time as asked, with the total.</summary>
    Task<Result<PagedList<AuditEntryDto>>> ListAsync(Actor actor, AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>The actions and actors that occur in the tenant's log, for the filters.</summary>
    Task<Result<AuditFacets>> FacetsAsync(Actor actor, CancellationToken cancellationToken = default);
}
