using System.Threading.RateLimiting;

namespace SspPortal.Web.Api;

/// <summary>
/// A request budget per key (a tenant, a client IP) in fixed windows, on the in-box
/// <see cref="PartitionedRateLimiter"/> with a <see cref="FixedWindowRateLimiter"/> per partition. The API and the
/// setup flow both use it, so that their 429s carry the same <c>X-RateLimit-*</c> numbers.
/// </summary>
/// <remarks>
/// Windows are aligned to the injected <see cref="TimeProvider"/>: window <c>n</c> covers
/// <c>[n × length, (n + 1) × length)</c> of Unix time, and the partition is the key together with <c>n</c>, so a new
/// window is a new partition with the full budget and <c>X-RateLimit-Reset</c> is its exact end. The in-box limiters
/// replenish on real time only; here each one lives for a single window of the clock (its own window has the same
/// length and it is never replenished while that window lasts), and the partitioned limiter drops it once it is idle.
/// The limit and the length are part of the partition, so a changed setting takes effect with the next request.
/// </remarks>
public sealed class RateLimitBudget(TimeProvider clock) : IDisposable
{
    private readonly PartitionedRateLimiter<Partition> _limiter = PartitionedRateLimiter.Create<Partition, Partition>(partition =>
        RateLimitPartition.GetFixedWindowLimiter(
            partition,
            p => new FixedWindowRateLimiterOptions
            {
                PermitLimit = p.PermitLimit,
                Window = p.Length,
                QueueLimit = 0,
                AutoReplenishment = false,
            }
        )
    );

    /// <summary>Takes one permit of <paramref name="key"/>'s current window of <paramref name="window"/>.</summary>
    public RateLimitDecision Acquire(string key, int permitLimit, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.FromSeconds(1));

        var now = clock.GetUtcNow();
        var length = (long)window.TotalMilliseconds;
        var index = Math.DivRem(now.ToUnixTimeMilliseconds(), length, out var into);
        if (into < 0)
        {
            index--;
        }

        var partition = new Partition(key, index, permitLimit, window);
        var reset = DateTimeOffset.FromUnixTimeMilliseconds((index + 1) * length);
        using var lease = _limiter.AttemptAcquire(partition);
        var remaining = (int)Math.Min(_limiter.GetStatistics(partition)?.CurrentAvailablePermits ?? 0, permitLimit);
        var retryAfter = Math.Max(1, (int)Math.Ceiling((reset - now).TotalSeconds));
        return new RateLimitDecision(lease.IsAcquired, permitLimit, lease.IsAcquired ? remaining : 0, reset.ToUnixTimeSeconds(), retryAfter);
    }

    public void Dispose() => _limiter.Dispose();

    /// <summary>A key's budget in one window of the clock.</summary>
    public readonly record struct Partition(string Key, long Window, int PermitLimit, TimeSpan Length);
}
