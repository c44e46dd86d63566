using SspPortal.Application.Common;

namespace SspPortal.Application.Audit;

/// <summary>One mutation: who did what to which target, and when. Never a ticket id or a secret.</summary>
public sealed class AuditEntry : ITenantOwned
{
    public long Id { get; init; }

    public required string TenantId { get; init; }

    /// <summary>The actor's display name and subject, e.g. <c>Ada (api:client-1)</c>.</summary>
    public required string Actor { get; init; }

    /// <summary>A dotted action name, e.g. <c>profile.created</c>, <c>ticket.revoked</c>.</summary>
    public required string Action { get; init; }

    /// <summary>The id of what changed (profile id, connection id, or the ticket's internal id).</summary>
    public required string TargetId { get; init; }

    /// <summary>The profile the change belongs to, for filtering.</summary>
    public string? ProfileId { get; init; }

    public DateTime At { get; init; }

    /// <summary>A short, human summary of the change.</summary>
    public required string Summary { get; init; }
}
