using FluentValidation;
using SspPortal.Application.Common.Validation;

namespace SspPortal.Application.CustomTexts;

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
