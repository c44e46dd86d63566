using Scalar.AspNetCore;

namespace SspPortal.Web.Api;

/// <summary>
/// The API reference page at <c>/api/docs</c> (Development only), Scalar's page over the app's own OpenAPI document.
/// It loads nothing from outside: the script is served by the app, the default web fonts, telemetry, the agent and
/// the MCP features are off, and requests from "try it" go straight to this app (no proxy).
/// </summary>
public static class ApiReference
{
    public const string Path = "/api/docs";

    public static IEndpointConventionBuilder MapApiReference(this IEndpointRouteBuilder app) =>
        app.MapScalarApiReference(
                Path,
                options =>
                    options
                        .WithTitle("SspPortal API reference")
                        .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                        .AddDocument(ApiOpenApi.DocumentName, "SspPortal Management API v2")
                        .DisableDefaultFonts()
                        .DisableTelemetry()
                        .DisableAgent()
                        .DisableMcp()
            )
            .AllowAnonymous()
            .ExcludeFromDescription();
}
