namespace SspPortal.Web.Operations;

/// <summary>Health, logging, error handling and operator commands.</summary>
public static class OperationsHosting
{
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(_ => { });
        return builder;
    }

    public static WebApplication UseOperations(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        return app;
    }

    public static WebApplication MapOperations(this WebApplication app) => app;
}
