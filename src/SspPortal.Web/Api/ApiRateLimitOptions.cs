using System.ComponentModel.DataAnnotations;

namespace SspPortal.Web.Api;

/// <summary>The per-tenant request budget of the API (<c>Api:RateLimit</c>): fixed windows aligned to the clock (see <see cref="RateLimitBudget"/>).</summary>
public sealed class ApiRateLimitOptions
{
    public const string SectionName = "Api:RateLimit";

    /// <summary>Requests a tenant may make per window.</summary>
    [Range(1, 10_000_000, ErrorMessage = "Api:RateLimit:PermitLimit must be between 1 and 10000000.")]
    public int PermitLimit { get; set; } = 6000;

    /// <summary>The window length in seconds.</summary>
    [Range(1, 86_400, ErrorMessage = "Api:RateLimit:WindowSeconds must be between 1 and 86400.")]
    public int WindowSeconds { get; set; } = 60;
}
