using FluentValidation;
using SspPortal.Application.Common.Validation;

namespace SspPortal.Application.CustomTexts;

/// <summary>The <c>{language}/{page}</c> of a custom-text URL.</summary>
public sealed record CustomTextPath(string? Language, string? Page);

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

/// <summary>The body of a custom-text PUT: the whole map for one page.</summary>
public sealed record CustomTextEntries(string Page, IReadOnlyDictionary<string, string?> Entries);

/// <summary>Only the page's keys (<c>introduction</c> on <c>get-started</c>), each a string of at most 2000 characters.</summary>
public sealed class CustomTextEntriesValidator : AbstractValidator<CustomTextEntries>
{
    public CustomTextEntriesValidator() =>
        RuleFor(e => e.Entries)
            .Custom(
                (entries, context) =>
                {
                    var keys = CustomTextCatalog.KeysFor(context.InstanceToValidate.Page);
                    foreach (var (key, value) in entries)
                    {
                        if (!keys.Contains(key, StringComparer.Ordinal))
                        {
                            context.AddFailure(key, $"Additional properties not allowed: {key}");
                        }
                        else if (value is null)
                        {
                            context.AddFailure(key, WireRules.WrongType("string", "null"));
                        }
                        else if (value.Length > CustomTextCatalog.MaxValueLength)
                        {
                            context.AddFailure(key, WireRules.TooLong(value.Length, CustomTextCatalog.MaxValueLength));
                        }
                    }
                }
            );
}
