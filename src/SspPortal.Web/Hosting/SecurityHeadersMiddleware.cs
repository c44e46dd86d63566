using Microsoft.Extensions.Primitives;

namespace SspPortal.Web.Hosting;

/// <summary>
/// Puts <see cref="SecurityHeaders"/> on every response: pages, the API, health, static files, error and status pages,
/// and responses that end the request early (rate limits, refused hosts). It runs first in the pipeline and writes the
/// headers when the response starts, so nothing after it can send a response without them. The header values and the
/// two callbacks (with and without the CSP) are made once, so a request allocates nothing of its own here.
/// </summary>
public sealed class SecurityHeadersMiddleware
{
    private const string ReferrerPolicyHeader = "Referrer-Policy";
    private static readonly StringValues NoSniff = SecurityHeaders.NoSniff;
    private static readonly StringValues ReferrerPolicy = SecurityHeaders.ReferrerPolicy;
    private static readonly StringValues FrameOptions = SecurityHeaders.FrameOptions;

    private static readonly Func<object, Task> WriteWithoutPolicy = state =>
    {
        WriteCommon(((HttpResponse)state).Headers);
        return Task.CompletedTask;
    };

    private readonly RequestDelegate _next;
    private readonly bool _development;
    private readonly StringValues _policy;
    private readonly Func<object, Task> _withPolicy;

    public SecurityHeadersMiddleware(RequestDelegate next, IWebHostEnvironment environment, IConfiguration configuration)
    {
        _next = next;
        _development = environment.IsDevelopment();
        _policy = SecurityHeaders.ContentSecurityPolicyFor(configuration);
        _withPolicy = WriteWithPolicy;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var exemptFromCsp =
            _development && context.Request.Path.StartsWithSegments(SecurityHeaders.DevelopmentApiReferencePath, StringComparison.OrdinalIgnoreCase);
        context.Response.OnStarting(exemptFromCsp ? WriteWithoutPolicy : _withPolicy, context.Response);
        return _next(context);
    }

    private Task WriteWithPolicy(object state)
    {
        var headers = ((HttpResponse)state).Headers;
        WriteCommon(headers);
        headers.ContentSecurityPolicy = _policy;
        return Task.CompletedTask;
    }

    private static void WriteCommon(IHeaderDictionary headers)
    {
        headers.XContentTypeOptions = NoSniff;
        headers[ReferrerPolicyHeader] = ReferrerPolicy;
        headers.XFrameOptions = FrameOptions;
    }
}
