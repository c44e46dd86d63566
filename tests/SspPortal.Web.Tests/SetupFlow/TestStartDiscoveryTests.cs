using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using SspPortal.Application.SetupFlow;
using SspPortal.Application.Tickets;

namespace SspPortal.Web.Tests.SetupFlow;

/// <summary>
/// The test sign-in starts from the provider's discovery document: one whose endpoints are no addresses gets the test
/// window's 400 page and a failed check that says so, never a 500. The document comes from a real server on loopback.
/// </summary>
public sealed class TestStartDiscoveryTests : IAsyncLifetime
{
    private readonly FlowTestApp _app = new(new Dictionary<string, string?> { ["SetupFlow:AllowLoopbackFetches"] = "true" });
    private WebApplication _provider = default!;
    private string _document = "{}";

    public static TheoryData<string> MalformedFields() => new() { "token_endpoint", "jwks_uri", "authorization_endpoint" };

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _provider = builder.Build();
        _provider.MapGet("/.well-known/openid-configuration", () => Results.Text(_document, "application/json"));
        _provider.MapGet("/jwks", () => Results.Text("""{"keys":[]}""", "application/json"));
        await _provider.StartAsync();
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(MalformedFields))]
    public async Task TestStart_Returns400AndAFailedDiscoveryCheck_WhenAnEndpointIsMalformed(string field)
    {
        var issuer = _provider.Urls.Single().TrimEnd('/');
        var endpoints = new Dictionary<string, string>
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = $"{issuer}/authorize",
            ["token_endpoint"] = $"{issuer}/token",
            ["jwks_uri"] = $"{issuer}/jwks",
        };
        endpoints[field] = "ht!tp://[not an address";
        _document = System.Text.Json.JsonSerializer.Serialize(endpoints);
        var token = await OpenOidcSessionAsync(issuer);
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://acme.example.com") });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/self-service/test/start");
        request.Headers.Add("Cookie", $"ssp_flow={token}");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("data-testid=\"test-done\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var view = await _app.Get<ITicketFlowService>().GetAsync(token);
        var check = Assert.Single(view.Value.TestReport!.Checks, c => !c.Passed);
        Assert.Equal("detail.oidc.notdiscovery", check.Detail?.Code);
    }

    private async Task<string> OpenOidcSessionAsync(string issuer)
    {
        var profile = await _app.CreateProfileAsync();
        var (secret, _) = await _app.IssueTicketAsync(profile.Id, new IssueTicketRequest());
        var flow = _app.Get<ITicketFlowService>();
        var opened = await flow.OpenAsync(secret);
        var token = opened.SessionToken!;
        Assert.True((await flow.ChooseStrategyAsync(token, "oidc")).IsOk);
        var saved = await flow.SaveOidcAsync(token, new OidcSettingsInput($"{issuer}/.well-known/openid-configuration", null, "client", "secret"));
        Assert.True(saved.IsOk, string.Join("; ", saved.Errors.Select(e => $"{e.Path}: {e.Reason}")));
        return token;
    }
}
