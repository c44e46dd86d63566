namespace SspPortal.Application.Common;

/// <summary>How a use case ended. Expected outcomes are results; exceptions are bugs.</summary>
public enum ResultStatus
{
    Ok,
    NotFound,
    Invalid,
    Conflict,
    Forbidden,
}

/// <summary>One validation failure: the wire path of the field (snake_case, e.g. <c>user_attributes[0].name</c>) and a reason.</summary>
public sealed record FieldError(string Path, string Reason)
{
    /// <summary>A failure whose reason is also given as a code, for interfaces that word it in the reader's language.</summary>
    public FieldError(string path, CodedMessage reason)
        : this(path, reason.English) => Coded = reason;

    /// <summary>The reason as a code and values, when the service gave one; <see cref="Reason"/> is its English wording.</summary>
    public CodedMessage? Coded { get; init; }
}

/// <summary>The outcome of a use case without a value.</summary>
public class Result
{
    protected Result(ResultStatus status, string? message, IReadOnlyList<FieldError> errors, string? errorCode, CodedMessage? coded = null)
    {
        Status = status;
        Message = message;
        Errors = errors;
        ErrorCode = errorCode;
        Coded = coded;
    }

    public ResultStatus Status { get; }

    /// <summary>A human message for NotFound, Conflict and Forbidden, and for Invalid results that are not about one field.</summary>
    public string? Message { get; }

    /// <summary>Field errors of an Invalid result, grouped by <see cref="FieldError.Path"/> in the order found.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>The contract's <c>errorCode</c> for Invalid results (<c>invalid_body</c>, <c>invalid_uri</c>, <c>invalid_query_string</c>).</summary>
    public string? ErrorCode { get; }

    /// <summary><see cref="Message"/> as a code and values, when the service gave one (the setup flow words it per language).</summary>
    public CodedMessage? Coded { get; }

    public bool IsOk => Status == ResultStatus.Ok;

    public static Result Ok() => new(ResultStatus.Ok, null, [], null);

    public static Result NotFound(string message) => new(ResultStatus.NotFound, message, [], null);

    public static Result Conflict(string message) => new(ResultStatus.Conflict, message, [], null);

    /// <summary>A Conflict whose message is also given as a code; <see cref="Message"/> is its English wording.</summary>
    public static Result Conflict(CodedMessage message) => new(ResultStatus.Conflict, message.English, [], null, message);

    public static Result Forbidden(string message) => new(ResultStatus.Forbidden, message, [], null);

    public static Result Invalid(IReadOnlyList<FieldError> errors, string errorCode = ErrorCodes.InvalidBody) =>
        new(ResultStatus.Invalid, null, errors, errorCode);

    public static Result Invalid(string path, string reason, string errorCode = ErrorCodes.InvalidBody) =>
        Invalid([new FieldError(path, reason)], errorCode);

    public static Result Invalid(string path, CodedMessage reason, string errorCode = ErrorCodes.InvalidBody) =>
        Invalid([new FieldError(path, reason)], errorCode);

    /// <summary>An Invalid result whose message is not tied to one property (e.g. <c>Connection not found</c>).</summary>
    public static Result InvalidMessage(string message, string errorCode = ErrorCodes.InvalidBody) =>
        new(ResultStatus.Invalid, message, [], errorCode);

    /// <summary>Carries a failed result over to another value type.</summary>
    public Result<T> As<T>() =>
        IsOk ? throw new InvalidOperationException("An Ok result has no failure to carry over.") : Result<T>.From(this);
}

/// <summary>The outcome of a use case that produces a value when it succeeds.</summary>
public sealed class Result<T> : Result
{
    private readonly T? _value;

    private Result(ResultStatus status, T? value, string? message, IReadOnlyList<FieldError> errors, string? errorCode, CodedMessage? coded = null)
        : base(status, message, errors, errorCode, coded) => _value = value;

    public T Value =>
        IsOk ? _value! : throw new InvalidOperationException($"A {Status} result has no value.");

    public static Result<T> Ok(T value) => new(ResultStatus.Ok, value, null, [], null);

    internal static Result<T> From(Result failure) =>
        new(failure.Status, default, failure.Message, failure.Errors, failure.ErrorCode, failure.Coded);

    public static implicit operator Result<T>(T value) => Ok(value);
}

/// <summary>The contract's <c>errorCode</c> values.</summary>
public static class ErrorCodes
{
    public const string InvalidBody = "invalid_body";
    public const string InvalidUri = "invalid_uri";
    public const string InvalidQueryString = "invalid_query_string";
    public const string InsufficientScope = "insufficient_scope";
}
