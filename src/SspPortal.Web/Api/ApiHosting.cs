namespace SspPortal.Web.Api;

/// <summary>The REST API under /api/v2: bearer authentication, JSON, rate limits, OpenAPI.</summary>
public static class ApiHosting
{
    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder) => builder;

    public static WebApplication MapApi(this WebApplication app) => app;
}
