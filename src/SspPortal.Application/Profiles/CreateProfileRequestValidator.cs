using FluentValidation;
using SspPortal.Application.Common.Validation;

namespace SspPortal.Application.Profiles;

/// <summary>POST /self-service-profiles (contract section 2).</summary>
public sealed class CreateProfileRequestValidator : AbstractValidator<CreateProfileRequest>
{
    public CreateProfileRequestValidator()
    {
        RuleFor(r => r.Name).Required("name").StringLength(1, ProfileRules.NameMaxLength).OverridePropertyName("name");
        RuleFor(r => r.Description).StringLength(1, ProfileRules.DescriptionMaxLength).OverridePropertyName("description");
        ProfileFieldRules.UserAttributes(this, r => r.UserAttributes);
        ProfileFieldRules.AllowedStrategies(this, r => r.AllowedStrategies);
        RuleFor(r => r.Branding).SetValidator(new BrandingInputValidator()!).OverridePropertyName("branding");
        ProfileFieldRules.UserAttributeProfileId(this, r => r.UserAttributeProfileId);
        RuleFor(r => r.UserAttributeProfileId)
            .Must((request, id) => id is null || request.UserAttributes is not { Count: > 0 })
            .WithMessage(ProfileRules.UserAttributesExclusiveReason)
            .OverridePropertyName("user_attribute_profile_id");
    }
}
