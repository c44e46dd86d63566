using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;
using SspPortal.Web.SetupFlow.Localization;
using SspPortal.Web.SetupFlow.Pages;

namespace SspPortal.Web.SetupFlow.Endpoints;

/// <summary>
/// The invalid-link page (<see cref="InvalidLinkDocument"/>), rendered once per language by the component renderer
/// and then answered from memory. It is the public door's most frequent answer (anyone can send any number of made-up
/// links), and its HTML depends on nothing but the language: a component render per request was most of its cost
/// (bench/run.sh, docs/performance.md). The first request of a language renders as before and keeps the bytes and the
/// headers the render set; a render that sets any other header (a cookie, say) is served as rendered and not kept.
/// Whatever the page is to show per request must come in as a parameter of <see cref="Result"/> and be part of the key.
/// </summary>
public sealed class InvalidLinkPages
{
    private static readonly string[] KeptHeaders = [Microsoft.Net.Http.Headers.HeaderNames.ContentType, "blazor-enhanced-nav"];

    private readonly ConcurrentDictionary<string, Rendered> _rendered = new(StringComparer.Ordinal);

    /// <summary>The page in <paramref name="language"/> with <paramref name="statusCode"/> (404 unknown, 410 no longer usable).</summary>
    public static IResult Result(string language, int statusCode) => new PageResult(language, statusCode);

    private async Task WriteAsync(HttpContext context, string language, int statusCode)
    {
        var response = context.Response;
        if (_rendered.TryGetValue(language, out var page))
        {
            response.StatusCode = statusCode;
            foreach (var (name, value) in page.Headers)
            {
                response.Headers[name] = value;
            }

            response.ContentLength = page.Body.Length;
            await response.Body.WriteAsync(page.Body, context.RequestAborted);
            return;
        }

        var before = response.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        var bodyFeature = context.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer));
        try
        {
            await new RazorComponentResult<InvalidLinkDocument>(new { Language = language }) { StatusCode = statusCode }.ExecuteAsync(context);
        }
        finally
        {
            context.Features.Set(bodyFeature);
        }

        var body = buffer.ToArray();
        var set = response
            .Headers.Where(h => !before.TryGetValue(h.Key, out var earlier) || earlier != h.Value)
            .Select(h => (h.Key, h.Value))
            .ToArray();
        if (FlowLanguages.Match(language) == language && set.All(h => KeptHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase)))
        {
            _rendered.TryAdd(language, new Rendered(set, body));
        }

        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    private sealed record Rendered((string Name, StringValues Value)[] Headers, byte[] Body);

    private sealed class PageResult(string language, int statusCode) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => statusCode;

        public Task ExecuteAsync(HttpContext httpContext) =>
            httpContext.RequestServices.GetRequiredService<InvalidLinkPages>().WriteAsync(httpContext, language, statusCode);
    }
}
