namespace SspPortal.Web.Authentication;

/// <summary>Sign-in events. Never logs tokens, codes or secrets.</summary>
internal static partial class AuthenticationLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Signed in ({Method}) to tenant {TenantId} as {Role}; access problem: {AccessProblem}")]
    public static partial void SignedIn(ILogger logger, string method, string? tenantId, string? role, string? accessProblem);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "OpenID Connect sign-in ({Scheme}) failed: {Reason}")]
    public static partial void OidcSignInFailed(ILogger logger, string scheme, string reason);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "The provider ({Scheme}) publishes no end-session endpoint; signed out locally only")]
    public static partial void EndSessionUnavailable(ILogger logger, string scheme);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning, Message = "The development sign-in is in use: never use it outside a developer's machine")]
    public static partial void DevelopmentSignInActive(ILogger logger);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Error, Message = "The OpenID provider's discovery document could not be loaded ({Scheme})")]
    public static partial void DiscoveryFailed(ILogger logger, string scheme, Exception exception);
}
