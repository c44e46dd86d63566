using FluentValidation;
using SspPortal.Application.Common.Validation;

namespace SspPortal.Application.Profiles;

/// <summary>Rules shared by create and update.</summary>
internal static class ProfileFieldRules
{
    public static void UserAttributes<T>(
        AbstractValidator<T> validator,
        System.Linq.Expressions.Expression<Func<T, IReadOnlyList<UserAttributeInput?>?>> selector
    )
    {
        validator.RuleFor(selector).ArrayLength(0, ProfileRules.MaxUserAttributes).OverridePropertyName("user_attributes");
        validator
            .RuleForEach(WireRules.AsEnumerable(selector))
            .Must(item => item is not null)
            .WithMessage(WireRules.WrongType("object", "null"))
            .SetValidator(new UserAttributeInputValidator()!)
            .OverridePropertyName("user_attributes");
        validator
            .RuleFor(selector)
            .Custom(
                (items, context) =>
                {
                    if (items is null)
                    {
                        return;
                    }

                    var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (items[i]?.Name is { } name && !seen.Add(name))
                        {
                            context.AddFailure($"user_attributes[{i}].name", ProfileRules.DuplicateAttributeReason(name));
                        }
                    }
                }
            );
    }

    public static void AllowedStrategies<T>(
        AbstractValidator<T> validator,
        System.Linq.Expressions.Expression<Func<T, IReadOnlyList<string?>?>> selector
    )
    {
        validator
            .RuleFor(selector)
            .ArrayLength<T, string?>(1, Strategies.Names.Count)
            .UniqueItems()
            .OverridePropertyName("allowed_strategies");
        validator
            .RuleForEach(WireRules.AsEnumerable(selector))
            .Must(item => item is not null)
            .WithMessage(WireRules.WrongType("string", "null"))
            .OneOf(Strategies.Names)
            .OverridePropertyName("allowed_strategies");
    }

    public static void UserAttributeProfileId<T>(AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string?>> selector) =>
        validator
            .RuleFor(selector)
            .StringLength(1, ProfileRules.UserAttributeProfileIdMaxLength)
            .MatchesPattern(ProfileRules.UserAttributeProfileId(), ProfileRules.UserAttributeProfileIdPattern)
            .OverridePropertyName("user_attribute_profile_id");
}
