using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using SspPortal.Application.Profiles;

namespace SspPortal.Web.Tests.SetupFlow;

/// <summary>
/// How much database work the public doors do, counted by an EF interceptor (the bench's scenarios, on SQLite): the
/// guard's tenant resolution and the endpoint or page share one read of the ticket or session, and an operation of
/// several queries opens its connection once. The outcome of each request is checked too, so that fewer reads never
/// means a different answer.
/// </summary>
public sealed class FlowDatabaseWorkTests : IAsyncLifetime
{
    private const string TicketBySecret = "WHERE \"s\".\"SecretHash\" = ";
    private const string SessionByToken = "WHERE \"f\".\"TokenHash\" = ";
    private readonly FlowTestApp _app = new();
    private SelfServiceProfileDto _profile = default!;

    public async Task InitializeAsync()
    {
        await _app.StartAsync();
        _profile = await _app.CreateProfileAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task InvalidLink_ReadsTheDatabaseOnce_WhenTicketIsUnknown()
    {
        using var client = Client();
        _app.Database.Reset();

        using var response = await client.GetAsync("/self-service/connections-flow?ticket=" + new string('Z', 32));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, _app.Database.CountContaining(TicketBySecret));
        Assert.Single(_app.Database.Commands);
        Assert.Equal(1, _app.Database.ConnectionOpens);
    }

    [Fact]
    public async Task FrontDoor_ReadsTheTicketOnceAndOpensOneConnectionForTheOpen_WhenTicketIsFresh()
    {
        var (secret, id) = await _app.IssueTicketAsync(_profile.Id);
        using var client = Client();
        _app.Database.Reset();

        using var response = await client.GetAsync($"/self-service/connections-flow?ticket={secret}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, _app.Database.CountContaining(TicketBySecret));
        // The ticket read (for the guard and the open), the counted open, the count it left, the session: one connection
        // for the guard's read and one for the open.
        Assert.Equal(4, _app.Database.Commands.Count);
        Assert.Equal(2, _app.Database.ConnectionOpens);
        Assert.Equal(1, (await _app.TicketAsync(id)).OpenCount);
    }

    [Fact]
    public async Task FrontDoor_RefusesTheTicketWithoutCountingAnOpen_WhenItsProfileIsGoneButTheTicketIsNotRevoked()
    {
        // Deleting a profile revokes its tickets; the row can still be gone under a ticket that was just read (a delete
        // racing the open), which the counted open's own condition catches.
        var (secret, id) = await _app.IssueTicketAsync(_profile.Id);
        await using (var db = _app.Db())
        {
            await db.Profiles.IgnoreQueryFilters().Where(p => p.Id == _profile.Id).ExecuteDeleteAsync();
        }

        using var client = Client();

        using var response = await client.GetAsync($"/self-service/connections-flow?ticket={secret}");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal(0, (await _app.TicketAsync(id)).OpenCount);
        Assert.Contains(_app.LogLines, line => line.Contains("was refused: profile deleted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FlowPage_ReadsTheSessionOnce_WhenTheSessionCookieIsValid()
    {
        var (secret, _) = await _app.IssueTicketAsync(_profile.Id);
        using var client = Client();
        var cookie = await OpenAsync(client, secret);
        _app.Database.Reset();

        using var response = await client.SendAsync(WithCookie("/self-service/setup", cookie));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(_profile.Name, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, _app.Database.CountContaining(SessionByToken));
        // Session and ticket (guard), then profile, introductions, tenant and the reserved connection (page).
        Assert.Equal(6, _app.Database.Commands.Count);
        Assert.Equal(2, _app.Database.ConnectionOpens);
    }

    [Fact]
    public async Task FlowPage_ReadsTheSessionAgain_WhenTheTicketWasRevokedAfterOpening()
    {
        var (secret, id) = await _app.IssueTicketAsync(_profile.Id);
        using var client = Client();
        var cookie = await OpenAsync(client, secret);
        await _app.RevokeAsync(id);

        using var response = await client.SendAsync(WithCookie("/self-service/setup", cookie));

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.DoesNotContain(_profile.Name, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_OpensOneConnection_WhenTicketNamesNoConnection()
    {
        _app.Database.Reset();

        await _app.IssueTicketAsync(_profile.Id);

        // Profile and tenant read, then the reserved connection, the ticket and their two audit entries written.
        Assert.Equal(2, _app.Database.Commands.Count(c => c.StartsWith("SELECT", StringComparison.Ordinal)));
        Assert.Equal(4, _app.Database.Commands.Count(c => c.StartsWith("INSERT", StringComparison.Ordinal)));
        Assert.Equal(1, _app.Database.ConnectionOpens);
    }

    private static async Task<string> OpenAsync(HttpClient client, string secret)
    {
        using var response = await client.GetAsync($"/self-service/connections-flow?ticket={secret}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }

    private static HttpRequestMessage WithCookie(string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    private HttpClient Client() =>
        FlowTestApp.AsBrowser(
            _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://acme.example.com") })
        );
}
