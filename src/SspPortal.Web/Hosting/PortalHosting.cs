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
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
