using Microsoft.Extensions.DependencyInjection.Extensions;
using SspPortal.Application.SetupFlow;
using SspPortal.Application.Tickets;
using SspPortal.Infrastructure.SetupFlow;
using SspPortal.Web.SetupFlow.Endpoints;
using SspPortal.Web.SetupFlow.Shared;
using SspPortal.Web.SetupFlow.Testing;

namespace SspPortal.Web.SetupFlow;

/// <summary>The setup flow behind a ticket URL (/self-service/*).</summary>
public static class SetupFlowHosting
{
    public static IHostApplicationBuilder AddSetupFlow(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSetupFlowServices(builder.Configuration);

        // The request-start line of the hosting diagnostics carries the query string, and a ticket URL's query is
        // its secret: that category never logs below Warning, whatever the configuration says.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Services.AddScoped<IOidcTestClient, OidcTestClient>();
        builder.Services.AddSingleton<TenantHostMap>();
        builder.Services.Replace(ServiceDescriptor.Singleton<ILinkSchemeService, ServedLinkScheme>());
        builder.Services.AddSingleton<SetupFlowGuard>();
        builder.Services.AddSingleton<InvalidLinkPages>();
        builder.Services.AddSingleton<IntroductionRenderer>();
        return builder;
    }

    public static WebApplication MapSetupFlow(this WebApplication app)
    {
        var guard = app.Services.GetRequiredService<SetupFlowGuard>();
        app.UseWhen(SetupFlowGuard.Applies, branch => branch.Use((context, next) => guard.InvokeAsync(context, next)));
        app.MapSetupFlowEndpoints();
        return app;
    }
}
