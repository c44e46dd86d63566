using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace SspPortal.Web.Tests.SetupFlow;

/// <summary>
/// The flow's budgets: per client IP for every request, per tenant only for requests that carry a usable ticket or an
/// active session. Each request comes from its own address (the test server's connection address), as from many hosts.
/// </summary>
public sealed class SetupFlowRateLimitTests
{
    private const string BogusTicket = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    [Fact]
    public async Task FrontDoor_OpensAValidTicket_WhenManyAddressesSpentTheirBudgetsOnBogusTickets()
    {
        await using var app = await StartAsync(perIp: 3, perTenant: 5);
        var profile = await app.CreateProfileAsync();
        var (secret, _) = await app.IssueTicketAsync(profile.Id);
        HttpContext? lastBogus = null;
        for (var address = 1; address <= 4; address++)
        {
            for (var i = 0; i < 4; i++)
            {
                lastBogus = await GetAsync(app, $"203.0.113.{address}", $"?ticket={BogusTicket}");
            }
        }

        var visitor = await GetAsync(app, "198.51.100.7", $"?ticket={secret}");

        Assert.Equal(StatusCodes.Status302Found, visitor.Response.StatusCode);
        Assert.Equal(StatusCodes.Status429TooManyRequests, lastBogus!.Response.StatusCode);
    }

    [Fact]
    public async Task FrontDoor_Returns429WithRateLimitHeaders_WhenTheClientIpSpentItsBudget()
    {
        await using var app = await StartAsync(perIp: 2, perTenant: 1000);
        var first = await GetAsync(app, "203.0.113.9", $"?ticket={BogusTicket}");
        await GetAsync(app, "203.0.113.9", $"?ticket={BogusTicket}");

        var refused = await GetAsync(app, "203.0.113.9", $"?ticket={BogusTicket}");
        var otherAddress = await GetAsync(app, "203.0.113.10", $"?ticket={BogusTicket}");

        Assert.Equal("1", first.Response.Headers["X-RateLimit-Remaining"].ToString());
        Assert.Equal(StatusCodes.Status429TooManyRequests, refused.Response.StatusCode);
        AssertRefusalHeaders(refused, limit: 2, WindowOf(app));
        Assert.Equal(StatusCodes.Status404NotFound, otherAddress.Response.StatusCode);
    }

    [Fact]
    public async Task FrontDoor_CountsAnIpv6NetworkOrAMappedIpv4AddressAsOneClient_WhenAddressesDiffer()
    {
        await using var app = await StartAsync(perIp: 2, perTenant: 1000);
        await GetAsync(app, "2001:db8:1:2::1", $"?ticket={BogusTicket}");
        await GetAsync(app, "2001:db8:1:2::2", $"?ticket={BogusTicket}");
        await GetAsync(app, "203.0.113.20", $"?ticket={BogusTicket}");
        await GetAsync(app, "203.0.113.20", $"?ticket={BogusTicket}");

        var sameNetwork = await GetAsync(app, "2001:db8:1:2:ffff::3", $"?ticket={BogusTicket}");
        var otherNetwork = await GetAsync(app, "2001:db8:1:3::1", $"?ticket={BogusTicket}");
        var mappedIpv4 = await GetAsync(app, "::ffff:203.0.113.20", $"?ticket={BogusTicket}");

        Assert.Equal(StatusCodes.Status429TooManyRequests, sameNetwork.Response.StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, otherNetwork.Response.StatusCode);
        Assert.Equal(StatusCodes.Status429TooManyRequests, mappedIpv4.Response.StatusCode);
    }

    [Fact]
    public async Task FlowPage_Returns429WithRateLimitHeaders_WhenTheTenantSpentItsBudget()
    {
        await using var app = await StartAsync(perIp: 1000, perTenant: 3);
        var profile = await app.CreateProfileAsync();
        var (secret, _) = await app.IssueTicketAsync(profile.Id);
        var opened = await GetAsync(app, "198.51.100.1", $"?ticket={secret}");
        Assert.Equal(StatusCodes.Status302Found, opened.Response.StatusCode);
        var cookie = opened.Response.Headers.SetCookie.ToString().Split(';')[0];
        await GetAsync(app, "198.51.100.2", "", cookie);
        await GetAsync(app, "198.51.100.3", "", cookie);

        var refused = await GetAsync(app, "198.51.100.4", "", cookie);
        var window = WindowOf(app);
        var bogus = await GetAsync(app, "198.51.100.4", $"?ticket={BogusTicket}");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var nextWindow = await GetAsync(app, "198.51.100.4", "", cookie);

        Assert.Equal(StatusCodes.Status429TooManyRequests, refused.Response.StatusCode);
        AssertRefusalHeaders(refused, limit: 3, window);
        Assert.Equal(StatusCodes.Status404NotFound, bogus.Response.StatusCode);
        Assert.Equal(StatusCodes.Status302Found, nextWindow.Response.StatusCode);
    }

    private static async Task<FlowTestApp> StartAsync(int perIp, int perTenant)
    {
        var app = new FlowTestApp(
            new Dictionary<string, string?>
            {
                ["SetupFlow:PerIpRequestsPerMinute"] = perIp.ToString(CultureInfo.InvariantCulture),
                ["SetupFlow:PerTenantRequestsPerMinute"] = perTenant.ToString(CultureInfo.InvariantCulture),
            }
        );
        await app.StartAsync();
        return app;
    }

    /// <summary>A browser's GET /self-service/connections-flow{query} on the tenant's host from <paramref name="address"/>.</summary>
    private static Task<HttpContext> GetAsync(FlowTestApp app, string address, string query, string? cookie = null) =>
        app.Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.Scheme = "https";
            context.Request.Host = new HostString(FlowTestApp.TenantDomain);
            context.Request.Path = "/self-service/connections-flow";
            context.Request.QueryString = new QueryString(query);
            context.Connection.RemoteIpAddress = IPAddress.Parse(address);
            foreach (var (name, value) in FlowTestApp.BrowserNavigationHeaders)
            {
                context.Request.Headers[name] = value;
            }

            if (cookie is not null)
            {
                context.Request.Headers.Cookie = cookie;
            }
        });

    /// <summary>The end of the clock's current minute (Unix seconds) and the seconds left: flow windows are minutes of the clock.</summary>
    private static (long End, long SecondsLeft) WindowOf(FlowTestApp app)
    {
        var now = app.Clock.GetUtcNow().ToUnixTimeSeconds();
        var end = (now / 60 + 1) * 60;
        return (end, end - now);
    }

    private static void AssertRefusalHeaders(HttpContext refused, int limit, (long End, long SecondsLeft) window)
    {
        var headers = refused.Response.Headers;
        Assert.Equal(limit.ToString(CultureInfo.InvariantCulture), headers["X-RateLimit-Limit"].ToString());
        Assert.Equal("0", headers["X-RateLimit-Remaining"].ToString());
        Assert.Equal(window.End.ToString(CultureInfo.InvariantCulture), headers["X-RateLimit-Reset"].ToString());
        Assert.Equal(window.SecondsLeft.ToString(CultureInfo.InvariantCulture), headers.RetryAfter.ToString());
    }
}
