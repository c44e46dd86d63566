using Microsoft.Extensions.Logging;

namespace SspPortal.Infrastructure.Services;

/// <summary>The services' log events (fixed ids). Ticket secrets and URLs are never logged.</summary>
internal static partial class ServiceLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Profile {ProfileId} created in tenant {TenantId}")]
    public static partial void ProfileCreated(this ILogger logger, string profileId, string tenantId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Profile {ProfileId} updated in tenant {TenantId}")]
    public static partial void ProfileUpdated(this ILogger logger, string profileId, string tenantId);

    [LoggerMessage(
        EventId = 2003,
        Level = LogLevel.Information,
        Message = "Profile {ProfileId} deleted in tenant {TenantId}; {TicketCount} tickets revoked"
    )]
    public static partial void ProfileDeleted(this ILogger logger, string profileId, string tenantId, int ticketCount);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Concurrent change to profile {ProfileId} in tenant {TenantId} refused")]
    public static partial void ProfileConcurrencyConflict(this ILogger logger, string profileId, string tenantId);

    [LoggerMessage(
        EventId = 2010,
        Level = LogLevel.Information,
        Message = "Custom text of profile {ProfileId} for {Language}/{Page} saved in tenant {TenantId}"
    )]
    public static partial void CustomTextSaved(this ILogger logger, string profileId, string language, string page, string tenantId);

    [LoggerMessage(
        EventId = 2020,
        Level = LogLevel.Information,
        Message = "Ticket {TicketId} issued for profile {ProfileId} in tenant {TenantId}, expires {ExpiresAt:o}"
    )]
    public static partial void TicketIssued(this ILogger logger, Guid ticketId, string profileId, string tenantId, DateTime expiresAt);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Information, Message = "Ticket {TicketId} of profile {ProfileId} revoked in tenant {TenantId}")]
    public static partial void TicketRevoked(this ILogger logger, Guid ticketId, string profileId, string tenantId);

    [LoggerMessage(EventId = 2022, Level = LogLevel.Information, Message = "Connection {ConnectionId} reserved in tenant {TenantId}")]
    public static partial void ConnectionReserved(this ILogger logger, string connectionId, string tenantId);

    [LoggerMessage(EventId = 2023, Level = LogLevel.Information, Message = "Connection {ConnectionId} {Change} in tenant {TenantId}")]
    public static partial void ConnectionChanged(this ILogger logger, string connectionId, string change, string tenantId);

    [LoggerMessage(EventId = 2030, Level = LogLevel.Information, Message = "Settings of tenant {TenantId} changed")]
    public static partial void TenantSettingsUpdated(this ILogger logger, string tenantId);

    [LoggerMessage(EventId = 2099, Level = LogLevel.Warning, Message = "Tenant {TenantId} is not registered")]
    public static partial void UnknownTenant(this ILogger logger, string tenantId);
}
