using System.Net;
using SspPortal.Application.Common;
using SspPortal.Web.Tests.Api.Testing;
using static SspPortal.Web.Tests.Api.Testing.ApiHttp;

namespace SspPortal.Web.Tests.Api;

/// <summary>An app with a tiny per-tenant budget and a custom tenant claim type.</summary>
public sealed class LimitedApiFactory : ApiFactory
{
    public const string TenantClaim = "https://ssp.example/tenant";
    public const int Permits = 3;
    public const int WindowSeconds = 30;

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
        [
            new("Api:RateLimit:PermitLimit", Permits.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Api:RateLimit:WindowSeconds", WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Api:TenantClaimType", TenantClaim),
        ];

    public HttpClient LimitedClientFor(string tenant) =>
        WithToken(
            Tokens.Create(
                new Dictionary<string, object>
                {
                    ["sub"] = "limited",
                    [TenantClaim] = tenant,
                    ["scope"] = Scopes.ReadProfiles,
                }
            )
        );
}

public sealed class ApiRateLimitTests(LimitedApiFactory factory) : IClassFixture<LimitedApiFactory>
{
    [Fact]
    public async Task Request_CarriesRateLimitHeaders_WhenWithinBudget()
    {
        var client = factory.LimitedClientFor(await factory.CreateTenantAsync());

        using var response = await client.GetAsync(Profiles);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3", Header(response, "X-RateLimit-Limit"));
        Assert.Equal("2", Header(response, "X-RateLimit-Remaining"));
        // Windows are aligned to the clock: the reset is the end of the current one.
        var now = factory.Clock.GetUtcNow().ToUnixTimeSeconds();
        Assert.Equal(
            ((now / LimitedApiFactory.WindowSeconds + 1) * LimitedApiFactory.WindowSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Header(response, "X-RateLimit-Reset")
        );
    }

    [Fact]
    public async Task Request_Returns429WithHeaders_WhenTenantBudgetSpent()
    {
        var tenant = await factory.CreateTenantAsync();
        var client = factory.LimitedClientFor(tenant);
        for (var i = 0; i < LimitedApiFactory.Permits; i++)
        {
            await client.GetAsync(Profiles).ExpectAsync(HttpStatusCode.OK);
        }

        using var response = await client.GetAsync(Profiles);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(
            """{"statusCode":429,"error":"Too Many Requests","message":"Too many requests for this tenant; retry after the rate limit window resets.","errorCode":"too_many_requests"}""",
            body
        );
        Assert.Equal("3", Header(response, "X-RateLimit-Limit"));
        Assert.Equal("0", Header(response, "X-RateLimit-Remaining"));
        Assert.True(long.Parse(Header(response, "X-RateLimit-Reset"), System.Globalization.CultureInfo.InvariantCulture) > factory.Clock.GetUtcNow().ToUnixTimeSeconds());
        Assert.NotNull(response.Headers.RetryAfter);

        // Another tenant has its own budget.
        await factory.LimitedClientFor(await factory.CreateTenantAsync()).GetAsync(Profiles).ExpectAsync(HttpStatusCode.OK);

        // The next window starts afresh.
        factory.Clock.Advance(TimeSpan.FromSeconds(LimitedApiFactory.WindowSeconds + 1));
        await client.GetAsync(Profiles).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Request_DoesNotSpendTheTenantBudget_WhenTokenIsNotValid()
    {
        var tenant = await factory.CreateTenantAsync();
        var forged = factory.WithToken(
            new TokenMinter(ApiFactory.Issuer, ApiFactory.Audience, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).Create(
                new Dictionary<string, object> { ["sub"] = "forger", [LimitedApiFactory.TenantClaim] = tenant, ["scope"] = Scopes.ReadProfiles }
            )
        );
        for (var i = 0; i < LimitedApiFactory.Permits + 2; i++)
        {
            await forged.GetAsync(Profiles).ExpectAsync(HttpStatusCode.Unauthorized);
        }

        using var response = await factory.LimitedClientFor(tenant).GetAsync(Profiles);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2", Header(response, "X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task Request_ReadsTenantFromConfiguredClaim_WhenClaimTypeChanged()
    {
        var tenant = await factory.CreateTenantAsync();

        using var withDefaultClaim = factory.ClientFor(tenant, Scopes.ReadProfiles);
        var refused = await withDefaultClaim.GetAsync(Profiles).ExpectAsync(HttpStatusCode.Forbidden);

        Assert.Contains("\"errorCode\":\"unknown_tenant\"", refused, StringComparison.Ordinal);
        await factory.LimitedClientFor(tenant).GetAsync(Profiles).ExpectAsync(HttpStatusCode.OK);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.GetValues(name));
}
