using FluentValidation;
using SspPortal.Application.Common.Validation;

namespace SspPortal.Application.Profiles;

/// <summary>
/// PATCH /self-service-profiles/{id} (contract section 2): only the fields sent are checked; <c>name</c> and
/// <c>allowed_strategies</c> cannot be null, the other optional fields clear on null.
/// </summary>
public sealed class UpdateProfileRequestValidator : AbstractValidator<UpdateProfileRequest>
{
    public UpdateProfileRequestValidator()
    {
        When(
            r => r.Name.HasValue,
            () =>
                RuleFor(r => r.Name.Value)
                    .NotNullValue("string")
                    .StringLength(1, ProfileRules.NameMaxLength)
                    .OverridePropertyName("name")
        );
        When(
            r => r.Description.HasValue,
            () => RuleFor(r => r.Description.Value).StringLength(1, ProfileRules.DescriptionMaxLength).OverridePropertyName("description")
        );
        When(r => r.UserAttributes.HasValue, () => ProfileFieldRules.UserAttributes(this, r => r.UserAttributes.Value));
        When(
            r => r.AllowedStrategies.HasValue,
            () =>
            {
                RuleFor(r => r.AllowedStrategies.Value).NotNullValue("array").OverridePropertyName("allowed_strategies");
                ProfileFieldRules.AllowedStrategies(this, r => r.AllowedStrategies.Value);
            }
        );
        When(
            r => r.Branding.HasValue,
            () => RuleFor(r => r.Branding.Value).SetValidator(new BrandingInputValidator()!).OverridePropertyName("branding")
        );
        When(
            r => r.UserAttributeProfileId.HasValue,
            () =>
            {
                ProfileFieldRules.UserAttributeProfileId(this, r => r.UserAttributeProfileId.Value);
                RuleFor(r => r.UserAttributeProfileId.Value)
                    .Must((request, id) => id is null || !request.UserAttributes.HasValue || request.UserAttributes.Value is not { Count: > 0 })
                    .WithMessage(ProfileRules.UserAttributesExclusiveReason)
                    .OverridePropertyName("user_attribute_profile_id");
            }
        );
    }
}
