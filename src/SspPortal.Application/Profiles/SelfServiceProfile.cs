using SspPortal.Application.Common;

namespace SspPortal.Application.Profiles;

/// <summary>How a tenant's customers may set up single sign-on (contract section 2).</summary>
public sealed class SelfServiceProfile : ITenantOwned
{
    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public List<UserAttribute> UserAttributes { get; set; } = [];

    public List<string> AllowedStrategies { get; set; } = [];

    public Branding? Branding { get; set; }

    public string? UserAttributeProfileId { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic-concurrency token: changes on every write.</summary>
    public Guid Version { get; set; }
}

/// <summary>A user attribute the customer's IdP should send.</summary>
public sealed class UserAttribute
{
    public required string Name { get; set; }

    public required string Description { get; set; }

    public bool IsOptional { get; set; }
}

/// <summary>A profile's look in the setup flow.</summary>
public sealed class Branding
{
    public string? LogoUrl { get; set; }

    public BrandingColors? Colors { get; set; }
}

public sealed class BrandingColors
{
    public required string Primary { get; set; }
}
