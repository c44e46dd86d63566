namespace SspPortal.Web.Hosting;

/// <summary>
/// Answers 400 with a short plain-text message to a request whose <c>Host</c> is missing or no address
/// (<see cref="HostHeaderCheck"/>), before anything renders a page from it. Health probes (some send HTTP/1.0 without a
/// host) and the API (it builds nothing from the host) are left alone.
/// </summary>
public sealed class HostHeaderMiddleware(RequestDelegate next)
{
    public const string Message = "Bad request: the Host header is missing or is not a valid host name.";

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (HostHeaderCheck.IsValid(context.Request.Host) || path.StartsWithSegments("/api") || path.StartsWithSegments("/health"))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(Message, context.RequestAborted);
    }
}
