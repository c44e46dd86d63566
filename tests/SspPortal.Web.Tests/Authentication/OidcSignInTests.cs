using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SspPortal.Application.Common;
using SspPortal.Application.Tenants;
using SspPortal.Web.Authentication;
using SspPortal.Web.Tests.Testing;

namespace SspPortal.Web.Tests.Authentication;

/// <summary>
/// The generic OpenID Connect sign-in (the framework handler on <c>Authentication:OpenIdConnect</c>) in the app hosted in
/// memory against a discovery server on 127.0.0.1; the full round trip runs in the browser tests (npm oidc-provider).
/// </summary>
public sealed class OidcSignInTests : IAsyncLifetime
{
    private const string ClientId = "generic-portal-client";

    private readonly LoopbackDiscoveryServer _provider = LoopbackDiscoveryServer.Start();
    private SspWebApplicationFactory _factory = default!;

    private string Authority => _provider.BaseUrl.ToString().TrimEnd('/') + "/idp";

    public async Task InitializeAsync()
    {
        _factory = new SspWebApplicationFactory(
            "Testing",
            new Dictionary<string, string?>
            {
                ["Authentication:OpenIdConnect:Authority"] = Authority,
                ["Authentication:OpenIdConnect:ClientId"] = ClientId,
                ["Authentication:OpenIdConnect:ClientSecret"] = "generic-portal-secret",
            }
        );
        _factory.CreateClient().Dispose();
        await _factory.Services.GetRequiredService<ITenantDirectory>().AddAsync(new AddTenantRequest("acme", "acme.example.test", "Acme Corporation", []));
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task Login_RedirectsToProviderAuthorizeWithCodeAndPkce_WhenAuthorityConfigured()
    {
        var challenge = await SignInChallenge.RequestAsync(_factory, PortalClaims.OidcScheme, "?returnUrl=%2Ftickets%3Fpage%3D2");

        Assert.Equal($"{Authority}/authorize", challenge.Location.GetLeftPart(UriPartial.Path));
        Assert.Equal(ClientId, challenge.Query["client_id"]);
        Assert.Equal("code", challenge.Query["response_type"]);
        Assert.Equal("S256", challenge.Query["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(challenge.Query["code_challenge"]));
        Assert.False(string.IsNullOrEmpty(challenge.Query["nonce"]));
        Assert.Equal(["openid", "profile", "email"], challenge.Query["scope"].ToString().Split(' '));
        Assert.Equal("https://localhost/signin-oidc", challenge.Query["redirect_uri"]);
        Assert.Equal("/tickets?page=2", challenge.State?.RedirectUri);
    }

    [Theory]
    [InlineData("%2F%09%2Fevil.example%2Fphish")]
    [InlineData("%2F%0D%2Fevil.example")]
    [InlineData("%2F%0B%2Fevil.example")]
    [InlineData("https%3A%2F%2Fevil.example%2F")]
    public async Task Login_ReturnsToRootAfterSignIn_WhenReturnUrlIsNotLocal(string returnUrl)
    {
        var challenge = await SignInChallenge.RequestAsync(_factory, PortalClaims.OidcScheme, $"?returnUrl={returnUrl}");

        Assert.Equal("/", challenge.State?.RedirectUri);
    }

    [Fact]
    public async Task TicketReceived_GivesTenantAndStrongestRole_WhenProviderClaimsMatch()
    {
        var context = await SignInChallenge.ReceiveTicketAsync(
            _factory,
            PortalClaims.OidcScheme,
            [("sub", "u-1"), ("name", "Ada Admin"), ("ssp_tenant", "acme"), ("roles", "Viewer"), ("roles", "Admin")],
            returnUri: "/profiles"
        );

        var user = PortalUser.FromPrincipal(context.Principal!)!;
        Assert.Equal("acme", user.TenantId);
        Assert.Equal(PortalRole.Admin, user.Role);
        Assert.Equal(SignInMethods.OpenIdConnect, user.SignInMethod);
        Assert.Equal("/profiles", context.ReturnUri);
    }

    [Fact]
    public void Options_ReadUserInfoAndKeepJwtClaimNames_WhenAuthorityIsLoopback()
    {
        var options = SignInChallenge.Options(_factory, PortalClaims.OidcScheme);

        Assert.True(options.GetClaimsFromUserInfoEndpoint);
        Assert.False(options.MapInboundClaims);
        Assert.False(options.RequireHttpsMetadata);
        Assert.Equal(PortalClaims.CookieScheme, options.SignInScheme);
    }

    [Theory]
    [InlineData("?code=abc&state=not-a-protected-state")]
    [InlineData("?error=access_denied&error_description=The+user+declined")]
    [InlineData("?code=abc&state=%0D%0ALocation:%20https://evil.example")]
    public async Task Callback_RedirectsToSignInFailed_WhenResponseIsNotFromThisSignIn(string query)
    {
        var (status, location) = await SignInChallenge.CallBackAsync(_factory, "/signin-oidc" + query);

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/account/sign-in-failed", location);
    }

    [Fact]
    public async Task TicketReceived_EndsOnSignInFailed_WhenProviderClaimsHaveNoSubject()
    {
        var context = await SignInChallenge.ReceiveTicketAsync(_factory, PortalClaims.OidcScheme, [("name", "Nobody"), ("ssp_tenant", "acme")]);

        Assert.True(context.Result?.Handled);
        Assert.Equal("/account/sign-in-failed", context.Response.Headers.Location.ToString());
    }
}
