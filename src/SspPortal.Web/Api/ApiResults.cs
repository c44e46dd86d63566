using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using SspPortal.Application.Common;

namespace SspPortal.Web.Api;

/// <summary>
/// The one place that turns a <see cref="Result"/> (or an API-level refusal) into the contract's error body
/// <c>{"statusCode":…,"error":…,"message":…,"errorCode":…}</c>.
/// </summary>
public static class ApiResults
{
    public const string RateLimitedErrorCode = "too_many_requests";
    public const string UnknownTenantErrorCode = "unknown_tenant";

    /// <summary>The error response for a failed result.</summary>
    public static JsonHttpResult<ApiError> Error(Result result) =>
        result.Status switch
        {
            ResultStatus.NotFound => Error(StatusCodes.Status404NotFound, result.Message ?? "Not Found"),
            ResultStatus.Conflict => Error(StatusCodes.Status409Conflict, result.Message ?? "Conflict"),
            ResultStatus.Forbidden => Error(
                StatusCodes.Status403Forbidden,
                result.Message ?? "Forbidden",
                ErrorCodes.InsufficientScope
            ),
            ResultStatus.Invalid => Error(
                StatusCodes.Status400BadRequest,
                InvalidMessage(result),
                result.ErrorCode ?? ErrorCodes.InvalidBody
            ),
            _ => throw new InvalidOperationException("A successful result is not an error."),
        };

    /// <summary>A contract error body with the reason phrase of <paramref name="statusCode"/>.</summary>
    public static JsonHttpResult<ApiError> Error(int statusCode, string message, string? errorCode = null) =>
        TypedResults.Json(Body(statusCode, message, errorCode), ApiJson.Context.ApiError, statusCode: statusCode);

    public static ApiError Body(int statusCode, string message, string? errorCode = null) =>
        new(statusCode, ReasonPhrases.GetReasonPhrase(statusCode), message, errorCode);

    public static JsonHttpResult<ApiError> InsufficientScope(string scope) =>
        Error(StatusCodes.Status403Forbidden, Scopes.Insufficient(scope), ErrorCodes.InsufficientScope);

    public static JsonHttpResult<ApiError> ProfileNotFound(string id) =>
        Error(StatusCodes.Status404NotFound, $"Profile with ID: {id} not found");

    /// <summary>
    /// The message of an Invalid result: its own message when it has one, otherwise
    /// <c>&lt;Payload|Path|Query&gt; validation error: '&lt;reason&gt;' on property &lt;path&gt;.</c> from the first field error.
    /// </summary>
    public static string InvalidMessage(Result result)
    {
        if (!string.IsNullOrEmpty(result.Message))
        {
            return result.Message;
        }

        var prefix = result.ErrorCode switch
        {
            ErrorCodes.InvalidUri => "Path",
            ErrorCodes.InvalidQueryString => "Query",
            _ => "Payload",
        };
        if (result.Errors.Count == 0)
        {
            return $"{prefix} validation error.";
        }

        var first = result.Errors[0];
        return string.IsNullOrEmpty(first.Path)
            ? $"{prefix} validation error: '{first.Reason}'."
            : $"{prefix} validation error: '{first.Reason}' on property {first.Path}.";
    }

    /// <summary>The refusal of a body that could not be read (413 when too large, else 400), or null when it was read.</summary>
    public static JsonHttpResult<ApiError>? Refusal(Binding.RequestBody.Read body) =>
        body.TooLarge
            ? Error(
                StatusCodes.Status413PayloadTooLarge,
                $"Request body is larger than {Binding.RequestBody.MaxBytes} bytes.",
                ErrorCodes.InvalidBody
            )
            : body.Failure is { } failure ? Error(failure) : null;

    /// <summary>400 <c>invalid_uri</c> for a path value that is not a profile id, or null when it is one.</summary>
    public static JsonHttpResult<ApiError>? InvalidProfileId(string? id, string property = "id") =>
        PathValues.CheckProfileId(id, property) is { } invalid ? Error(invalid) : null;

    /// <summary>Writes an error body directly (for places outside an endpoint: authentication, middleware).</summary>
    public static Task WriteAsync(HttpContext context, int statusCode, string message, string? errorCode = null)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(
            Body(statusCode, message, errorCode),
            ApiJson.Context.ApiError,
            contentType: "application/json; charset=utf-8",
            cancellationToken: context.RequestAborted
        );
    }
}
