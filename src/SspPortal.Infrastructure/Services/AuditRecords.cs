using SspPortal.Application.Audit;
using SspPortal.Application.Common;

namespace SspPortal.Infrastructure.Services;

/// <summary>Builds audit entries; the services add them to the same SaveChanges as the change they describe.</summary>
internal static class AuditRecords
{
    private const int ActorMaxLength = 300;
    private const int SummaryMaxLength = 1000;

    public static string Describe(Actor actor) => Clip($"{actor.DisplayName} ({actor.Subject})", ActorMaxLength);

    public static AuditEntry Create(Actor actor, string action, string targetId, string? profileId, DateTime at, string summary) =>
        new()
        {
            TenantId = actor.TenantId,
            Actor = Describe(actor),
            Action = action,
            TargetId = targetId,
            ProfileId = profileId,
            At = at,
            Summary = Clip(summary, SummaryMaxLength),
        };

    /// <summary>A value quoted for a summary, shortened so one entry stays compact.</summary>
    public static string Quote(string? value, int maxLength = 60) =>
        value is null ? "null" : "\"" + (value.Length > maxLength ? value[..maxLength] + "…" : value) + "\"";

    private static string Clip(string value, int maxLength) => value.Length <= maxLength ? value : value[..(maxLength - 1)] + "…";
}
