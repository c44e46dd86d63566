using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SspPortal.Application.SetupFlow;
using SspPortal.Web.SetupFlow.Localization;

namespace SspPortal.Web.SetupFlow.Endpoints;

/// <summary>
/// Runs in front of everything under /self-service: no referrer, no caching, and rate limits per client IP and
/// per tenant (the host a ticket URL was issued for is the tenant's domain or one of its custom domains).
/// </summary>
public sealed partial class SetupFlowGuard : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter;
    private readonly ILogger<SetupFlowGuard> _logger;

    public SetupFlowGuard(IOptions<SetupFlowOptions> options, ILogger<SetupFlowGuard> logger)
    {
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

        using var lease = _limiter.AttemptAcquire(context);
        if (!lease.IsAcquired)
        {
            Log.RateLimited(_logger, context.Request.Host.Host);
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

    private static string TenantKey(HttpContext context) => "tenant:" + context.Request.Host.Host.ToLowerInvariant();

    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Setup flow rate limit reached for host {Host}")]
        public static partial void RateLimited(ILogger logger, string host);
    }
}
