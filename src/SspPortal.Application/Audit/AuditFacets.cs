namespace SspPortal.Application.Audit;

/// <summary>The values the audit log's action and actor filters offer: those that occur in the tenant's log.</summary>
public sealed record AuditFacets(IReadOnlyList<string> Actions, IReadOnlyList<string> Actors);
