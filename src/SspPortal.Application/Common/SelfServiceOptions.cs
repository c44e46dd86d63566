using System.ComponentModel.DataAnnotations;

namespace SspPortal.Application.Common;

/// <summary>The <c>SelfService</c> settings section.</summary>
public sealed class SelfServiceOptions
{
    public const string SectionName = "SelfService";

    /// <summary>How many profiles a tenant may have (contract: 1 as the seed documents say; Auth0 today allows 20).</summary>
    [Range(1, 20, ErrorMessage = "SelfService:MaxProfilesPerTenant must be between 1 and 20.")]
    public int MaxProfilesPerTenant { get; set; } = 1;
}
