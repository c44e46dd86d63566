using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using SspPortal.Web.Tests.Testing;

namespace SspPortal.Web.Tests.Authentication;

/// <summary>
/// The authorize request the portal's login endpoint sends the browser to, read back: the endpoint, the query, and the
/// sign-in properties the handler protected into <c>state</c> (unprotected with the app's own keys).
/// </summary>
internal sealed record SignInChallenge(Uri Location, Dictionary<string, StringValues> Query, AuthenticationProperties? State)
{
    /// <summary>Calls <c>/account/login</c> over https (the handler's correlation cookies are Secure) and reads the redirect.</summary>
    public static async Task<SignInChallenge> RequestAsync(SspWebApplicationFactory factory, string scheme, string loginQuery = "")
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        using var response = await client.GetAsync($"/account/login{loginQuery}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location ?? throw new InvalidOperationException("The login endpoint sent no Location.");
        var query = QueryHelpers.ParseQuery(location.Query);
        var state = query.TryGetValue("state", out var value) ? Options(factory, scheme).StateDataFormat.Unprotect(value.ToString()) : null;
        return new SignInChallenge(location, query, state);
    }

    /// <summary>Calls a scheme's callback path as a provider (or an attacker) could, and returns where the portal sends the browser.</summary>
    public static async Task<(HttpStatusCode Status, string? Location)> CallBackAsync(SspWebApplicationFactory factory, string pathAndQuery)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        using var response = await client.GetAsync(pathAndQuery);
        return (response.StatusCode, response.Headers.Location?.OriginalString);
    }

    /// <summary>The scheme's options as the app configured them.</summary>
    public static OpenIdConnectOptions Options(SspWebApplicationFactory factory, string scheme) =>
        factory.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(scheme);

    /// <summary>Runs the scheme's ticket-received event, as the handler does after validating the provider's tokens.</summary>
    public static async Task<TicketReceivedContext> ReceiveTicketAsync(
        SspWebApplicationFactory factory,
        string scheme,
        IEnumerable<(string Type, string Value)> providerClaims,
        string returnUri = "/"
    )
    {
        var options = Options(factory, scheme);
        await using var services = factory.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = services.ServiceProvider };
        var principal = new ClaimsPrincipal(new ClaimsIdentity(providerClaims.Select(c => new Claim(c.Type, c.Value)), scheme));
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { RedirectUri = returnUri }, scheme);
        var context = new TicketReceivedContext(http, new AuthenticationScheme(scheme, null, typeof(OpenIdConnectHandler)), options, ticket)
        {
            ReturnUri = returnUri,
        };
        await options.Events.TicketReceived(context);
        return context;
    }
}
