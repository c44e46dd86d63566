using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SspPortal.Application.Profiles;

namespace SspPortal.Web.Tests.SetupFlow;

/// <summary>
/// Mail security scanners fetch links before people open them: a GET of the ticket URL that is not a browser's own
/// navigation costs no open and answers a page that continues with a POST; that POST, or a browser's navigation, opens it.
/// </summary>
public sealed class TicketScannerTests : IAsyncLifetime
{
    private readonly FlowTestApp _app = new();
    private SelfServiceProfileDto _profile = default!;

    public async Task InitializeAsync()
    {
        await _app.StartAsync();
        _profile = await _app.CreateProfileAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task FrontDoor_CostsNoOpen_WhenAPlainHttpClientFetchesTheTicketUrl()
    {
        var (secret, id) = await _app.IssueTicketAsync(_profile.Id);

        for (var i = 0; i < 12; i++)
        {
            using var response = await Client().GetAsync($"/self-service/connections-flow?ticket={secret}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"));
            Assert.Contains("data-ssp-continue", body, StringComparison.Ordinal);
            // It posts to the URL it was fetched with, and to nothing else.
            Assert.Contains($"action=\"/self-service/connections-flow?ticket={secret}\"", body, StringComparison.Ordinal);
            Assert.Contains("method=\"post\"", body, StringComparison.Ordinal);
        }

        Assert.Equal(0, (await _app.TicketAsync(id)).OpenCount);
    }

    [Fact]
    public async Task FrontDoor_OpensTheTicket_WhenTheContinuePagePosts()
    {
        var (secret, id) = await _app.IssueTicketAsync(_profile.Id);
        using var first = await Client().GetAsync($"/self-service/connections-flow?ticket={secret}&lang=de");

        using var response = await Client().PostAsync($"/self-service/connections-flow?ticket={secret}&lang=de", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/self-service/setup?lang=de", response.Headers.Location!.OriginalString);
        Assert.StartsWith("ssp_flow=", Assert.Single(response.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        Assert.Equal(1, (await _app.TicketAsync(id)).OpenCount);
    }

    [Fact]
    public async Task FrontDoor_OpensTheTicket_WhenTheGetIsABrowserNavigation()
    {
        var (secret, id) = await _app.IssueTicketAsync(_profile.Id);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/self-service/connections-flow?ticket={secret}");
        foreach (var (name, value) in FlowTestApp.BrowserNavigationHeaders)
        {
            request.Headers.Add(name, value);
        }

        using var response = await Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, (await _app.TicketAsync(id)).OpenCount);
    }

    [Fact]
    public async Task FrontDoor_PostAnswersTheInvalidLinkPage_WhenTheTicketIsUnknown()
    {
        using var response = await Client().PostAsync("/self-service/connections-flow?ticket=ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This link can no longer be used", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private HttpClient Client() =>
        _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://acme.example.com") });
}
