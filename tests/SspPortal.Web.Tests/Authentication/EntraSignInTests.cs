using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using SspPortal.Application.Common;
using SspPortal.Application.Tenants;
using SspPortal.Web.Authentication;
using SspPortal.Web.Tests.Testing;

namespace SspPortal.Web.Tests.Authentication;

/// <summary>
/// The Entra ID sign-in (Microsoft.Identity.Web on the <c>AzureAd</c> section) in the app hosted in memory, its
/// Instance pointing at a discovery server on 127.0.0.1: the authorize request it builds and the <c>tid</c> mapping.
/// </summary>
public sealed class EntraSignInTests : IAsyncLifetime
{
    private const string DirectoryId = "9188040d-6c67-4c5b-b112-36a304b66dad";
    private const string ClientId = "entra-portal-client";

    private readonly LoopbackDiscoveryServer _provider = LoopbackDiscoveryServer.Start();
    private SspWebApplicationFactory _factory = default!;

    public async Task InitializeAsync()
    {
        _factory = new SspWebApplicationFactory(
            "Testing",
            new Dictionary<string, string?>
            {
                ["Authentication:OpenIdConnect:Authority"] = "",
                ["Authentication:OpenIdConnect:ClientId"] = "",
                ["AzureAd:Instance"] = _provider.BaseUrl.ToString(),
                ["AzureAd:TenantId"] = DirectoryId,
                ["AzureAd:ClientId"] = ClientId,
                ["AzureAd:ClientSecret"] = "entra-portal-secret",
            }
        );
        _factory.CreateClient().Dispose();
        var tenants = _factory.Services.GetRequiredService<ITenantDirectory>();
        await tenants.AddAsync(new AddTenantRequest("contoso", "contoso.example.test", "Contoso", [], EntraTenantId: DirectoryId));
        await tenants.AddAsync(new AddTenantRequest("acme", "acme.example.test", "Acme Corporation", []));
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task Login_RedirectsToEntraAuthorizeWithCodeAndPkce_WhenAzureAdConfigured()
    {
        var challenge = await SignInChallenge.RequestAsync(_factory, PortalClaims.EntraScheme, "?returnUrl=%2Fprofiles");

        Assert.Equal($"{_provider.BaseUrl}{DirectoryId}/v2.0/authorize", challenge.Location.GetLeftPart(UriPartial.Path));
        Assert.Equal(ClientId, challenge.Query["client_id"]);
        Assert.Equal("code", challenge.Query["response_type"]);
        Assert.Equal("S256", challenge.Query["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(challenge.Query["code_challenge"]));
        Assert.False(string.IsNullOrEmpty(challenge.Query["nonce"]));
        Assert.Contains("openid", challenge.Query["scope"].ToString().Split(' '));
        Assert.Equal("https://localhost/signin-entra", challenge.Query["redirect_uri"]);
        Assert.Equal("/profiles", challenge.State?.RedirectUri);
    }

    [Theory]
    [InlineData("%2F%09%2Fevil.example%2Fphish")]
    [InlineData("%2F%0A%2Fevil.example")]
    [InlineData("%2F%5Cevil.example")]
    public async Task Login_ReturnsToRootAfterSignIn_WhenReturnUrlIsNotLocal(string returnUrl)
    {
        var challenge = await SignInChallenge.RequestAsync(_factory, PortalClaims.EntraScheme, $"?returnUrl={returnUrl}");

        Assert.Equal("/", challenge.State?.RedirectUri);
    }

    [Fact]
    public async Task TicketReceived_GivesTenantWithThatEntraTenantId_WhenTidIsRegistered()
    {
        var context = await SignInChallenge.ReceiveTicketAsync(
            _factory,
            PortalClaims.EntraScheme,
            [("sub", "entra-user-1"), ("name", "Ada Entra"), ("tid", DirectoryId), ("roles", "Editor")]
        );

        var user = PortalUser.FromPrincipal(context.Principal!);
        Assert.NotNull(user);
        Assert.True(user.HasAccess);
        Assert.Equal("contoso", user.TenantId);
        Assert.Equal("Contoso", user.TenantName);
        Assert.Equal(PortalRole.Editor, user.Role);
        Assert.Equal("Ada Entra", user.Name);
    }

    [Fact]
    public async Task TicketReceived_GivesNoTenant_WhenTidIsUnknownEvenWithSspTenantClaim()
    {
        var context = await SignInChallenge.ReceiveTicketAsync(
            _factory,
            PortalClaims.EntraScheme,
            [("sub", "entra-user-2"), ("tid", "00000000-0000-0000-0000-000000000001"), ("ssp_tenant", "acme"), ("roles", "Admin")]
        );

        var user = PortalUser.FromPrincipal(context.Principal!)!;
        Assert.False(user.HasAccess);
        Assert.Equal(AccessProblems.NoTenant, user.AccessProblem);
    }

    [Fact]
    public async Task TicketReceived_ReturnsToRoot_WhenReturnUriHasControlCharacters()
    {
        var context = await SignInChallenge.ReceiveTicketAsync(
            _factory,
            PortalClaims.EntraScheme,
            [("sub", "entra-user-1"), ("tid", DirectoryId), ("roles", "Viewer")],
            returnUri: "/\t/evil.example/phish"
        );

        Assert.Equal("/", context.ReturnUri);
    }

    [Theory]
    [InlineData("?code=abc&state=not-a-protected-state")]
    [InlineData("?error=access_denied&error_description=The+user+declined")]
    [InlineData("?code=abc&state=%0D%0ALocation:%20https://evil.example")]
    public async Task Callback_RedirectsToSignInFailed_WhenResponseIsNotFromThisSignIn(string query)
    {
        var (status, location) = await SignInChallenge.CallBackAsync(_factory, "/signin-entra" + query);

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/account/sign-in-failed", location);
    }

    [Fact]
    public async Task SignIn_EndsSignedInToTenantWithThatEntraTenantId_WhenProviderAnswersWithTid()
    {
        // Microsoft.Identity.Web's issuer validator accepts only Microsoft's clouds: the loopback issuer is checked by
        // the standard exact-issuer rule instead. Everything else (code exchange, signature, nonce, claims) is the real path.
        var issuer = $"{_provider.BaseUrl}{DirectoryId}/v2.0";
        await using var app = _factory.WithWebHostBuilder(host =>
            host.ConfigureServices(services =>
                services.PostConfigure<OpenIdConnectOptions>(
                    PortalClaims.EntraScheme,
                    options =>
                    {
                        options.TokenValidationParameters.IssuerValidator = null;
                        options.TokenValidationParameters.ValidIssuer = issuer;
                    }
                )
            )
        );
        using var browser = app.CreateClient(
            new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false }
        );
        using var challenge = await browser.GetAsync("/account/login?returnUrl=%2Fprofiles");
        var authorize = QueryHelpers.ParseQuery(challenge.Headers.Location!.Query);
        _provider.IdTokenClaims = new Dictionary<string, object>
        {
            ["aud"] = ClientId,
            ["sub"] = "entra-user-3",
            ["tid"] = DirectoryId,
            ["nonce"] = authorize["nonce"].ToString(),
            ["name"] = "Eve Entra",
            ["roles"] = new[] { "Viewer", "Admin" },
        };

        using var callback = await browser.SendAsync(
            WithCookies(
                new HttpRequestMessage(HttpMethod.Post, authorize["redirect_uri"].ToString())
                {
                    Content = new FormUrlEncodedContent(
                        new Dictionary<string, string> { ["code"] = "loopback-code", ["state"] = authorize["state"].ToString() }
                    ),
                },
                challenge
            )
        );
        using var home = await browser.SendAsync(WithCookies(new HttpRequestMessage(HttpMethod.Get, "/"), callback));

        Assert.Equal(1, _provider.TokenRequests);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/profiles", callback.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var page = await home.Content.ReadAsStringAsync();
        Assert.Contains("Eve Entra", page, StringComparison.Ordinal);
        Assert.Contains("Contoso", page, StringComparison.Ordinal);
    }

    /// <summary>The request with the cookies a browser would send back from <paramref name="previous"/>'s answer.</summary>
    private static HttpRequestMessage WithCookies(HttpRequestMessage request, HttpResponseMessage previous)
    {
        var cookies = previous.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]).ToList() : [];
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies));
        }

        return request;
    }
}
