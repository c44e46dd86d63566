namespace SspPortal.Web.Api;

/// <summary>The REST API under /api/v2: bearer authentication, JSON, rate limits, OpenAPI.</summary>
public static class ApiHosting
{
    public const string BasePath = "/api/v2";

    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<ApiOptions>()
            .Bind(builder.Configuration.GetSection(ApiOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder
            .Services.AddOptions<ApiRateLimitOptions>()
            .Bind(builder.Configuration.GetSection(ApiRateLimitOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton<RateLimitBudget>();
        builder.Services.AddSingleton<ApiAuthentication.KnownTenants>();
        builder.AddApiAuthentication();
        builder.AddApiOpenApi();
        return builder;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(BasePath, StringComparison.OrdinalIgnoreCase),
            branch => branch.UseMiddleware<ApiExceptionMiddleware>()
        );

        var api = app.MapGroup(BasePath)
            .RequireAuthorization(ApiAuthentication.PolicyName)
            .AddEndpointFilter<ApiAuthentication.AccessFilter>()
            .DisableAntiforgery()
            .WithGroupName(ApiOpenApi.DocumentName);
        api.MapSelfServiceProfilesApi();
        api.MapCustomTextApi();
        api.MapSsoTicketApi();
        api.MapConnectionsApi();

        // Anything else under the API base answers the contract's 404 body rather than the portal.
        app.MapFallback(
                BasePath + "/{**path}",
                () => ApiResults.Error(StatusCodes.Status404NotFound, "Not Found")
            )
            .AllowAnonymous()
            .ExcludeFromDescription();

        app.MapOpenApi().AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            app.MapApiReference();
        }

        return app;
    }
}
