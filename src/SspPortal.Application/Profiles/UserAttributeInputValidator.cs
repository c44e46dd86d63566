using FluentValidation;
using SspPortal.Application.Common.Validation;

namespace SspPortal.Application.Profiles;

/// <summary>One item of <c>user_attributes</c>.</summary>
public sealed class UserAttributeInputValidator : AbstractValidator<UserAttributeInput>
{
    public UserAttributeInputValidator()
    {
        RuleFor(a => a.Name)
            .Required("name")
            .StringLength(1, ProfileRules.UserAttributeFieldMaxLength)
            .OverridePropertyName("name");
        RuleFor(a => a.Description)
            .Required("description")
            .StringLength(1, ProfileRules.UserAttributeFieldMaxLength)
            .OverridePropertyName("description");
        RuleFor(a => a.IsOptional).Required("is_optional").OverridePropertyName("is_optional");
    }
}
