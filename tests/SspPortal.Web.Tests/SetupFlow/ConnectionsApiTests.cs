using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SspPortal.Application.Common;
using SspPortal.Application.Connections;
using SspPortal.Application.Profiles;
using SspPortal.Application.SetupFlow;
using SspPortal.Web.Tests.Api.Testing;
using static SspPortal.Web.Tests.Api.Testing.ApiHttp;

namespace SspPortal.Web.Tests.SetupFlow;

/// <summary>GET /api/v2/connections[/{id}]: what the flow created, Auth0-shaped, secrets only with their own scope.</summary>
public sealed class ConnectionsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Connections = "/api/v2/connections";

    [Fact]
    public async Task Get_ReturnsAuth0ShapedConnectionWithoutSecret_WhenTokenHasReadConnectionsOnly()
    {
        var (tenant, id) = await FinishFlowAsync("okta-one", Strategies.Okta);
        var client = factory.ClientFor(tenant, Scopes.ReadConnections);

        var body = await client.GetAsync($"{Connections}/{id}").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(
            ["id", "name", "display_name", "strategy", "options", "enabled_clients", "is_domain_connection", "show_as_button", "metadata", "realms"],
            Keys(body)
        );
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal(id, root.GetProperty("id").GetString());
        Assert.Equal("okta-one", root.GetProperty("name").GetString());
        Assert.Equal(Strategies.Okta, root.GetProperty("strategy").GetString());
        Assert.Equal("0oa-client", root.GetProperty("options").GetProperty("client_id").GetString());
        Assert.False(root.GetProperty("options").TryGetProperty("client_secret", out _));
        Assert.Equal("okta-one", root.GetProperty("realms")[0].GetString());
        Assert.Equal(["client-a"], root.GetProperty("enabled_clients").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("s3cr3t-value", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_IncludesTheClientSecret_WhenTokenHasReadConnectionSecrets()
    {
        var (tenant, id) = await FinishFlowAsync("okta-two", Strategies.Okta);
        var client = factory.ClientFor(tenant, Scopes.ReadConnections, Scopes.ReadConnectionSecrets);

        var body = await client.GetAsync($"{Connections}/{id}").ExpectAsync(HttpStatusCode.OK);

        using var json = JsonDocument.Parse(body);
        Assert.Equal("s3cr3t-value", json.RootElement.GetProperty("options").GetProperty("client_secret").GetString());
    }

    [Fact]
    public async Task List_FiltersByStrategyAndName_AndPagesWithTotals()
    {
        var (tenant, _) = await FinishFlowAsync("first-conn", Strategies.Okta);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await FinishFlowAsync("second-conn", Strategies.Oidc, tenant);
        var client = factory.ClientFor(tenant, Scopes.ReadConnections);

        var all = await client.GetAsync(Connections).ExpectAsync(HttpStatusCode.OK);
        var oidc = await client.GetAsync($"{Connections}?strategy=oidc").ExpectAsync(HttpStatusCode.OK);
        var named = await client.GetAsync($"{Connections}?name=first-conn").ExpectAsync(HttpStatusCode.OK);
        var paged = await client.GetAsync($"{Connections}?per_page=1&page=1&include_totals=true").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(["first-conn", "second-conn"], Names(JsonDocument.Parse(all).RootElement));
        Assert.Equal(["second-conn"], Names(JsonDocument.Parse(oidc).RootElement));
        Assert.Equal(["first-conn"], Names(JsonDocument.Parse(named).RootElement));
        using var page = JsonDocument.Parse(paged);
        Assert.Equal(["connections", "start", "limit", "total"], Keys(paged));
        Assert.Equal(["second-conn"], Names(page.RootElement.GetProperty("connections")));
        Assert.Equal(1, page.RootElement.GetProperty("start").GetInt32());
        Assert.Equal(2, page.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task List_Returns403_WhenTokenLacksReadConnections()
    {
        var tenant = await factory.CreateTenantAsync();

        var body = await factory.ClientFor(tenant, Scopes.ReadProfiles).GetAsync(Connections).ExpectAsync(HttpStatusCode.Forbidden);

        Assert.Contains("Insufficient scope, expected any of: read:connections", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Returns404ForAnotherTenantsConnection_And400ForAMalformedId()
    {
        var (_, id) = await FinishFlowAsync("theirs", Strategies.Okta);
        var stranger = factory.ClientFor(await factory.CreateTenantAsync(), Scopes.ReadConnections);

        var missing = await stranger.GetAsync($"{Connections}/{id}").ExpectAsync(HttpStatusCode.NotFound);
        var nowhere = await stranger.GetAsync($"{Connections}/con_1111111111111111").ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(nowhere.Replace("con_1111111111111111", id, StringComparison.Ordinal), missing);
        Assert.Equal("[]", await stranger.GetAsync($"{Connections}?name=theirs").ExpectAsync(HttpStatusCode.OK));
        Assert.Equal(
            """{"connections":[],"start":0,"limit":50,"total":0}""",
            await stranger.GetAsync($"{Connections}?strategy=okta&include_totals=true").ExpectAsync(HttpStatusCode.OK)
        );
        await stranger.GetAsync($"{Connections}/not-an-id").ExpectAsync(HttpStatusCode.BadRequest);
        await stranger.GetAsync($"{Connections}?strategy=nope").ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GetAndList_HideAReservedConnection_UntilItsFlowFinishes()
    {
        var tenant = await factory.CreateTenantAsync();
        var admin = factory.AdminClientFor(tenant);
        var profileId = await admin.CreateProfileAsync("""{"name":"Reserving profile"}""");
        await admin.IssueTicketAsync(profileId, """{"connection_config":{"name":"reserved-only"}}""");
        var reservedId = await ReservedConnectionIdAsync(tenant, "reserved-only");
        var client = factory.ClientFor(tenant, Scopes.ReadConnections);

        var list = await client.GetAsync($"{Connections}?name=reserved-only").ExpectAsync(HttpStatusCode.OK);
        var single = await client.GetAsync($"{Connections}/{reservedId}").ExpectAsync(HttpStatusCode.NotFound);

        Assert.Equal("[]", list);
        Assert.Contains($"Connection with ID: {reservedId} not found", single, StringComparison.Ordinal);
    }

    private async Task<string> ReservedConnectionIdAsync(string tenant, string name)
    {
        using var scope = factory.Services.CreateScope();
        var connections = scope.ServiceProvider.GetRequiredService<IConnectionService>();
        var actor = Actor.ForRole(tenant, "test", "Test", PortalRole.Viewer);
        var all = await connections.ListAsync(actor, new ConnectionQuery(null, name, new PageRequest(0, 10), IncludeReserved: true));
        Assert.True(all.IsOk, all.Message);
        return Assert.Single(all.Value.Items).Id;
    }

    private static string[] Names(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetProperty("name").GetString()!)];

    /// <summary>Issues a ticket over the API, opens it like a browser, and runs the flow to the end.</summary>
    private async Task<(string Tenant, string ConnectionId)> FinishFlowAsync(string name, string strategy, string? tenant = null)
    {
        tenant ??= await factory.CreateTenantAsync();
        var admin = factory.AdminClientFor(tenant);
        var profileId = await admin.CreateProfileAsync($$"""{"name":"Profile {{name}}"}""");
        var url = await admin.IssueTicketAsync(profileId, $$"""{"connection_config":{"name":"{{name}}","display_name":"Display {{name}}"},"enabled_clients":["client-a"]}""");

        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        // The POST of the ticket URL's continue page opens it (a plain GET costs no open: TicketScannerTests).
        using var opened = await browser.PostAsync(new Uri(url).PathAndQuery, null);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var token = opened.Headers.GetValues("Set-Cookie").Single().Split(';')[0].Split('=')[1];

        using var scope = factory.Services.CreateScope();
        var flow = scope.ServiceProvider.GetRequiredService<ITicketFlowService>();
        Assert.True((await flow.ChooseStrategyAsync(token, strategy)).IsOk);
        var settings = strategy == Strategies.Oidc
            ? new OidcSettingsInput("https://idp.example.com", null, "0oa-client", "s3cr3t-value")
            : new OidcSettingsInput(null, "acme.okta.com", "0oa-client", "s3cr3t-value");
        Assert.True((await flow.SaveOidcAsync(token, settings)).IsOk);
        var finished = await flow.FinishAsync(token);
        Assert.True(finished.IsOk, finished.Message);
        return (tenant, finished.Value.ConnectionId);
    }
}
