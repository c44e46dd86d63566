using System.Globalization;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using FluentValidation;

namespace SspPortal.Application.Common.Validation;

/// <summary>
/// Rule building blocks that word their failures the way the contract's JSON-schema validator does
/// (<c>String is too long (101 chars), maximum 100</c>, <c>No enum match for: "foo"</c>, …).
/// </summary>
public static class WireRules
{
    public static string MissingProperty(string name) => $"Missing required property: {name}";

    public static string WrongType(string expected, string found) => $"Expected type {expected} but found type {found}";

    public static string TooShort(int length, int minimum) => $"String is too short ({length} chars), minimum {minimum}";

    public static string TooLong(int length, int maximum) => $"String is too long ({length} chars), maximum {maximum}";

    public static string ArrayTooShort(int count, int minimum) => $"Array is too short ({count}), minimum {minimum}";

    public static string ArrayTooLong(int count, int maximum) => $"Array is too long ({count}), maximum {maximum}";

    public static string NoEnumMatch(string? value) => $"No enum match for: \"{value}\"";

    public static string PatternMismatch(string pattern) => $"String does not match pattern: {pattern}";

    public static string AtLeast(long minimum) => $"Value must be at least {minimum.ToString(CultureInfo.InvariantCulture)}";

    public static string AtMost(long maximum) => $"Value must be at most {maximum.ToString(CultureInfo.InvariantCulture)}";

    public const string NotUnique = "Array items are not unique";

    /// <summary>The property must be present (not null).</summary>
    public static IRuleBuilderOptions<T, TProperty> Required<T, TProperty>(this IRuleBuilder<T, TProperty> rule, string wireName) =>
        rule.Must(value => value is not null).WithMessage(MissingProperty(wireName));

    /// <summary>The property, when present, may not be an explicit null (a PATCH field that cannot be cleared).</summary>
    public static IRuleBuilderOptions<T, TProperty> NotNullValue<T, TProperty>(this IRuleBuilder<T, TProperty> rule, string expectedType) =>
        rule.Must(value => value is not null).WithMessage(WrongType(expectedType, "null"));

    /// <summary>A string's length, counted in UTF-16 characters like the contract's limits; null passes.</summary>
    public static IRuleBuilderOptions<T, string?> StringLength<T>(this IRuleBuilder<T, string?> rule, int minimum, int maximum) =>
        rule.Must(value => value is null || value.Length >= minimum)
            .WithMessage((_, value) => TooShort(value?.Length ?? 0, minimum))
            .Must(value => value is null || value.Length <= maximum)
            .WithMessage((_, value) => TooLong(value?.Length ?? 0, maximum));

    public static IRuleBuilderOptions<T, string?> MatchesPattern<T>(this IRuleBuilder<T, string?> rule, Regex pattern, string shownPattern) =>
        rule.Must(value => value is null || pattern.IsMatch(value)).WithMessage(PatternMismatch(shownPattern));

    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, IReadOnlyCollection<string> allowed) =>
        rule.Must(value => value is null || allowed.Contains(value, StringComparer.Ordinal)).WithMessage((_, value) => NoEnumMatch(value));

    public static IRuleBuilderOptions<T, IReadOnlyList<TItem>?> ArrayLength<T, TItem>(
        this IRuleBuilder<T, IReadOnlyList<TItem>?> rule,
        int minimum,
        int maximum
    ) =>
        rule.Must(value => value is null || value.Count >= minimum)
            .WithMessage((_, value) => ArrayTooShort(value?.Count ?? 0, minimum))
            .Must(value => value is null || value.Count <= maximum)
            .WithMessage((_, value) => ArrayTooLong(value?.Count ?? 0, maximum));

    /// <summary>No two items are equal (ordinal); null items are left to the item rules.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<string?>?> UniqueItems<T>(this IRuleBuilder<T, IReadOnlyList<string?>?> rule) =>
        rule.Must(value => value is null || value.Where(v => v is not null).Distinct(StringComparer.Ordinal).Count() == value.Count(v => v is not null))
            .WithMessage(NotUnique);

    /// <summary>The same selector typed as a sequence, for <c>RuleForEach</c> (expression types are not covariant).</summary>
    public static Expression<Func<T, IEnumerable<TItem>>> AsEnumerable<T, TItem>(Expression<Func<T, IReadOnlyList<TItem>?>> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return Expression.Lambda<Func<T, IEnumerable<TItem>>>(selector.Body, selector.Parameters);
    }

    /// <summary>An absolute https URL.</summary>
    public static bool IsHttpsUrl(string value) =>
        value.StartsWith("https://", StringComparison.Ordinal)
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && !string.IsNullOrEmpty(uri.Host);
}
