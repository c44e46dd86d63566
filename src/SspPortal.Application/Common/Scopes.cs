namespace SspPortal.Application.Common;

/// <summary>Permissions are the API's scope names; portal roles map onto sets of them.</summary>
public static class Scopes
{
    public const string ReadProfiles = "read:self_service_profiles";
    public const string CreateProfiles = "create:self_service_profiles";
    public const string UpdateProfiles = "update:self_service_profiles";
    public const string DeleteProfiles = "delete:self_service_profiles";
    public const string ReadCustomTexts = "read:self_service_profile_custom_texts";
    public const string UpdateCustomTexts = "update:self_service_profile_custom_texts";
    public const string CreateTickets = "create:sso_access_tickets";
    public const string DeleteTickets = "delete:sso_access_tickets";
    public const string ReadConnections = "read:connections";
    public const string ReadConnectionSecrets = "read:connection_secrets";

    /// <summary>Portal-only: read the ticket list and the audit log.</summary>
    public const string ReadTickets = "read:sso_access_tickets";
    public const string ReadAudit = "read:audit_log";

    private static readonly HashSet<string> ViewerSet =
        [ReadProfiles, ReadCustomTexts, ReadConnections, ReadTickets, ReadAudit];

    private static readonly HashSet<string> EditorSet =
    [
        .. ViewerSet,
        CreateProfiles,
        UpdateProfiles,
        DeleteProfiles,
        UpdateCustomTexts,
        CreateTickets,
        DeleteTickets,
    ];

    public static IReadOnlySet<string> ForRole(PortalRole role) =>
        role switch
        {
            PortalRole.Viewer => ViewerSet,
            PortalRole.Editor or PortalRole.Admin => EditorSet,
            _ => throw new ArgumentOutOfRangeException(nameof(role)),
        };

    /// <summary>The message the service gives an actor without the permission.</summary>
    public static string Insufficient(string scope) => $"Insufficient scope, expected any of: {scope}";
}
