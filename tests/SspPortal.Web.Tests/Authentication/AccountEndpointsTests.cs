using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SspPortal.Web.Tests.Testing;

namespace SspPortal.Web.Tests.Authentication;

/// <summary>The sign-in and sign-out endpoints and the pages around them, through the app hosted in memory.</summary>
public sealed class AccountEndpointsTests
{
    private static HttpClient NoRedirects(SspWebApplicationFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Login_RedirectsToDevelopmentSignIn_WhenDevelopmentWithoutAuthority()
    {
        await using var factory = new SspWebApplicationFactory("Development");
        using var client = NoRedirects(factory);

        using var response = await client.GetAsync("/account/login?returnUrl=%2Fprofiles");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/dev-sign-in?returnUrl=%2Fprofiles", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Login_DropsForeignReturnUrl_WhenReturnUrlIsAbsolute()
    {
        await using var factory = new SspWebApplicationFactory("Development");
        using var client = NoRedirects(factory);

        using var response = await client.GetAsync("/account/login?returnUrl=https%3A%2F%2Fevil.example%2F");

        Assert.Equal("/account/dev-sign-in?returnUrl=%2F", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("%2F%09%2Fevil.example%2Fphish")]
    [InlineData("%2F%0A%2Fevil.example")]
    [InlineData("%2F%0D%2Fevil.example")]
    [InlineData("%2F%0B%2Fevil.example")]
    public async Task Login_DropsReturnUrl_WhenReturnUrlHasControlCharacters(string returnUrl)
    {
        await using var factory = new SspWebApplicationFactory("Development");
        using var client = NoRedirects(factory);

        using var response = await client.GetAsync($"/account/login?returnUrl={returnUrl}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/dev-sign-in?returnUrl=%2F", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Login_RedirectsToSignInFailed_WhenProviderDiscoveryFails()
    {
        await using var factory = new SspWebApplicationFactory(
            "Testing",
            new Dictionary<string, string?> { ["Authentication:OpenIdConnect:Authority"] = "http://127.0.0.1:9" }
        );
        using var client = NoRedirects(factory);

        using var response = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in-failed", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task PortalPage_RedirectsToLogin_WhenNotSignedIn()
    {
        await using var factory = new SspWebApplicationFactory("Development");
        using var client = NoRedirects(factory);

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login?ReturnUrl=%2F", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevelopmentSignIn_Returns404_WhenNotDevelopment()
    {
        await using var factory = new SspWebApplicationFactory();
        using var client = NoRedirects(factory);

        using var response = await client.GetAsync("/account/dev-sign-in");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Development sign-in", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_IsRefused_WhenPostedWithoutAntiforgeryToken()
    {
        await using var factory = new SspWebApplicationFactory("Development");
        using var client = NoRedirects(factory);

        using var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UnknownPage_ShowsFriendlyNotFoundPage_WhenAddressHasNoPage()
    {
        await using var factory = new SspWebApplicationFactory("Development");
        using var client = NoRedirects(factory);

        using var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApiAddress_GetsNoPortalPage()
    {
        await using var factory = new SspWebApplicationFactory("Development");
        using var client = NoRedirects(factory);

        using var response = await client.GetAsync("/api/v2/no-such-endpoint");

        Assert.DoesNotContain("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
