using System.Globalization;

namespace SspPortal.Web.Api;

/// <summary>A permit decision and the numbers for the <c>X-RateLimit-*</c> headers (reset in Unix epoch seconds).</summary>
public sealed record RateLimitDecision(bool Allowed, int Limit, int Remaining, long ResetEpochSeconds, int RetryAfterSeconds)
{
    /// <summary>Of two budgets a request spent, the one that says more: a refusal, else the fewer permits left.</summary>
    public RateLimitDecision Tighter(RateLimitDecision other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Allowed != other.Allowed)
        {
            return Allowed ? other : this;
        }

        return other.Remaining < Remaining ? other : this;
    }

    /// <summary><c>X-RateLimit-Limit</c>, <c>-Remaining</c>, <c>-Reset</c>, and <c>Retry-After</c> on a refusal.</summary>
    public void WriteHeaders(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers["X-RateLimit-Limit"] = Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Remaining"] = Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset"] = ResetEpochSeconds.ToString(CultureInfo.InvariantCulture);
        if (!Allowed)
        {
            response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }
    }
}
