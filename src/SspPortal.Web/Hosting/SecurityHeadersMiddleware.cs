using Microsoft.Net.Http.Headers;

namespace SspPortal.Web.Hosting;

/// <summary>
/// Puts <see cref="SecurityHeaders"/> on every response: pages, the API, health, static files, error and status pages,
/// and responses that end the request early (rate limits, refused hosts). It runs first in the pipeline and writes the
/// headers when the response starts, so nothing after it can send a response without them.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IWebHostEnvironment environment, IConfiguration configuration)
{
    private readonly string _policy = SecurityHeaders.ContentSecurityPolicyFor(configuration);

    public Task InvokeAsync(HttpContext context)
    {
        var exemptFromCsp =
            environment.IsDevelopment() && context.Request.Path.StartsWithSegments(SecurityHeaders.DevelopmentApiReferencePath, StringComparison.OrdinalIgnoreCase);
        context.Response.OnStarting(
            static state =>
            {
                var (response, exempt, policy) = ((HttpResponse, bool, string))state;
                var headers = response.Headers;
                headers[HeaderNames.XContentTypeOptions] = SecurityHeaders.NoSniff;
                headers["Referrer-Policy"] = SecurityHeaders.ReferrerPolicy;
                headers[HeaderNames.XFrameOptions] = SecurityHeaders.FrameOptions;
                if (!exempt)
                {
                    headers[HeaderNames.ContentSecurityPolicy] = policy;
                }

                return Task.CompletedTask;
            },
            (context.Response, exemptFromCsp, _policy)
        );
        return next(context);
    }
}
