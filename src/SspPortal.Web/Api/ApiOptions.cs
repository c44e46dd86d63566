using System.ComponentModel.DataAnnotations;

namespace SspPortal.Web.Api;

/// <summary>The <c>Api</c> settings section.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>The access-token claim that names the tenant.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Api:TenantClaimType must not be empty.")]
    public string TenantClaimType { get; set; } = "ssp_tenant";
}
