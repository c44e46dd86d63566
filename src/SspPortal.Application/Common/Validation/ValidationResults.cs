using FluentValidation;
using FluentValidation.Results;

namespace SspPortal.Application.Common.Validation;

/// <summary>The one bridge from FluentValidation to <see cref="Result"/>; the API, the portal and the flow all go through it.</summary>
public static class ValidationResults
{
    /// <summary>
    /// Ok when there are no failures, otherwise Invalid with the field errors grouped by path
    /// (paths in the order first found, reasons in the order found within a path).
    /// </summary>
    public static Result ToResult(this ValidationResult validation, string errorCode = ErrorCodes.InvalidBody) =>
        validation.IsValid ? Result.Ok() : Result.Invalid(ToFieldErrors(validation.Errors), errorCode);

    /// <summary>Runs the validator and turns its outcome into a <see cref="Result"/>.</summary>
    public static Result ValidateToResult<T>(this IValidator<T> validator, T instance, string errorCode = ErrorCodes.InvalidBody) =>
        validator.Validate(instance).ToResult(errorCode);

    public static IReadOnlyList<FieldError> ToFieldErrors(IEnumerable<ValidationFailure> failures) =>
        failures
            .Select(f => new FieldError(f.PropertyName, f.ErrorMessage))
            .Distinct()
            .GroupBy(e => e.Path, StringComparer.Ordinal)
            .SelectMany(g => g)
            .ToList();

    /// <summary>The reasons of an Invalid result per field path, for form fields.</summary>
    public static IReadOnlyDictionary<string, string[]> ErrorsByPath(this Result result) =>
        result
            .Errors.GroupBy(e => e.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray(), StringComparer.Ordinal);
}
