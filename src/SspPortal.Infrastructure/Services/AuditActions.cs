namespace SspPortal.Infrastructure.Services;

/// <summary>The audit actions the services write.</summary>
internal static class AuditActions
{
    public const string ProfileCreated = "profile.created";
    public const string ProfileUpdated = "profile.updated";
    public const string ProfileDeleted = "profile.deleted";
    public const string CustomTextUpdated = "custom_text.updated";
    public const string CustomTextReset = "custom_text.reset";
    public const string TicketIssued = "ticket.issued";
    public const string TicketRevoked = "ticket.revoked";
    public const string ConnectionReserved = "connection.reserved";
    public const string ConnectionReleased = "connection.released";
    public const string ConnectionDisabled = "connection.disabled";
    public const string ConnectionEnabled = "connection.enabled";
    public const string ConnectionDeleted = "connection.deleted";
    public const string TenantSettingsUpdated = "tenant.settings_updated";
}
