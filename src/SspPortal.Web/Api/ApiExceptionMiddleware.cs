using Microsoft.AspNetCore.WebUtilities;

namespace SspPortal.Web.Api;

/// <summary>
/// The last resort for /api/v2: an exception that escapes an endpoint becomes the contract's 500 body (or the
/// status of a bad request the server detected), never an HTML page; a refusal without a body gets one. The route pattern is logged, not the path,
/// so that ticket ids in revoke URLs stay out of the logs.
/// </summary>
internal sealed class ApiExceptionMiddleware(RequestDelegate next, ILogger<ApiExceptionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
            if (
                context.Response is { HasStarted: false, StatusCode: >= 400, ContentType: null, ContentLength: null }
                && !HttpMethods.IsHead(context.Request.Method)
            )
            {
                // A refusal without a body (e.g. from routing): give it the contract's error body.
                var status = context.Response.StatusCode;
                await ApiResults.WriteAsync(context, status, ReasonPhrases.GetReasonPhrase(status));
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            var status = exception.StatusCode is >= 400 and < 500 ? exception.StatusCode : StatusCodes.Status400BadRequest;
            await ApiResults.WriteAsync(context, status, "The request could not be read.", Application.Common.ErrorCodes.InvalidBody);
        }
        catch (Exception exception)
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
            if (context.Response.HasStarted)
            {
                ApiLog.UnhandledExceptionAfterStart(logger, exception, context.Request.Method, route);
                throw;
            }

            ApiLog.UnhandledException(logger, exception, context.Request.Method, route);
            context.Response.Clear();
            await ApiResults.WriteAsync(
                context,
                StatusCodes.Status500InternalServerError,
                "An internal error occurred. Please try again later."
            );
        }
    }
}
