using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SspPortal.Application.SetupFlow;
using SspPortal.Web.SetupFlow.Localization;

namespace SspPortal.Web.SetupFlow.Endpoints;

/// <summary>
/// Runs in front of everything under /self-service: no referrer, no caching, and rate limits per client IP and
/// per tenant. The tenant is the one whose domain (or custom domain) the request's host is; every host that is no
/// tenant's shares one budget, so a client cannot escape the limit, or spend a tenant's, by inventing hosts.
/// </summary>
public sealed partial class SetupFlowGuard : IDisposable
{
    private const string TenantKeyItem = "SspPortal.SetupFlow.TenantKey";
    private const string UnknownHostKey = "unknown-host";

    private readonly PartitionedRateLimiter<HttpContext> _limiter;
    private readonly TenantHostMap _hosts;
    private readonly ILogger<SetupFlowGuard> _logger;

    public SetupFlowGuard(IOptions<SetupFlowOptions> options, TenantHostMap hosts, ILogger<SetupFlowGuard> logger)
    {
        _hosts = hosts;
        _logger = logger;
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(ClientIp(context), _ => Window(settings.PerIpRequestsPerMinute))
            ),
            PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(TenantKey(context), _ => Window(settings.PerTenantRequestsPerMinute))
            )
        );
    }

    public static bool Applies(HttpContext context) => context.Request.Path.StartsWithSegments("/self-service", StringComparison.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["Referrer-Policy"] = "no-referrer";
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
            headers["X-Robots-Tag"] = "noindex";
            headers.XContentTypeOptions = "nosniff";
            return Task.CompletedTask;
        });

        var tenantId = await _hosts.TenantForHostAsync(context.Request.Host.Value ?? "", context.RequestAborted);
        context.Items[TenantKeyItem] = tenantId is null ? UnknownHostKey : "tenant:" + tenantId;
        using var lease = _limiter.AttemptAcquire(context);
        if (!lease.IsAcquired)
        {
            Log.RateLimited(_logger, tenantId ?? UnknownHostKey);
            if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            var page = new RazorComponentResult<Pages.MessageDocument>(
                new { Language = FlowLanguages.Resolve(context), TitleKey = "ratelimited.title", BodyKey = "ratelimited.body", TestId = "rate-limited" }
            )
            {
                StatusCode = StatusCodes.Status429TooManyRequests,
            };
            await page.ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    public void Dispose() => _limiter.Dispose();

    private static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };

    private static string ClientIp(HttpContext context) => "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static string TenantKey(HttpContext context) => context.Items[TenantKeyItem] as string ?? UnknownHostKey;

    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Setup flow rate limit reached for tenant {TenantId}")]
        public static partial void RateLimited(ILogger logger, string tenantId);
    }
}
