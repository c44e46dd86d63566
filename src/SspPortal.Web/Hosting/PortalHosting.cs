using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using MudBlazor;
using MudBlazor.Services;
using SspPortal.Web.Components;

namespace SspPortal.Web.Hosting;

/// <summary>The admin portal: Razor components, MudBlazor and the pipeline around them.</summary>
public static class PortalHosting
{
    public const string NotFoundPath = "/not-found";

    public static IHostApplicationBuilder AddPortal(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices(ConfigureMudBlazor);
        builder.Services.AddScoped<SspPortal.Web.Components.Portal.BrowserTimeZone>();

        // Registered first so that they run first: every response gets the security headers, and a host that is no
        // address is refused before the status pages (or anything else) render a page from it.
        builder.Services.AddTransient<IStartupFilter, SecurityStartupFilter>();
        builder.Services.AddTransient<IStartupFilter, FriendlyStatusPagesStartupFilter>();
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddHsts(hsts =>
        {
            hsts.MaxAge = SecurityHeaders.HstsMaxAge;
            hsts.IncludeSubDomains = true;
        });
        return builder;
    }

    /// <summary>
    /// The snackbar, configured once: bottom right (clear of the app bar and the drawer), a message stays six seconds
    /// and can be closed; the provider lives in MainLayout, which navigation between portal
    /// pages keeps, so messages survive navigation.
    /// </summary>
    private static void ConfigureMudBlazor(MudServicesConfiguration configuration)
    {
        var snackbar = configuration.SnackbarConfiguration;
        snackbar.PositionClass = Defaults.Classes.Position.BottomRight;
        snackbar.VisibleStateDuration = 6000;
        snackbar.ShowTransitionDuration = 200;
        snackbar.HideTransitionDuration = 200;
        snackbar.ShowCloseIcon = true;
        snackbar.PreventDuplicates = true;
        snackbar.NewestOnTop = false;
        snackbar.MaxDisplayedSnackbars = 3;
        snackbar.ClearAfterNavigation = false;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>The security headers on every response, and the Host check, at the very start of the pipeline.</summary>
    private sealed class SecurityStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
            app =>
            {
                app.UseMiddleware<SecurityHeadersMiddleware>();
                app.UseMiddleware<HostHeaderMiddleware>();
                next(app);
            };
    }

    /// <summary>
    /// Page requests answered without a body (an unknown address) get the portal's friendly page. Registered at the
    /// very start of the pipeline so that the re-executed request is authenticated and authorized like any other;
    /// the API keeps its own error bodies, and only GET/HEAD requests are re-executed.
    /// </summary>
    private sealed class FriendlyStatusPagesStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
            app =>
            {
                app.UseStatusCodePagesWithReExecute(NotFoundPath, "?status={0}", createScopeForStatusCodePages: true);
                app.Use(
                    (context, nextMiddleware) =>
                    {
                        var request = context.Request;
                        var isPageRequest = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
                        if (!isPageRequest || request.Path.StartsWithSegments("/api"))
                        {
                            context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
                        }

                        return nextMiddleware(context);
                    }
                );
                next(app);
            };
    }
}
