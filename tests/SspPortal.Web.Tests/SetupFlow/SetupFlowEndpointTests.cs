using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SspPortal.Application.Profiles;
using SspPortal.Application.SetupFlow;
using SspPortal.Application.Tenants;
using SspPortal.Application.Tickets;

namespace SspPortal.Web.Tests.SetupFlow;

/// <summary>The ticket URL, the session cookie and the invalid-link page over HTTP, with a moved clock.</summary>
public sealed class SetupFlowEndpointTests : IAsyncLifetime
{
    private const string InvalidEnglish = "This link can no longer be used";
    private readonly FlowTestApp _app = new();
    private SelfServiceProfileDto _profile = default!;

    public async Task InitializeAsync()
    {
        await _app.StartAsync();
        _profile = await _app.CreateProfileAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task FrontDoor_SetsSessionCookieAndRedirectsWithoutTheTicket_WhenTicketIsFresh()
    {
        var (secret, id) = await _app.IssueTicketAsync(_profile.Id);

        using var response = await Client().GetAsync($"/self-service/connections-flow?ticket={secret}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/self-service/setup", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain(secret, response.Headers.Location.OriginalString, StringComparison.Ordinal);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("ssp_flow=", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/self-service", cookie, StringComparison.OrdinalIgnoreCase);
        AssertFlowHeaders(response);
        Assert.Equal(1, (await _app.TicketAsync(id)).OpenCount);
    }

    [Fact]
    public async Task FrontDoor_SetsCookieWithoutSecure_WhenRequestIsPlainHttp()
    {
        var (secret, _) = await _app.IssueTicketAsync(_profile.Id);

        using var response = await Client("http://acme.example.com").GetAsync($"/self-service/connections-flow?ticket={secret}");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public async Task FrontDoor_BelievesTheProxysScheme_OnlyWhenReverseProxyIsEnabled(string enabled, bool secure)
    {
        await using var proxied = new FlowTestApp(new Dictionary<string, string?> { ["ReverseProxy:Enabled"] = enabled });
        await proxied.StartAsync();
        var profile = await proxied.CreateProfileAsync();
        var (secret, _) = await proxied.IssueTicketAsync(profile.Id);
        var client = FlowTestApp.AsBrowser(proxied.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://acme.example.com") }));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/self-service/connections-flow?ticket={secret}");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Equal(secure, cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task FrontDoor_KeepsTheLanguage_WhenRedirecting()
    {
        var (secret, _) = await _app.IssueTicketAsync(_profile.Id);

        using var response = await Client().GetAsync($"/self-service/connections-flow?ticket={secret}&lang=de");

        Assert.Equal("/self-service/setup?lang=de", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task FrontDoor_Returns404InvalidLinkPage_WhenTicketIsUnknown()
    {
        using var response = await Client().GetAsync("/self-service/connections-flow?ticket=ABCDEFGHIJKLMNOPQRSTUVWXYZ012345");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(InvalidEnglish, body, StringComparison.Ordinal);
        Assert.DoesNotContain("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", body, StringComparison.Ordinal);
        Assert.Contains("action=\"?\"", body, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        AssertFlowHeaders(response);
    }

    [Fact]
    public async Task FrontDoor_Returns410_WhenTicketExpiredBeforeItsFirstOpen()
    {
        var (secret, _) = await _app.IssueTicketAsync(_profile.Id, new IssueTicketRequest { TtlSec = 60 });
        _app.Clock.Advance(TimeSpan.FromSeconds(61));

        await AssertGoneAsync(secret);
    }

    [Fact]
    public async Task FrontDoor_Returns410_WhenFiveHoursPassedSinceTheFirstOpen()
    {
        var (secret, _) = await _app.IssueTicketAsync(_profile.Id);
        await OpenAsync(secret);
        _app.Clock.Advance(TimeSpan.FromHours(5));

        await AssertGoneAsync(secret);
    }

    [Fact]
    public async Task FrontDoor_Returns410_WhenItIsTheEleventhOpen()
    {
        var (secret, _) = await _app.IssueTicketAsync(_profile.Id);
        for (var i = 0; i < TicketRules.MaxOpens; i++)
        {
            await OpenAsync(secret);
        }

        await AssertGoneAsync(secret);
    }

    [Fact]
    public async Task FrontDoor_Returns410_WhenTicketIsRevoked()
    {
        var (secret, id) = await _app.IssueTicketAsync(_profile.Id);
        await _app.RevokeAsync(id);

        await AssertGoneAsync(secret);
    }

    [Fact]
    public async Task FrontDoor_Returns410_WhenProfileIsDeleted()
    {
        var (secret, _) = await _app.IssueTicketAsync(_profile.Id);
        Assert.True((await _app.Get<ISelfServiceProfileService>().DeleteAsync(_app.Admin, _profile.Id)).IsOk);

        await AssertGoneAsync(secret);
    }

    [Theory]
    [InlineData("de", null, "Dieser Link kann nicht mehr verwendet werden")]
    [InlineData("de-AT,de;q=0.9,en;q=0.5", null, "Dieser Link kann nicht mehr verwendet werden")]
    [InlineData("de", "fr", "Ce lien ne peut plus être utilisé")]
    [InlineData("ja", null, "このリンクは使用できなくなりました")]
    [InlineData("es-MX,es;q=0.9", null, "Este enlace ya no se puede usar")]
    [InlineData("en", "pt-BR", "Este link não pode mais ser usado")]
    [InlineData("zh-CN", null, "此链接已无法使用")]
    [InlineData("sv", null, InvalidEnglish)]
    public async Task InvalidLinkPage_SpeaksTheVisitorsLanguage_WhenOneIsAsked(string acceptLanguage, string? lang, string expected)
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Get,
            "/self-service/connections-flow?ticket=ABCDEFGHIJKLMNOPQRSTUVWXYZ012345" + (lang is null ? "" : $"&lang={lang}")
        );
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);

        using var response = await Client().SendAsync(request);

        Assert.Contains(expected, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidLinkPage_RevealsNothingAboutProfileOrTenant_WhenTicketIsRevoked()
    {
        var (secret, id) = await _app.IssueTicketAsync(_profile.Id);
        await _app.RevokeAsync(id);

        using var response = await Client().GetAsync($"/self-service/connections-flow?ticket={secret}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain(_profile.Name, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("acme", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("logo.png", body, StringComparison.Ordinal);
        Assert.DoesNotContain("#0a7d4f", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task FlowPage_ShowsTheBrandedFlow_WhenTheSessionCookieIsValid()
    {
        var (secret, _) = await _app.IssueTicketAsync(_profile.Id);
        var cookie = await OpenAsync(secret);

        using var response = await Client().SendAsync(WithCookie("/self-service/setup", cookie));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(_profile.Name, body, StringComparison.Ordinal);
        Assert.Contains("--flow-primary:#0a7d4f", body, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"start\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        AssertFlowHeaders(response);
    }

    [Fact]
    public async Task FrontDoor_ResumesTheSessionWithoutCountingAnOpen_WhenTheBrowserComesBackWithItsCookie()
    {
        var (secret, id) = await _app.IssueTicketAsync(_profile.Id);
        var cookie = await OpenAsync(secret);
        var token = cookie["ssp_flow=".Length..];
        var flow = _app.Get<ITicketFlowService>();
        Assert.True((await flow.ChooseStrategyAsync(token, Strategies.Samlp)).IsOk);

        using var again = await Client().SendAsync(WithCookie($"/self-service/connections-flow?ticket={secret}", cookie));
        using var page = await Client().SendAsync(WithCookie("/self-service/setup", cookie));
        var body = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/self-service/setup", again.Headers.Location!.OriginalString);
        Assert.False(again.Headers.Contains("Set-Cookie"));
        Assert.Equal(1, (await _app.TicketAsync(id)).OpenCount);
        Assert.Contains("data-testid=\"configure-step\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlowPage_LanguageFormTargetsTheFlowPage_WhenThePageHasABaseElement()
    {
        var (secret, _) = await _app.IssueTicketAsync(_profile.Id);
        var cookie = await OpenAsync(secret);

        using var response = await Client().SendAsync(WithCookie("/self-service/setup", cookie));
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        // Resolved the way the browser does: against <base href>, then the page's own address.
        var baseHref = document.QuerySelector("base")?.GetAttribute("href") ?? "/";
        var form = document.QuerySelector("form[data-testid=language-picker]")!;
        var target = new Uri(new Uri(new Uri("https://acme.example.com/self-service/setup"), baseHref), form.GetAttribute("action")!);
        Assert.Equal("/self-service/setup", target.AbsolutePath);
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.NotNull(form.QuerySelector("select[name=lang]"));
    }

    [Fact]
    public async Task FlowPage_StepIndicatorOffersTheStepsDone_AndMarksTheCurrentOne()
    {
        var (secret, _) = await _app.IssueTicketAsync(_profile.Id);
        var cookie = await OpenAsync(secret);
        var flow = _app.Get<ITicketFlowService>();
        var token = cookie["ssp_flow=".Length..];
        Assert.True((await flow.ChooseStrategyAsync(token, Strategies.Samlp)).IsOk);
        Assert.True((await flow.GoToStepAsync(token, FlowStep.Attributes)).IsOk);

        using var response = await Client().SendAsync(WithCookie("/self-service/setup", cookie));
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        var steps = document.QuerySelector("[data-testid=flow-steps]")!;
        Assert.Equal(["Choose your identity provider", "Configure"], steps.QuerySelectorAll("button").Select(b => b.TextContent.Trim()));
        Assert.All(steps.QuerySelectorAll("button"), b => Assert.Equal("button", b.GetAttribute("type")));
        Assert.Equal("Attributes", steps.QuerySelector("[aria-current=step]")!.TextContent.Trim());
        Assert.Single(steps.QuerySelectorAll("[aria-current]"));
    }

    [Fact]
    public async Task FlowPage_Returns410InvalidLinkPage_WhenTicketWasRevokedAfterOpening()
    {
        var (secret, id) = await _app.IssueTicketAsync(_profile.Id);
        var cookie = await OpenAsync(secret);
        await _app.RevokeAsync(id);

        using var response = await Client().SendAsync(WithCookie("/self-service/setup", cookie));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains(InvalidEnglish, body, StringComparison.Ordinal);
        Assert.DoesNotContain(_profile.Name, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlowPage_Returns410_WhenThereIsNoSessionCookie()
    {
        using var response = await Client().GetAsync("/self-service/setup");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains(InvalidEnglish, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FrontDoor_Returns429Page_WhenTheClientIpExceedsItsLimit()
    {
        await using var limited = new FlowTestApp(new Dictionary<string, string?> { ["SetupFlow:PerIpRequestsPerMinute"] = "3" });
        await limited.StartAsync();
        var client = FlowTestApp.AsBrowser(limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://acme.example.com") }));
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync("/self-service/connections-flow?ticket=ABCDEFGHIJKLMNOPQRSTUVWXYZ012345");
            Assert.Equal(HttpStatusCode.NotFound, allowed.StatusCode);
        }

        using var refused = await client.GetAsync("/self-service/connections-flow?ticket=ABCDEFGHIJKLMNOPQRSTUVWXYZ012345");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many requests", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(refused.Headers.Contains("Retry-After"));
        AssertFlowHeaders(refused);
    }

    [Fact]
    public async Task Logs_NeverContainTheTicket_WhenTicketUrlsAreOpened()
    {
        var (secret, id) = await _app.IssueTicketAsync(_profile.Id);
        await OpenAsync(secret);
        await _app.RevokeAsync(id);
        using var gone = await Client().GetAsync($"/self-service/connections-flow?ticket={secret}");

        Assert.NotEmpty(_app.LogLines);
        Assert.DoesNotContain(_app.LogLines, line => line.Contains(secret, StringComparison.Ordinal));
    }

    private static void AssertFlowHeaders(HttpResponseMessage response)
    {
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store expected");
    }

    private async Task AssertGoneAsync(string secret)
    {
        using var response = await Client().GetAsync($"/self-service/connections-flow?ticket={secret}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains(InvalidEnglish, body, StringComparison.Ordinal);
        // The page does not echo the ticket anywhere (e.g. a form action of the current URL).
        Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        AssertFlowHeaders(response);
    }

    /// <summary>Opens the ticket URL and returns the session cookie (name=value).</summary>
    private async Task<string> OpenAsync(string secret)
    {
        using var response = await Client().GetAsync($"/self-service/connections-flow?ticket={secret}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }

    private static HttpRequestMessage WithCookie(string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    private HttpClient Client(string baseAddress = "https://acme.example.com") =>
        FlowTestApp.AsBrowser(_app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri(baseAddress) }));
}
