using System.Net;
using Microsoft.IdentityModel.Tokens;
using SspPortal.Application.Common;
using SspPortal.Web.Tests.Api.Testing;
using static SspPortal.Web.Tests.Api.Testing.ApiHttp;

namespace SspPortal.Web.Tests.Api;

public sealed class ApiAuthenticationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string SomeId = "ssp_3333333333333333333333";
    private const string SomeTicket = "abcdefghijABCDEFGHIJ0123456789ab";

    /// <summary>Every endpoint with the scope it needs (the nine of the contract and the two connection reads).</summary>
    public static TheoryData<string, string, string> Endpoints =>
        new()
        {
            { "GET", Profiles, Scopes.ReadProfiles },
            { "POST", Profiles, Scopes.CreateProfiles },
            { "GET", $"{Profiles}/{SomeId}", Scopes.ReadProfiles },
            { "PATCH", $"{Profiles}/{SomeId}", Scopes.UpdateProfiles },
            { "DELETE", $"{Profiles}/{SomeId}", Scopes.DeleteProfiles },
            { "GET", $"{Profiles}/{SomeId}/custom-text/en/get-started", Scopes.ReadCustomTexts },
            { "PUT", $"{Profiles}/{SomeId}/custom-text/en/get-started", Scopes.UpdateCustomTexts },
            { "POST", $"{Profiles}/{SomeId}/sso-ticket", Scopes.CreateTickets },
            { "POST", $"{Profiles}/{SomeId}/sso-ticket/{SomeTicket}/revoke", Scopes.DeleteTickets },
            { "GET", "/api/v2/connections", Scopes.ReadConnections },
            { "GET", "/api/v2/connections/con_1111111111111111", Scopes.ReadConnections },
        };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_Returns401_WhenNoToken(string method, string path, string scope)
    {
        _ = scope;
        using var client = factory.CreateClient();

        using var response = await client.SendJsonAsync(new HttpMethod(method), path, "{}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(
            """{"statusCode":401,"error":"Unauthorized","message":"Missing authentication"}""",
            await response.Content.ReadAsStringAsync()
        );
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_Returns403InsufficientScope_WhenTokenLacksItsScope(string method, string path, string scope)
    {
        var tenant = await factory.CreateTenantAsync();
        using var client = factory.ClientFor(tenant, ApiScopes.AllExcept(scope));

        var body = await client.SendJsonAsync(new HttpMethod(method), path, """{"not":"even valid"}""").ExpectAsync(HttpStatusCode.Forbidden);

        Assert.Equal(
            $$"""{"statusCode":403,"error":"Forbidden","message":"Insufficient scope, expected any of: {{scope}}","errorCode":"insufficient_scope"}""",
            body
        );
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_PassesTheGate_WhenTokenHasOnlyItsScope(string method, string path, string scope)
    {
        var tenant = await factory.CreateTenantAsync();
        using var client = factory.ClientFor(tenant, scope);

        using var response = await client.SendJsonAsync(new HttpMethod(method), path, "{}");

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True((int)response.StatusCode < 500);
    }

    [Fact]
    public async Task Request_Returns401InvalidToken_WhenSignatureFromOtherKey()
    {
        var tenant = await factory.CreateTenantAsync();
        using var client = factory.WithToken(TokenMinter.SignedWithOtherKey(tenant, ApiScopes.All));

        await AssertInvalidTokenAsync(client);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("audience")]
    [InlineData("issuer")]
    [InlineData("unsigned")]
    [InlineData("garbage")]
    public async Task Request_Returns401InvalidToken_WhenTokenNotAcceptable(string defect)
    {
        var tenant = await factory.CreateTenantAsync();
        var token = defect switch
        {
            "expired" => factory.Tokens.Create(
                tenant,
                ApiScopes.All,
                d =>
                {
                    d.IssuedAt = DateTime.UtcNow.AddHours(-3);
                    d.NotBefore = DateTime.UtcNow.AddHours(-3);
                    d.Expires = DateTime.UtcNow.AddHours(-2);
                }
            ),
            "audience" => factory.Tokens.Create(tenant, ApiScopes.All, d => d.Audience = "https://other.example/"),
            "issuer" => factory.Tokens.Create(tenant, ApiScopes.All, d => d.Issuer = "https://evil.example/"),
            "unsigned" => UnsignedToken(tenant),
            _ => "garbage.token.value",
        };
        using var client = factory.WithToken(token);

        await AssertInvalidTokenAsync(client);
    }

    [Fact]
    public async Task Request_Returns403UnknownTenant_WhenTenantNotInDirectory()
    {
        using var client = factory.ClientFor("no-such-tenant", ApiScopes.All);

        var body = await client.GetAsync(Profiles).ExpectAsync(HttpStatusCode.Forbidden);

        Assert.Equal(
            """{"statusCode":403,"error":"Forbidden","message":"The token is not bound to a known tenant.","errorCode":"unknown_tenant"}""",
            body
        );
    }

    [Fact]
    public async Task Request_Returns403UnknownTenant_WhenTenantClaimMissing()
    {
        using var client = factory.ClientFor(null!, ApiScopes.All);

        var body = await client.GetAsync(Profiles).ExpectAsync(HttpStatusCode.Forbidden);

        Assert.Contains("\"errorCode\":\"unknown_tenant\"", body, StringComparison.Ordinal);
    }

    public static TheoryData<string> TenantClaimShapes => new() { "two-tenants", "one-tenant-array", "number", "boolean", "object" };

    [Theory]
    [MemberData(nameof(TenantClaimShapes))]
    public async Task Request_Returns403UnknownTenant_WhenTenantClaimIsNotOneString(string shape)
    {
        var tenant = await factory.CreateTenantAsync();
        var other = await factory.CreateTenantAsync();
        object value = shape switch
        {
            "two-tenants" => new[] { tenant, other },
            "one-tenant-array" => new[] { tenant },
            "number" => 42,
            "boolean" => true,
            _ => new Dictionary<string, object> { ["id"] = tenant },
        };
        var token = factory.Tokens.Create(
            new Dictionary<string, object>
            {
                ["sub"] = "client-1@clients",
                ["ssp_tenant"] = value,
                ["scope"] = string.Join(' ', ApiScopes.All),
            }
        );
        using var client = factory.WithToken(token);

        var body = await client.GetAsync(Profiles).ExpectAsync(HttpStatusCode.Forbidden);

        Assert.Equal(
            """{"statusCode":403,"error":"Forbidden","message":"The token's ssp_tenant claim must be a single string.","errorCode":"unknown_tenant"}""",
            body
        );
    }

    [Fact]
    public async Task Request_AcceptsScopes_WhenGivenAsPermissionsArray()
    {
        var tenant = await factory.CreateTenantAsync();
        var token = factory.Tokens.Create(
            new Dictionary<string, object>
            {
                ["sub"] = "user-1",
                ["ssp_tenant"] = tenant,
                ["permissions"] = new[] { Scopes.ReadProfiles, Scopes.CreateProfiles },
            }
        );
        using var client = factory.WithToken(token);

        await client.PostJsonAsync(Profiles, """{"name":"By permissions"}""").ExpectAsync(HttpStatusCode.Created);
        await client.GetAsync(Profiles).ExpectAsync(HttpStatusCode.OK);
        await client.DeleteAsync($"{Profiles}/{SomeId}").ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Request_AcceptsScopes_WhenScopeClaimIsAnArray()
    {
        // dotnet user-jwts writes one "scope" entry per --scope option.
        var tenant = await factory.CreateTenantAsync();
        var token = factory.Tokens.Create(
            new Dictionary<string, object>
            {
                ["sub"] = "dev",
                ["ssp_tenant"] = tenant,
                ["scope"] = new[] { Scopes.ReadProfiles, $"{Scopes.CreateProfiles} {Scopes.DeleteProfiles}" },
            }
        );
        using var client = factory.WithToken(token);

        await client.GetAsync(Profiles).ExpectAsync(HttpStatusCode.OK);
        var id = await client.CreateProfileAsync();
        await client.DeleteAsync($"{Profiles}/{id}").ExpectAsync(HttpStatusCode.NoContent);
        await client.PatchJsonAsync($"{Profiles}/{id}", "{}").ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Request_Returns401_WhenSchemeIsNotBearer()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");

        var body = await client.GetAsync(Profiles).ExpectAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("""{"statusCode":401,"error":"Unauthorized","message":"Invalid token"}""", body);
    }

    [Fact]
    public async Task UnknownApiRoute_Returns404ContractBody_WhenNothingMatches()
    {
        using var client = factory.CreateClient();

        var body = await client.GetAsync("/api/v2/nothing/here").ExpectAsync(HttpStatusCode.NotFound);

        Assert.Equal("""{"statusCode":404,"error":"Not Found","message":"Not Found"}""", body);
    }

    private static async Task AssertInvalidTokenAsync(HttpClient client)
    {
        using var response = await client.GetAsync(Profiles);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(
            """{"statusCode":401,"error":"Unauthorized","message":"Invalid token"}""",
            await response.Content.ReadAsStringAsync()
        );
    }

    private static string UnsignedToken(string tenant)
    {
        static string Encode(string json) => Base64UrlEncoder.Encode(json);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return Encode("""{"alg":"none","typ":"JWT"}""")
            + "."
            + Encode(
                $$"""{"iss":"{{ApiFactory.Issuer}}","aud":"{{ApiFactory.Audience}}","sub":"x","ssp_tenant":"{{tenant}}","scope":"read:self_service_profiles","nbf":{{now - 60}},"exp":{{now + 3600}}}"""
            )
            + ".";
    }
}
