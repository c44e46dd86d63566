using SspPortal.Application.Common;

namespace SspPortal.Application.Profiles;

/// <summary>A profile as every door reads it.</summary>
public sealed record SelfServiceProfileDto(
    string Id,
    string Name,
    string? Description,
    IReadOnlyList<UserAttributeDto> UserAttributes,
    IReadOnlyList<string> AllowedStrategies,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    BrandingDto? Branding,
    string? UserAttributeProfileId,
    Guid Version
);

public sealed record UserAttributeDto(string Name, string Description, bool IsOptional);

public sealed record BrandingDto(string? LogoUrl, BrandingColorsDto? Colors);

public sealed record BrandingColorsDto(string Primary);

/// <summary>A user attribute as sent; every field may be missing so that validation can say which.</summary>
public sealed record UserAttributeInput(string? Name, string? Description, bool? IsOptional);

public sealed record BrandingInput(string? LogoUrl, BrandingColorsInput? Colors);

public sealed record BrandingColorsInput(string? Primary);

/// <summary>POST /self-service-profiles.</summary>
public sealed record CreateProfileRequest
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<UserAttributeInput?>? UserAttributes { get; init; }

    /// <summary>Omitted means all ten strategies.</summary>
    public IReadOnlyList<string?>? AllowedStrategies { get; init; }

    public BrandingInput? Branding { get; init; }

    public string? UserAttributeProfileId { get; init; }
}

/// <summary>PATCH /self-service-profiles/{id}: absent fields stay, <c>null</c> clears where the contract allows it.</summary>
public sealed record UpdateProfileRequest
{
    public Optional<string?> Name { get; init; }

    public Optional<string?> Description { get; init; }

    public Optional<IReadOnlyList<UserAttributeInput?>?> UserAttributes { get; init; }

    public Optional<IReadOnlyList<string?>?> AllowedStrategies { get; init; }

    public Optional<BrandingInput?> Branding { get; init; }

    public Optional<string?> UserAttributeProfileId { get; init; }

    /// <summary>
    /// The version the editor started from. The portal sends it (a mismatch is a Conflict);
    /// the API leaves it null and is last-writer-wins like the contract.
    /// </summary>
    public Guid? ExpectedVersion { get; init; }
}

/// <summary>The profiles use cases, shared by the portal, the API and the flow.</summary>
public interface ISelfServiceProfileService
{
    Task<Result<PagedList<SelfServiceProfileDto>>> ListAsync(Actor actor, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>One page of profiles in the asked order, optionally only those whose name contains the search text.</summary>
    Task<Result<PagedList<SelfServiceProfileDto>>> ListAsync(Actor actor, ProfileListQuery query, CancellationToken cancellationToken = default);

    Task<Result<SelfServiceProfileDto>> GetAsync(Actor actor, string id, CancellationToken cancellationToken = default);

    Task<Result<SelfServiceProfileDto>> CreateAsync(Actor actor, CreateProfileRequest request, CancellationToken cancellationToken = default);

    Task<Result<SelfServiceProfileDto>> UpdateAsync(
        Actor actor,
        string id,
        UpdateProfileRequest request,
        CancellationToken cancellationToken = default
    );

    /// <summary>Deletes the profile, its custom text, and revokes its tickets. Ok also when it does not exist.</summary>
    Task<Result> DeleteAsync(Actor actor, string id, CancellationToken cancellationToken = default);

    /// <summary>How many more profiles this tenant may create, and its limit.</summary>
    Task<Result<ProfileQuota>> GetQuotaAsync(Actor actor, CancellationToken cancellationToken = default);
}

public sealed record ProfileQuota(int Used, int Limit)
{
    public bool CanCreate => Used < Limit;
}
