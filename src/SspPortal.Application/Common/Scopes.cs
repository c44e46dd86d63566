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

    /// <summary>Disable, enable, delete and release connections (the Management API's own scope names).</summary>
    public const string UpdateConnections = "update:connections";
    public const string DeleteConnections = "delete:connections";

    /// <summary>Portal-only: change the tenant's settings (callback URL, entity-id template, default ticket lifetime).</summary>
    public const string UpdateTenantSettings = "update:tenant_settings";

    private static readonly HashSet<string> ViewerSet =
        [ReadProfiles, ReadCustomTexts, ReadConnections, ReadTickets, ReadAudit];

    /// <summary>Editors edit profiles and custom text and issue (and revoke) tickets.</summary>
    private static readonly HashSet<string> EditorSet =
    [
        .. ViewerSet,
        CreateProfiles,
        UpdateProfiles,
        UpdateCustomTexts,
        CreateTickets,
        DeleteTickets,
    ];

    /// <summary>Admins do what editors do and manage settings, connections and the deletion of profiles.</summary>
    private static readonly HashSet<string> AdminSet =
    [
        .. EditorSet,
        DeleteProfiles,
        UpdateConnections,
        DeleteConnections,
        UpdateTenantSettings,
    ];

    public static IReadOnlySet<string> ForRole(PortalRole role) =>
        role switch
        {
            PortalRole.Viewer => ViewerSet,
            PortalRole.Editor => EditorSet,
            PortalRole.Admin => AdminSet,
            _ => throw new ArgumentOutOfRangeException(nameof(role)),
        };

    /// <summary>The message the service gives an actor without the permission.</summary>
    public static string Insufficient(string scope) => $"Insufficient scope, expected any of: {scope}";
}
