using Radzen;
using SspPortal.Web.Components;

namespace SspPortal.Web.Hosting;

/// <summary>The admin portal: Razor components, Radzen and the pipeline around them.</summary>
public static class PortalHosting
{
    public static IHostApplicationBuilder AddPortal(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddRadzenComponents();
        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        // Pages without a body (an unknown address, a refused form post) get the portal's friendly page;
        // the API keeps its own error bodies.
        app.UseWhen(
            context =>
                !context.Request.Path.StartsWithSegments("/api")
                && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)),
            branch => branch.UseStatusCodePagesWithReExecute("/not-found", "?status={0}")
        );
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
