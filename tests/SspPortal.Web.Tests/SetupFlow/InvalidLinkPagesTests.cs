using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SspPortal.Application.Profiles;

namespace SspPortal.Web.Tests.SetupFlow;

/// <summary>The invalid-link page answered from memory after its first render: the same page, headers and status as rendered.</summary>
public sealed class InvalidLinkPagesTests : IAsyncLifetime
{
    private static readonly string UnknownTicket = new('Q', 32);
    private readonly FlowTestApp _app = new();
    private SelfServiceProfileDto _profile = default!;

    public async Task InitializeAsync()
    {
        await _app.StartAsync();
        _profile = await _app.CreateProfileAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("ja")]
    public async Task InvalidLink_AnswersTheRenderedPageAgain_WhenTheLanguageWasRenderedBefore(string language)
    {
        using var client = Client();
        using var rendered = await client.GetAsync($"/self-service/connections-flow?ticket={UnknownTicket}&lang={language}");
        var renderedBody = await rendered.Content.ReadAsByteArrayAsync();

        using var remembered = await client.GetAsync($"/self-service/connections-flow?ticket={UnknownTicket}&lang={language}");

        Assert.Equal(HttpStatusCode.NotFound, rendered.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, remembered.StatusCode);
        Assert.Equal(renderedBody, await remembered.Content.ReadAsByteArrayAsync());
        Assert.Contains($"<html lang=\"{language}\">", System.Text.Encoding.UTF8.GetString(renderedBody), StringComparison.Ordinal);
        Assert.Equal(Headers(rendered), Headers(remembered));
    }

    [Fact]
    public async Task InvalidLink_KeepsEachLanguageAndStatusApart_WhenSeveralWereRendered()
    {
        var (secret, id) = await _app.IssueTicketAsync(_profile.Id);
        await _app.RevokeAsync(id);
        using var client = Client();
        using var german = await client.GetAsync($"/self-service/connections-flow?ticket={UnknownTicket}&lang=de");
        using var french = await client.GetAsync($"/self-service/connections-flow?ticket={UnknownTicket}&lang=fr");

        using var revokedGerman = await client.GetAsync($"/self-service/connections-flow?ticket={secret}&lang=de");

        Assert.Contains("Dieser Link kann nicht mehr verwendet werden", WebUtility.HtmlDecode(await german.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Ce lien ne peut plus être utilisé", WebUtility.HtmlDecode(await french.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, revokedGerman.StatusCode);
        Assert.Equal(await german.Content.ReadAsByteArrayAsync(), await revokedGerman.Content.ReadAsByteArrayAsync());
        Assert.Equal("no-store", revokedGerman.Headers.CacheControl?.ToString());
    }

    /// <summary>Every response and content header but the date, the body's framing and the budget left.</summary>
    private static string[] Headers(HttpResponseMessage response) =>
        [
            .. response
                .Headers.Concat(response.Content.Headers)
                .Where(h => h.Key is not ("Date" or "Content-Length" or "Transfer-Encoding" or "X-RateLimit-Remaining"))
                .Select(h => $"{h.Key}: {string.Join(",", h.Value)}")
                .Order(StringComparer.Ordinal),
        ];

    private HttpClient Client() =>
        FlowTestApp.AsBrowser(
            _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://acme.example.com") })
        );
}
