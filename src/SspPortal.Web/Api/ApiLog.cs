namespace SspPortal.Web.Api;

/// <summary>The API's log messages (event ids 3100–3199). Tokens and ticket ids are never logged.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "API bearer token rejected ({FailureType}).")]
    public static partial void TokenRejected(ILogger logger, string failureType);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "API token names an unknown tenant '{TenantId}'.")]
    public static partial void UnknownTenant(ILogger logger, string tenantId);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "API token carries no tenant claim '{ClaimType}'.")]
    public static partial void MissingTenant(ILogger logger, string claimType);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "API rate limit reached for tenant '{TenantId}'.")]
    public static partial void RateLimited(ILogger logger, string tenantId);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Error, Message = "Unhandled exception in API request {Method} {Route}.")]
    public static partial void UnhandledException(ILogger logger, Exception exception, string method, string route);

    [LoggerMessage(
        EventId = 3106,
        Level = LogLevel.Warning,
        Message = "Unhandled exception in API request {Method} {Route} after the response started."
    )]
    public static partial void UnhandledExceptionAfterStart(ILogger logger, Exception exception, string method, string route);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Warning, Message = "API token's tenant claim '{ClaimType}' is not a single string.")]
    public static partial void TenantClaimNotOneString(ILogger logger, string claimType);
}
