using FluentValidation;
using SspPortal.Application.Common.Validation;

namespace SspPortal.Application.Profiles;

/// <summary><c>branding</c>.</summary>
public sealed class BrandingInputValidator : AbstractValidator<BrandingInput>
{
    public BrandingInputValidator()
    {
        RuleFor(b => b.LogoUrl)
            .StringLength(1, ProfileRules.LogoUrlMaxLength)
            .Must(url => url is null || url.Length > ProfileRules.LogoUrlMaxLength || WireRules.IsHttpsUrl(url))
            .WithMessage("String is not a valid https URL (it must start with https:// and be an absolute URI)")
            .OverridePropertyName("logo_url");
        RuleFor(b => b.Colors).SetValidator(new BrandingColorsInputValidator()!).OverridePropertyName("colors");
    }
}
