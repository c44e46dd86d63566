using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace SspPortal.Web.Operations;

/// <summary>Health, logging, error handling, the reverse proxy in front, and operator commands.</summary>
public static class OperationsHosting
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<ReverseProxyOptions>()
            .Bind(builder.Configuration.GetSection(ReverseProxyOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder
            .Services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ReverseProxyOptions>>(
                (forwarded, proxy) =>
                {
                    forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                    foreach (var address in proxy.Value.KnownProxies)
                    {
                        forwarded.KnownProxies.Add(IPAddress.Parse(address));
                    }

                    foreach (var network in proxy.Value.KnownNetworks)
                    {
                        forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                    }
                }
            );
        builder
            .Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<KeyRingHealthCheck>("key_ring", failureStatus: HealthStatus.Degraded, tags: [ReadyTag]);
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddHostedService<DevelopmentTenant>();
            builder.Services.AddHealthChecks().AddCheck<DevelopmentTenantHealthCheck>("development_tenant", tags: [ReadyTag]);
        }

        return builder;
    }

    public static WebApplication UseOperations(this WebApplication app)
    {
        // First of all, so that everything after it sees the client's address and scheme.
        if (app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value.Enabled)
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        return app;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        // Live: the process answers. Ready: the database answers and the schema is current (in Development, and tenant dev exists).
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteReportAsync })
            .AllowAnonymous();
        app.MapHealthChecks(
                ReadyPath,
                new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteReportAsync }
            )
            .AllowAnonymous();
        return app;
    }

    private static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new Dictionary<string, object>
        {
            ["status"] = report.Status.ToString(),
            ["checks"] = report.Entries.ToDictionary(
                e => e.Key,
                e => new Dictionary<string, string?> { ["status"] = e.Value.Status.ToString(), ["description"] = e.Value.Description }
            ),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
