using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SspPortal.Web.Api;

/// <summary>
/// The per-tenant fixed-window budget of the API. It is applied after the bearer token and its tenant are
/// validated (the framework's rate-limiting middleware runs before the API's scheme authenticates, so it cannot
/// know the tenant without trusting an unvalidated token). Windows follow the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class TenantRateLimiter(IOptionsMonitor<ApiRateLimitOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Takes one permit of the tenant's current window.</summary>
    public RateLimitDecision Acquire(string tenantId)
    {
        var settings = options.CurrentValue;
        var length = TimeSpan.FromSeconds(settings.WindowSeconds);
        var now = clock.GetUtcNow();
        var window = _windows.GetOrAdd(tenantId, static _ => new Window());
        lock (window)
        {
            if (now >= window.Start + length || now < window.Start)
            {
                window.Start = now;
                window.Used = 0;
            }

            var reset = (window.Start + length).ToUnixTimeSeconds();
            if (window.Used >= settings.PermitLimit)
            {
                var retryAfter = Math.Max(1, (int)Math.Ceiling((window.Start + length - now).TotalSeconds));
                return new RateLimitDecision(false, settings.PermitLimit, 0, reset, retryAfter);
            }

            window.Used++;
            return new RateLimitDecision(true, settings.PermitLimit, settings.PermitLimit - window.Used, reset, 0);
        }
    }

    private sealed class Window
    {
        public DateTimeOffset Start { get; set; } = DateTimeOffset.MinValue;

        public int Used { get; set; }
    }
}

/// <summary>A permit decision and the numbers for the <c>X-RateLimit-*</c> headers.</summary>
public sealed record RateLimitDecision(bool Allowed, int Limit, int Remaining, long ResetEpochSeconds, int RetryAfterSeconds)
{
    public void WriteHeaders(HttpResponse response)
    {
        response.Headers["X-RateLimit-Limit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Remaining"] = Remaining.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset"] = ResetEpochSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!Allowed)
        {
            response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
