using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SspPortal.Application.Tickets;
using SspPortal.Infrastructure.Persistence;
using SspPortal.Web.Tests.Api.Testing;
using static SspPortal.Web.Tests.Api.Testing.ApiHttp;

namespace SspPortal.Web.Tests.Api;

/// <summary>
/// For every endpoint, a token of tenant B can neither read, change, issue for, revoke nor detect tenant A's
/// resources: each answer equals the answer for an id that exists nowhere, and A's data stays as it was.
/// </summary>
public sealed class CrossTenantApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string NowhereId = "ssp_7777777777777777777777";

    public static TheoryData<string, string, string?> ForeignRequests =>
        new()
        {
            { "GET", "{profile}", null },
            { "PATCH", "{profile}", """{"name":"Taken over","description":null}""" },
            { "DELETE", "{profile}", null },
            { "GET", "{profile}/custom-text/en/get-started", null },
            { "PUT", "{profile}/custom-text/en/get-started", """{"introduction":"Defaced"}""" },
            { "PUT", "{profile}/custom-text/en/get-started", "{}" },
            { "POST", "{profile}/sso-ticket", "{}" },
            { "POST", "{profile}/sso-ticket", """{"connection_config":{"name":"b-conn"}}""" },
            { "POST", "{profile}/sso-ticket/{ticket}/revoke", null },
        };

    [Theory]
    [MemberData(nameof(ForeignRequests))]
    public async Task Endpoint_TreatsOtherTenantsProfileAsMissing_WhenTokenIsForTenantB(string method, string template, string? json)
    {
        var (tenantA, profileA, ticketA, profileJsonBefore) = await SeedTenantAAsync();
        var tenantB = await factory.CreateTenantAsync();
        var clientB = factory.AdminClientFor(tenantB);
        await clientB.CreateProfileAsync("""{"name":"B's own"}""");

        using var foreign = await clientB.SendJsonAsync(new HttpMethod(method), Fill(template, profileA, ticketA.Secret), json);
        using var nowhere = await clientB.SendJsonAsync(new HttpMethod(method), Fill(template, NowhereId, ticketA.Secret), json);
        var foreignBody = await foreign.Content.ReadAsStringAsync();
        var nowhereBody = await nowhere.Content.ReadAsStringAsync();

        // Indistinguishable from an id that exists nowhere (ids differ only inside the message).
        Assert.Equal(nowhere.StatusCode, foreign.StatusCode);
        Assert.Equal(nowhereBody.Replace(NowhereId, "<id>", StringComparison.Ordinal), foreignBody.Replace(profileA, "<id>", StringComparison.Ordinal));
        Assert.True(foreign.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.NoContent or HttpStatusCode.Accepted, foreignBody);

        // And A's data is untouched.
        var clientA = factory.AdminClientFor(tenantA);
        Assert.Equal(profileJsonBefore, await clientA.GetAsync($"{Profiles}/{profileA}").ExpectAsync(HttpStatusCode.OK));
        Assert.Equal(
            """{"introduction":"Hello from A"}""",
            await clientA.GetAsync($"{Profiles}/{profileA}/custom-text/en/get-started").ExpectAsync(HttpStatusCode.OK)
        );
        var ticketsA = await factory.AsTenantAsync<ISsoTicketService, IReadOnlyList<TicketSummary>>(
            tenantA,
            async (service, actor) => (await service.ListAsync(actor, new TicketQuery { ProfileId = profileA })).Value.Items
        );
        Assert.Equal(TicketStatus.Active, Assert.Single(ticketsA).Status);
    }

    [Fact]
    public async Task List_ShowsOnlyOwnProfiles_WhenOtherTenantHasSome()
    {
        var (_, profileA, _, _) = await SeedTenantAAsync();
        var clientB = factory.AdminClientFor(await factory.CreateTenantAsync());
        var profileB = await clientB.CreateProfileAsync("""{"name":"B's own"}""");

        var list = await clientB.GetAsync($"{Profiles}?include_totals=true").ExpectAsync(HttpStatusCode.OK);

        using var document = JsonDocument.Parse(list);
        Assert.Equal([profileB], document.RootElement.GetProperty("self_service_profiles").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(1, document.RootElement.GetProperty("total").GetInt32());
        Assert.DoesNotContain(profileA, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_BindsProfileToTokenTenant_WhenBodyTriesToNameAnother()
    {
        var (tenantA, _, _, _) = await SeedTenantAAsync();
        var clientB = factory.AdminClientFor(await factory.CreateTenantAsync());

        var body = await clientB.PostJsonAsync(Profiles, $$"""{"name":"x","tenant":"{{tenantA}}"}""").ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(InvalidBody("Payload validation error: 'Additional properties not allowed: tenant'."), body);
    }

    [Fact]
    public async Task IssueTicket_RefusesConnectionOfOtherTenant_AsIfUnknown()
    {
        var (tenantA, _, _, _) = await SeedTenantAAsync();
        var connectionId = await ConnectionIdOfAsync(tenantA);
        var clientB = factory.AdminClientFor(await factory.CreateTenantAsync());
        var profileB = await clientB.CreateProfileAsync();

        var body = await clientB
            .PostJsonAsync($"{Profiles}/{profileB}/sso-ticket", $$$"""{"connection_id":"{{{connectionId}}}","enabled_features":{"sso":true}}""")
            .ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(InvalidBody("Connection not found"), body);
    }

    [Fact]
    public async Task IssueTicket_AllowsSameConnectionNameInOtherTenant()
    {
        await SeedTenantAAsync();
        var clientB = factory.AdminClientFor(await factory.CreateTenantAsync());
        var profileB = await clientB.CreateProfileAsync();

        await clientB.IssueTicketAsync(profileB, """{"connection_config":{"name":"a-conn"}}""");
    }

    private async Task<(string Tenant, string Profile, (string Url, string Secret) Ticket, string ProfileJson)> SeedTenantAAsync()
    {
        var tenantA = await factory.CreateTenantAsync();
        var clientA = factory.AdminClientFor(tenantA);
        var profileA = await clientA.CreateProfileAsync("""{"name":"A's profile","description":"Secret plans"}""");
        await clientA
            .PutJsonAsync($"{Profiles}/{profileA}/custom-text/en/get-started", """{"introduction":"Hello from A"}""")
            .ExpectAsync(HttpStatusCode.OK);
        var url = await clientA.IssueTicketAsync(profileA, """{"connection_config":{"name":"a-conn"}}""");
        var json = await clientA.GetAsync($"{Profiles}/{profileA}").ExpectAsync(HttpStatusCode.OK);
        return (tenantA, profileA, (url, SsoTicketApiTests.SecretOf(url)), json);
    }

    /// <summary>The id of tenant A's connection (reserved by the ticket's connection_config), read from the database.</summary>
    private async Task<string> ConnectionIdOfAsync(string tenant)
    {
        using var scope = factory.Services.CreateScope();
        await using var db = scope.ServiceProvider.GetRequiredService<SspDbContextFactory>().ForTenant(tenant);
        return await db.Connections.AsNoTracking().Select(c => c.Id).SingleAsync();
    }

    private static string Fill(string template, string profile, string ticket) =>
        Profiles + "/" + template.Replace("{profile}", profile, StringComparison.Ordinal).Replace("{ticket}", ticket, StringComparison.Ordinal);
}
