using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using SspPortal.Web.Tests.Testing;

namespace SspPortal.Web.Tests.Hosting;

/// <summary>
/// Every route (portal pages, account pages, flow pages, the API, health, static files, unknown addresses) answers with
/// the security headers, in Production over https; HTML responses carry the strict Content-Security-Policy and nothing
/// inline that it would refuse.
/// </summary>
public sealed partial class SecurityHeadersTests : IAsyncLifetime
{
    private readonly SspWebApplicationFactory _app = new("Production");

    public static TheoryData<string> Routes() =>
        new()
        {
            "/",
            "/profiles",
            "/tickets",
            "/account/signed-out",
            "/account/no-access",
            "/account/sign-in-failed",
            "/error",
            "/not-found",
            "/not-found?status=503",
            "/no-such-page",
            "/self-service/setup",
            "/self-service/connections-flow",
            "/self-service/connections-flow?ticket=ABCDEFGHIJKLMNOPQRSTUVWXYZ012345",
            "/self-service/test/start",
            "/self-service/saml/metadata?connection=none",
            "/api/v2/self-service-profiles",
            "/api/v2/no-such-resource",
            "/health/live",
            "/health/ready",
        };

    /// <summary>Static files: served from the build output only in Development (a published app serves them in every environment).</summary>
    public static TheoryData<string> StaticAssets() => new() { "/_framework/blazor.web.js", "/css/portal.css", "/js/page-behaviour.js", "/robots.txt" };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Response_CarriesTheSecurityHeaders_OnEveryRoute(string path)
    {
        using var response = await HttpsClient().GetAsync(path);

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
        var hsts = Single(response, "Strict-Transport-Security");
        Assert.Contains("includeSubDomains", hsts, StringComparison.Ordinal);
        Assert.Matches(@"max-age=\d{7,}", hsts);
        Assert.False(response.Headers.Contains("Server"), "no Server header expected");
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task HtmlResponse_CarriesTheStrictCspAndNothingInlineItRefuses_OnEveryRoute(string path)
    {
        using var response = await HttpsClient().GetAsync(path);
        if (response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync();

        var csp = Single(response, "Content-Security-Policy");
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray());
        Assert.Equal(["'self'"], directives["script-src"]);
        Assert.Equal(["'none'"], directives["object-src"]);
        Assert.Equal(["'self'"], directives["base-uri"]);
        Assert.Equal(["'none'"], directives["frame-ancestors"]);
        Assert.Equal(["'self'"], directives["default-src"]);
        // The sign-in provider (the factory's authority): enhanced navigation follows a sign-in link's redirect there.
        Assert.Equal(["'self'", "https://idp.example.test"], directives["connect-src"]);
        Assert.Empty(InlineScript().Matches(body));
        Assert.Empty(InlineHandler().Matches(body));
    }

    [Theory]
    [MemberData(nameof(StaticAssets))]
    public async Task StaticAsset_CarriesTheSecurityHeaders_WhenServed(string path)
    {
        await using var development = new SspWebApplicationFactory("Development");
        using var client = development.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
        Assert.Contains("script-src 'self';", Single(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Response_HasNoHstsHeader_WhenRequestIsPlainHttp()
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://portal.example.com") });

        using var response = await client.GetAsync("/account/signed-out");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task Kestrel_SendsNoServerHeader_OnPagesAndApi()
    {
        await using var kestrel = KestrelApp.Start();
        using var client = kestrel.CreateClient();

        using var page = await client.GetAsync("/account/signed-out");
        using var api = await client.GetAsync("/api/v2/self-service-profiles");
        using var health = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.All([page, api, health], response => Assert.False(response.Headers.Contains("Server"), "no Server header expected"));
        Assert.All([page, api, health], response => Assert.Equal("nosniff", Single(response, "X-Content-Type-Options")));
    }

    private HttpClient HttpsClient() =>
        _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://portal.example.com") });

    private static string Single(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? Assert.Single(values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri}: header {name} missing ({(int)response.StatusCode})");

    /// <summary>A script element with content of its own (no src): the CSP refuses it.</summary>
    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    /// <summary>An inline event handler attribute (onclick=, onerror=, onchange=…): the CSP refuses it.</summary>
    [GeneratedRegex(@"<[a-z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();
}
