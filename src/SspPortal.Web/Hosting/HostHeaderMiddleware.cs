namespace SspPortal.Web.Hosting;

/// <summary>
/// Answers 400 with a short plain-text message to a request whose <c>Host</c> is missing or no address
/// (<see cref="HostHeaderCheck"/>), before anything renders a page from it. Health probes (some send HTTP/1.0 without a
/// host) and the API (it builds nothing from the host) are left alone. The last host found valid is remembered, so the
/// usual request (the same host as the one before) costs a string comparison instead of a parse.
/// </summary>
public sealed class HostHeaderMiddleware(RequestDelegate next)
{
    public const string Message = "Bad request: the Host header is missing or is not a valid host name.";

    private string? _lastValidHost;

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/health") || IsValid(context.Request.Host))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(Message, context.RequestAborted);
    }

    private bool IsValid(HostString host)
    {
        var value = host.Value;
        if (value is not null && string.Equals(value, Volatile.Read(ref _lastValidHost), StringComparison.Ordinal))
        {
            return true;
        }

        if (!HostHeaderCheck.IsValid(host))
        {
            return false;
        }

        Volatile.Write(ref _lastValidHost, value);
        return true;
    }
}
