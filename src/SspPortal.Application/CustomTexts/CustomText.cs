using SspPortal.Application.Common;

namespace SspPortal.Application.CustomTexts;

/// <summary>A profile's custom text for one language and one page of the flow.</summary>
public sealed class CustomText : ITenantOwned
{
    public required string TenantId { get; init; }

    public required string ProfileId { get; init; }

    public required string Language { get; init; }

    public required string Page { get; init; }

    public Dictionary<string, string> Entries { get; set; } = [];

    public DateTime UpdatedAt { get; set; }
}
