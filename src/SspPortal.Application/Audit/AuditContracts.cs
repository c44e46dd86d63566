using SspPortal.Application.Common;

namespace SspPortal.Application.Audit;

public sealed record AuditEntryDto(long Id, string Actor, string Action, string TargetId, string? ProfileId, DateTime At, string Summary);

/// <summary>Reads the audit log. Entries are written by the services in the same transaction as the change.</summary>
public interface IAuditLogService
{
    Task<Result<IReadOnlyList<AuditEntryDto>>> ListAsync(
        Actor actor,
        string? profileId,
        int limit = 200,
        CancellationToken cancellationToken = default
    );
}
