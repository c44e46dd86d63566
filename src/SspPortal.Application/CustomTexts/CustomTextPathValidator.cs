using FluentValidation;
using SspPortal.Application.Common.Validation;

namespace SspPortal.Application.CustomTexts;

/// <summary>Language and page must be in <see cref="CustomTextCatalog"/>; failures are <c>invalid_uri</c>.</summary>
public sealed class CustomTextPathValidator : AbstractValidator<CustomTextPath>
{
    public CustomTextPathValidator()
    {
        RuleFor(p => p.Language)
            .Must(CustomTextCatalog.IsLanguage)
            .WithMessage((_, language) => WireRules.NoEnumMatch(language))
            .OverridePropertyName("language");
        RuleFor(p => p.Page)
            .Must(CustomTextCatalog.IsPage)
            .WithMessage((_, page) => WireRules.NoEnumMatch(page))
            .OverridePropertyName("page");
    }
}
