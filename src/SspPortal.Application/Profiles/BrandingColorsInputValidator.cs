using FluentValidation;
using SspPortal.Application.Common.Validation;

namespace SspPortal.Application.Profiles;

/// <summary><c>branding.colors</c>.</summary>
public sealed class BrandingColorsInputValidator : AbstractValidator<BrandingColorsInput>
{
    public BrandingColorsInputValidator() =>
        RuleFor(c => c.Primary)
            .Required("primary")
            .MatchesPattern(ProfileRules.Color(), ProfileRules.ColorPattern)
            .OverridePropertyName("primary");
}
