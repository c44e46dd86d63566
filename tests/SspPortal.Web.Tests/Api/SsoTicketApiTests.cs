using System.Net;
using System.Text.RegularExpressions;
using SspPortal.Application.Tickets;
using SspPortal.Web.Tests.Api.Testing;
using static SspPortal.Web.Tests.Api.Testing.ApiHttp;

namespace SspPortal.Web.Tests.Api;

public sealed partial class SsoTicketApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Issue_Returns201WithTicketUrlOnTenantDomain_WhenBodyEmpty()
    {
        var tenant = await factory.CreateTenantAsync();
        var client = factory.AdminClientFor(tenant);
        var id = await client.CreateProfileAsync();

        using var response = await client.PostAsync($"{Profiles}/{id}/sso-ticket", null);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Matches(TicketBody(), body);
        Assert.StartsWith($$"""{"ticket":"https://{{tenant}}.ssp.test/self-service/connections-flow?ticket=""", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_UsesCustomDomain_WhenHeaderNamesOneOfTheTenants()
    {
        var tenant = await factory.CreateTenantAsync();
        var client = factory.AdminClientFor(tenant);
        var id = await client.CreateProfileAsync();
        client.DefaultRequestHeaders.Add("auth0-custom-domain", $"login.{tenant}.ssp.test");

        var url = await client.IssueTicketAsync(id, """{"ttl_sec":600}""");

        Assert.StartsWith($"https://login.{tenant}.ssp.test/self-service/connections-flow?ticket=", url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("other.example.com")]
    [InlineData("ab")]
    public async Task Issue_Returns400_WhenCustomDomainNotTheTenants(string domain)
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var id = await client.CreateProfileAsync();
        client.DefaultRequestHeaders.Add("auth0-custom-domain", domain);

        var body = await client.PostJsonAsync($"{Profiles}/{id}/sso-ticket", "{}").ExpectAsync(HttpStatusCode.BadRequest);

        Assert.StartsWith("""{"statusCode":400,"error":"Bad Request","message":""", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_Returns400ConnectionNotFound_WhenConnectionIdUnknown()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var id = await client.CreateProfileAsync();

        var body = await client
            .PostJsonAsync($"{Profiles}/{id}/sso-ticket", """{"connection_id":"con_1111111111111111","enabled_features":{"sso":true}}""")
            .ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(InvalidBody("Connection not found"), body);
    }

    [Fact]
    public async Task Issue_Returns409_WhenConnectionNameTaken()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var id = await client.CreateProfileAsync();
        await client.IssueTicketAsync(id, """{"connection_config":{"name":"acme-corp"}}""");

        var body = await client
            .PostJsonAsync($"{Profiles}/{id}/sso-ticket", """{"connection_config":{"name":"acme-corp"}}""")
            .ExpectAsync(HttpStatusCode.Conflict);

        Assert.Equal(ErrorBody(409, "Conflict", "A connection with this name already exists."), body);
    }

    [Theory]
    [InlineData("""{"ttl_sec":-1}""")]
    [InlineData("""{"ttl_sec":432001}""")]
    [InlineData("""{"connection_id":"con_1111111111111111","connection_config":{"name":"x"}}""")]
    [InlineData("""{"connection_config":{"name":"-bad-"}}""")]
    [InlineData("""{"domain_aliases_config":{"domain_verification":"sometimes"}}""")]
    [InlineData("""{"enabled_features":{"sso":true}}""")]
    public async Task Issue_Returns400InvalidBody_WhenRuleBroken(string json)
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var id = await client.CreateProfileAsync();

        var body = await client.PostJsonAsync($"{Profiles}/{id}/sso-ticket", json).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.StartsWith("""{"statusCode":400,"error":"Bad Request","message":""", body, StringComparison.Ordinal);
        Assert.EndsWith(""","errorCode":"invalid_body"}""", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_Returns404_WhenProfileMissing()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());

        var body = await client.PostJsonAsync($"{Profiles}/ssp_5555555555555555555555/sso-ticket", "{}").ExpectAsync(HttpStatusCode.NotFound);

        Assert.Equal(ErrorBody(404, "Not Found", "Profile with ID: ssp_5555555555555555555555 not found"), body);
    }

    [Fact]
    public async Task Revoke_Returns202AndRevokesTicket_WhenTicketKnown()
    {
        var tenant = await factory.CreateTenantAsync();
        var client = factory.AdminClientFor(tenant);
        var id = await client.CreateProfileAsync();
        var secret = SecretOf(await client.IssueTicketAsync(id));

        var body = await client.PostAsync($"{Profiles}/{id}/sso-ticket/{secret}/revoke", null).ExpectAsync(HttpStatusCode.Accepted);

        Assert.Equal("{}", body);
        var tickets = await factory.AsTenantAsync<ISsoTicketService, IReadOnlyList<TicketSummary>>(
            tenant,
            async (service, actor) => (await service.ListAsync(actor, new TicketQuery { ProfileId = id })).Value.Items
        );
        Assert.Equal(TicketStatus.Revoked, Assert.Single(tickets).Status);
    }

    [Theory]
    [InlineData("abcdefghijABCDEFGHIJ0123456789ab")]
    [InlineData("short")]
    [InlineData("not%20a%20ticket")]
    public async Task Revoke_Returns202_WhenTicketUnknown(string ticket)
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var id = await client.CreateProfileAsync();

        Assert.Equal("{}", await client.PostAsync($"{Profiles}/{id}/sso-ticket/{ticket}/revoke", null).ExpectAsync(HttpStatusCode.Accepted));
        Assert.Equal(
            "{}",
            await client
                .PostAsync($"{Profiles}/ssp_6666666666666666666666/sso-ticket/{ticket}/revoke", null)
                .ExpectAsync(HttpStatusCode.Accepted)
        );
    }

    internal static string SecretOf(string url) => url[(url.IndexOf("ticket=", StringComparison.Ordinal) + "ticket=".Length)..];

    [GeneratedRegex("""^\{"ticket":"https://[a-z0-9.-]+/self-service/connections-flow\?ticket=[A-Za-z0-9]{32}"\}$""")]
    private static partial Regex TicketBody();
}
