using SspPortal.Application.Common;

namespace SspPortal.Application.Profiles;

/// <summary>Hand-written mapping between the profile entity and what the doors read and send.</summary>
public static class ProfileMapping
{
    public static SelfServiceProfileDto ToDto(this SelfServiceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new SelfServiceProfileDto(
            profile.Id,
            profile.Name,
            profile.Description,
            profile.UserAttributes.Select(a => new UserAttributeDto(a.Name, a.Description, a.IsOptional)).ToList(),
            [.. profile.AllowedStrategies],
            Timestamps.AsUtc(profile.CreatedAt),
            Timestamps.AsUtc(profile.UpdatedAt),
            profile.Branding is null
                ? null
                : new BrandingDto(
                    profile.Branding.LogoUrl,
                    profile.Branding.Colors is null ? null : new BrandingColorsDto(profile.Branding.Colors.Primary)
                ),
            profile.UserAttributeProfileId,
            profile.Version
        );
    }

    /// <summary>Validated user attributes as entities (call only after validation).</summary>
    public static List<UserAttribute> ToEntities(IReadOnlyList<UserAttributeInput?>? inputs) =>
        inputs is null
            ? []
            : inputs
                .Select(a => new UserAttribute
                {
                    Name = a!.Name!,
                    Description = a.Description!,
                    IsOptional = a.IsOptional!.Value,
                })
                .ToList();

    /// <summary>Validated branding as an entity; null or an empty object clears it.</summary>
    public static Branding? ToEntity(BrandingInput? input) =>
        input is null || (input.LogoUrl is null && input.Colors is null)
            ? null
            : new Branding
            {
                LogoUrl = input.LogoUrl,
                Colors = input.Colors is null ? null : new BrandingColors { Primary = input.Colors.Primary! },
            };

    /// <summary>A profile as an update request with every field set, for forms that edit the whole profile.</summary>
    public static UpdateProfileRequest ToUpdateRequest(this SelfServiceProfileDto profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new UpdateProfileRequest
        {
            Name = profile.Name,
            Description = profile.Description,
            UserAttributes = new Optional<IReadOnlyList<UserAttributeInput?>?>(
                profile.UserAttributes.Select(a => (UserAttributeInput?)new UserAttributeInput(a.Name, a.Description, a.IsOptional)).ToList()
            ),
            AllowedStrategies = new Optional<IReadOnlyList<string?>?>(profile.AllowedStrategies.Select(s => (string?)s).ToList()),
            Branding = profile.Branding is null
                ? new Optional<BrandingInput?>(null)
                : new BrandingInput(
                    profile.Branding.LogoUrl,
                    profile.Branding.Colors is null ? null : new BrandingColorsInput(profile.Branding.Colors.Primary)
                ),
            UserAttributeProfileId = profile.UserAttributeProfileId,
            ExpectedVersion = profile.Version,
        };
    }
}
