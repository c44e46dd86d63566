namespace SspPortal.Application.Common;

/// <summary>The contract's wording of a failed <see cref="Result"/> (the <c>message</c> of the error body).</summary>
public static class ContractErrors
{
    /// <summary>
    /// The message for the error body: the result's own message when it has one, otherwise the first field error as
    /// <c>Payload validation error: '&lt;reason&gt;' on property &lt;path&gt;.</c> (<c>Path validation error</c> for
    /// <c>invalid_uri</c>, <c>Query validation error</c> for <c>invalid_query_string</c>).
    /// </summary>
    public static string MessageFor(Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Message is not null)
        {
            return result.Message;
        }

        if (result.Errors.Count == 0)
        {
            return result.Status.ToString();
        }

        var kind = result.ErrorCode switch
        {
            ErrorCodes.InvalidUri => "Path",
            ErrorCodes.InvalidQueryString => "Query",
            _ => "Payload",
        };
        var first = result.Errors[0];
        return $"{kind} validation error: '{first.Reason}' on property {first.Path}.";
    }

    /// <summary>HTTP reason phrase for the status a result maps to.</summary>
    public static (int StatusCode, string Error) HttpStatusFor(ResultStatus status) =>
        status switch
        {
            ResultStatus.Ok => (200, "OK"),
            ResultStatus.NotFound => (404, "Not Found"),
            ResultStatus.Invalid => (400, "Bad Request"),
            ResultStatus.Conflict => (409, "Conflict"),
            ResultStatus.Forbidden => (403, "Forbidden"),
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
}
