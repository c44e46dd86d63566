using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SspPortal.Application.Common;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tickets;
using SspPortal.Web.Operations;
using SspPortal.Web.Tests.Testing;

namespace SspPortal.Web.Tests.SetupFlow;

/// <summary>
/// A ticket URL opens exactly as it was handed out: the app in Development on a real Kestrel port over plain http
/// (the development tenant's domain is <c>localhost:&lt;port&gt;</c>), and behind a TLS-terminating proxy.
/// </summary>
public sealed class TicketLinkSchemeTests
{
    [Fact]
    public async Task TicketUrl_IsPlainHttpAndOpensAsItIs_WhenTheAppServesHttpInDevelopment()
    {
        await using var app = Start();
        var url = await IssueAsync(app);

        using var client = BrowserClient();
        using var response = await client.GetAsync(url);

        Assert.StartsWith($"http://localhost:{Port(app)}/self-service/connections-flow?ticket=", url, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/self-service/setup", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ssp_flow=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TicketUrl_IsHttpsAndOpensThroughTheProxy_WhenATlsProxyIsInFront()
    {
        await using var app = Start(new Dictionary<string, string?> { ["ReverseProxy:Enabled"] = "true" });
        var url = new Uri(await IssueAsync(app));

        // The proxy receives the https URL as it is, and passes it on to the app over http with the forwarded headers.
        using var client = BrowserClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{Port(app)}{url.PathAndQuery}"));
        request.Headers.Host = url.Authority;
        request.Headers.Add("X-Forwarded-Proto", url.Scheme);
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var response = await client.SendAsync(request);

        Assert.Equal("https", url.Scheme);
        Assert.Equal($"localhost:{Port(app)}", url.Authority);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SamlMetadataUrl_UsesTheSchemeTheAppIsServedWith_WhenTheAppServesHttpInDevelopment()
    {
        await using var app = Start();
        var url = await IssueAsync(app);
        using var client = BrowserClient();
        using var opened = await client.GetAsync(url);
        var token = opened.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ssp_flow=", StringComparison.Ordinal)).Split(';')[0]["ssp_flow=".Length..];
        using var scope = app.Services.CreateScope();

        var view = (await scope.ServiceProvider.GetRequiredService<Application.SetupFlow.ITicketFlowService>().GetAsync(token)).Value;
        using var metadata = await client.GetAsync(view.IdentityProviderValues.MetadataUrl);

        Assert.StartsWith($"http://localhost:{Port(app)}/self-service/saml/metadata?connection=", view.IdentityProviderValues.MetadataUrl, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
    }

    private static SspWebApplicationFactory Start(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = new SspWebApplicationFactory("Development", settings);
        app.UseKestrel(0);
        app.StartServer();
        return app;
    }

    private static int Port(SspWebApplicationFactory app) =>
        new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;

    /// <summary>Issues a ticket of the development tenant through the ticket service, as the portal does; returns its URL.</summary>
    private static async Task<string> IssueAsync(SspWebApplicationFactory app)
    {
        var admin = Actor.ForRole(DevelopmentTenant.TenantId, "admin-1", "Ada Admin", PortalRole.Admin);
        var profile = await app.Services.GetRequiredService<ISelfServiceProfileService>().CreateAsync(admin, new CreateProfileRequest { Name = "Links" });
        Assert.True(profile.IsOk, profile.Message);
        var issued = await app.Services.GetRequiredService<ISsoTicketService>().IssueAsync(admin, profile.Value.Id, new IssueTicketRequest(), null);
        Assert.True(issued.IsOk, issued.Message);
        return issued.Value.Url;
    }

    /// <summary>A client that sends a browser's navigation headers and follows no redirect.</summary>
    private static HttpClient BrowserClient()
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        client.DefaultRequestHeaders.Add("Sec-Fetch-Mode", "navigate");
        client.DefaultRequestHeaders.Add("Sec-Fetch-Dest", "document");
        return client;
    }
}
