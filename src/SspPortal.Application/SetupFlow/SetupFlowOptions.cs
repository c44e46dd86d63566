using System.ComponentModel.DataAnnotations;

namespace SspPortal.Application.SetupFlow;

/// <summary>The <c>SetupFlow</c> settings section.</summary>
public sealed class SetupFlowOptions
{
    public const string SectionName = "SetupFlow";

    /// <summary>Lets outbound fetches (discovery, keys, metadata, token) reach loopback addresses over http. Tests only.</summary>
    public bool AllowLoopbackFetches { get; set; }

    [Range(1, 60, ErrorMessage = "SetupFlow:FetchTimeoutSeconds must be between 1 and 60.")]
    public int FetchTimeoutSeconds { get; set; } = 5;

    [Range(1024, 10 * 1024 * 1024, ErrorMessage = "SetupFlow:MaxFetchBytes must be between 1 KiB and 10 MiB.")]
    public int MaxFetchBytes { get; set; } = 512 * 1024;

    /// <summary>Requests to /self-service/* per client IP per minute.</summary>
    [Range(1, 10_000_000, ErrorMessage = "SetupFlow:PerIpRequestsPerMinute must be between 1 and 10000000.")]
    public int PerIpRequestsPerMinute { get; set; } = 60;

    /// <summary>Requests to /self-service/* per tenant per minute.</summary>
    [Range(1, 10_000_000, ErrorMessage = "SetupFlow:PerTenantRequestsPerMinute must be between 1 and 10000000.")]
    public int PerTenantRequestsPerMinute { get; set; } = 600;
}
