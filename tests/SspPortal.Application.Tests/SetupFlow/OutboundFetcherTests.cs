using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SspPortal.Application.SetupFlow;
using SspPortal.Infrastructure.SetupFlow;

namespace SspPortal.Application.Tests.SetupFlow;

/// <summary>
/// The outbound fetcher's rules against real servers on 127.0.0.1. Private addresses appear only as literal hosts
/// that must be refused before any connection; nothing here sends traffic anywhere but loopback.
/// One test sets the process-wide default proxy, so the class runs on its own.
/// </summary>
[Collection(nameof(OutboundFetcherTests))]
public sealed class OutboundFetcherTests : IAsyncLifetime
{
    private const string PrivateNetwork = "The address is not reachable from here (private network).";
    private const string NotReachable = "This address cannot be reached from here.";
    private const string HttpsOnly = "Only https URLs are allowed.";
    private const string TooLarge = "The response is too large.";
    private const string TooSlow = "The server did not answer in time.";

    private readonly List<IAsyncDisposable> _servers = [];
    private readonly List<ServiceProvider> _providers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task GetAsync_ReturnsTheBody_WhenLoopbackIsAllowed()
    {
        var server = await ServerAsync(context => context.Response.WriteAsync("{\"issuer\":\"https://idp.example.com\"}"));
        var fetcher = Fetcher(allowLoopback: true);

        var result = await fetcher.GetAsync(server.Url("/.well-known/openid-configuration"));

        Assert.True(result.Succeeded, result.Error?.English);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal("{\"issuer\":\"https://idp.example.com\"}", result.Body);
        Assert.Null(result.Error?.English);
        Assert.Equal(["GET /.well-known/openid-configuration"], server.Requests);
    }

    [Fact]
    public async Task GetAsync_ReturnsStatusAndBody_WhenServerAnswersWithAnError()
    {
        var server = await ServerAsync(async context =>
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("no such document");
        });
        var fetcher = Fetcher(allowLoopback: true);

        var result = await fetcher.GetAsync(server.Url("/missing"));

        Assert.False(result.Succeeded);
        Assert.Equal(404, result.StatusCode);
        Assert.Equal("HTTP 404", result.Error?.English);
    }

    [Fact]
    public async Task GetAsync_RefusesHttp_WhenLoopbackIsNotAllowed()
    {
        var server = await ServerAsync(context => context.Response.WriteAsync("secret"));
        var fetcher = Fetcher(allowLoopback: false);

        var result = await fetcher.GetAsync(server.Url("/"));

        Assert.False(result.Succeeded);
        Assert.Equal(HttpsOnly, result.Error?.English);
        Assert.Null(result.Body);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("http://idp.example.com/.well-known/openid-configuration")]
    [InlineData("http://10.0.0.1/metadata")]
    [InlineData("ftp://idp.example.com/metadata.xml")]
    [InlineData("file:///etc/passwd")]
    public async Task GetAsync_RefusesWithoutConnecting_WhenSchemeIsNotHttpsAndHostIsNotLoopback(string url)
    {
        var fetcher = Fetcher(allowLoopback: true, timeoutSeconds: 1);

        var result = await fetcher.GetAsync(new Uri(url));

        Assert.False(result.Succeeded);
        Assert.Equal(HttpsOnly, result.Error?.English);
        Assert.Equal(HttpsOnly, fetcher.Refuse(new Uri(url))?.English);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("127.0.0.2")]
    public async Task GetAsync_RefusesWithoutConnecting_WhenHttpsHostIsLoopbackAndLoopbackIsNotAllowed(string host)
    {
        var listener = Recorder();
        var fetcher = Fetcher(allowLoopback: false, timeoutSeconds: 1);
        var url = new Uri($"https://{host}:{listener.Port}/.well-known/openid-configuration");

        var result = await fetcher.GetAsync(url);

        Assert.False(result.Succeeded);
        Assert.Equal(NotReachable, result.Error?.English);
        Assert.Equal(NotReachable, fetcher.Refuse(url)?.English);
        Assert.Equal(0, listener.Connections);
    }

    [Theory]
    [InlineData("[::ffff:127.0.0.1]", NotReachable)]
    [InlineData("0.0.0.0", PrivateNetwork)]
    [InlineData("[::]", PrivateNetwork)]
    public async Task GetAsync_RefusesWithoutConnecting_WhenAddressReachesThisMachineInDisguise(string host, string expected)
    {
        var listener = Recorder();
        var fetcher = Fetcher(allowLoopback: false, timeoutSeconds: 1);

        var result = await fetcher.GetAsync(new Uri($"https://{host}:{listener.Port}/"));

        Assert.False(result.Succeeded);
        Assert.Equal(expected, result.Error?.English);
        Assert.Equal(0, listener.Connections);
    }

    [Fact]
    public async Task GetAsync_RefusesAtConnect_WhenAHostNameResolvesToThisMachine()
    {
        var listener = Recorder();
        var fetcher = Fetcher(allowLoopback: false, timeoutSeconds: 1);
        var host = Dns.GetHostName();
        var addresses = await Dns.GetHostAddressesAsync(host);
        Assert.All(addresses, a => Assert.True(IPAddress.IsLoopback(a) || OutboundFetcher.IsPrivate(a), $"{host} resolves to {a}; this test needs a name of this machine."));
        var url = new Uri($"https://{host}:{listener.Port}/.well-known/openid-configuration");
        Assert.Null(fetcher.Refuse(url)?.English);

        var result = await fetcher.GetAsync(url);

        Assert.False(result.Succeeded);
        Assert.Equal(PrivateNetwork, result.Error?.English);
        Assert.Equal(0, listener.Connections);
    }

    [Theory]
    [InlineData("64:ff9b::10.0.0.1")]
    [InlineData("64:ff9b::127.0.0.1")]
    [InlineData("64:ff9b::169.254.169.254")]
    [InlineData("64:ff9b:1::a00:1")]
    [InlineData("64:ff9b:1:ffff::808:808")]
    [InlineData("::10.0.0.1")]
    [InlineData("::127.0.0.1")]
    [InlineData("::8.8.8.8")]
    [InlineData("2002:a00:1::1")]
    [InlineData("2002:7f00:1::1")]
    [InlineData("2002:a9fe:a9fe::1")]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2")]
    [InlineData("2001::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:127.0.0.1")]
    public void IsPrivate_ReturnsTrue_WhenAnIPv6FormCarriesAPrivateOrLoopbackIPv4OrIsATunnelOrDeprecatedForm(string address)
    {
        Assert.True(OutboundFetcher.IsPrivate(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("64:ff9b::8.8.8.8")]
    [InlineData("2002:808:808::1")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("2606:4700::6810:84e5")]
    [InlineData("8.8.8.8")]
    public void IsPrivate_ReturnsFalse_WhenTheAddressOrItsEmbeddedIPv4IsPublic(string address)
    {
        Assert.False(OutboundFetcher.IsPrivate(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("[64:ff9b::7f00:1]")]
    [InlineData("[::127.0.0.1]")]
    [InlineData("[2002:7f00:1::1]")]
    [InlineData("[2001:0:4136:e378:8000:63bf:3fff:fdd2]")]
    public async Task GetAsync_RefusesWithoutConnecting_WhenTheHostIsATranslatedOrTunnelledFormOfAPrivateAddress(string host)
    {
        var listener = Recorder();
        var fetcher = Fetcher(allowLoopback: true, timeoutSeconds: 1);

        var result = await fetcher.GetAsync(new Uri($"https://{host}:{listener.Port}/"));

        Assert.False(result.Succeeded);
        Assert.Equal(PrivateNetwork, result.Error?.English);
        Assert.Equal(0, listener.Connections);
    }

    [Fact]
    public async Task CheckHost_RefusesTheUrl_WhenItsHostNameResolvesToThisMachine()
    {
        var fetcher = Fetcher(allowLoopback: false);
        var url = new Uri($"https://{Dns.GetHostName()}/.well-known/openid-configuration");
        Assert.Null(fetcher.Refuse(url)?.English);

        var refusal = await fetcher.CheckHostAsync(url);

        Assert.Equal(PrivateNetwork, refusal?.English);
    }

    [Theory]
    [InlineData("https://idp.invalid/.well-known/openid-configuration", null)]
    [InlineData("https://8.8.8.8/.well-known/openid-configuration", null)]
    [InlineData("https://[64:ff9b::a00:1]/.well-known/openid-configuration", PrivateNetwork)]
    [InlineData("http://idp.example.com/metadata", HttpsOnly)]
    public async Task CheckHost_AnswersAsRefuseDoes_WhenTheHostIsALiteralOrDoesNotResolve(string url, string? expected)
    {
        var fetcher = Fetcher(allowLoopback: false);

        var refusal = await fetcher.CheckHostAsync(new Uri(url));

        Assert.Equal(expected, refusal?.English);
    }

    [Fact]
    public void Refuse_AllowsHttpAndHttpsLoopback_WhenLoopbackIsAllowed()
    {
        var fetcher = Fetcher(allowLoopback: true);

        var http = fetcher.Refuse(new Uri("http://127.0.0.1:5000/"));
        var https = fetcher.Refuse(new Uri("https://localhost:5001/"));

        Assert.Null(http);
        Assert.Null(https);
    }

    [Theory]
    [InlineData("https://10.0.0.1/.well-known/openid-configuration", false)]
    [InlineData("https://172.16.5.4/metadata", false)]
    [InlineData("https://172.31.255.254/metadata", true)]
    [InlineData("https://192.168.1.1/metadata", true)]
    [InlineData("https://169.254.169.254/latest/meta-data/", false)]
    [InlineData("https://169.254.169.254/latest/meta-data/", true)]
    [InlineData("https://100.64.0.1/", true)]
    [InlineData("https://[fd00::1]/jwks", false)]
    [InlineData("https://[fd12:3456:789a::1]/jwks", true)]
    [InlineData("https://[fe80::1]/jwks", true)]
    [InlineData("https://[::ffff:10.0.0.1]/jwks", true)]
    [InlineData("https://[::ffff:169.254.169.254]/", false)]
    public async Task GetAsync_RefusesWithoutConnecting_WhenHostIsAPrivateOrLinkLocalLiteral(string url, bool allowLoopback)
    {
        var fetcher = Fetcher(allowLoopback, timeoutSeconds: 1);

        var result = await fetcher.GetAsync(new Uri(url));

        Assert.False(result.Succeeded);
        Assert.Equal(PrivateNetwork, result.Error?.English);
    }

    [Theory]
    [InlineData("https://10.0.0.1/metadata")]
    [InlineData("https://192.168.1.1/metadata")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://[fd00::1]/jwks")]
    [InlineData("https://[fe80::1]/jwks")]
    public void Refuse_ReturnsTheReason_WhenHostIsAPrivateOrLinkLocalLiteral(string url)
    {
        var fetcher = Fetcher(allowLoopback: true);

        var refusal = fetcher.Refuse(new Uri(url));

        Assert.Equal(PrivateNetwork, refusal?.English);
        Assert.Equal("fetch.private", refusal?.Code);
    }

    [Theory]
    [InlineData("https://idp.example.com/.well-known/openid-configuration")]
    [InlineData("https://8.8.8.8/metadata")]
    [InlineData("https://[2001:4860:4860::8888]/metadata")]
    public void Refuse_ReturnsNull_WhenUrlIsPublicHttps(string url)
    {
        var fetcher = Fetcher(allowLoopback: false);

        var refusal = fetcher.Refuse(new Uri(url));

        Assert.Null(refusal);
    }

    [Theory]
    [InlineData("https://10.0.0.1/metadata", PrivateNetwork)]
    [InlineData("https://192.168.1.1/metadata", PrivateNetwork)]
    [InlineData("https://169.254.169.254/latest/meta-data/", PrivateNetwork)]
    [InlineData("https://[fd00::1]/metadata", PrivateNetwork)]
    [InlineData("http://idp.example.com/metadata", HttpsOnly)]
    [InlineData("file:///etc/passwd", HttpsOnly)]
    public async Task GetAsync_RefusesTheRedirectTarget_WhenAnAllowedServerRedirectsToIt(string target, string expected)
    {
        var server = await ServerAsync(context =>
        {
            context.Response.Redirect(target);
            return Task.CompletedTask;
        });
        var fetcher = Fetcher(allowLoopback: true, timeoutSeconds: 2);

        var result = await fetcher.GetAsync(server.Url("/metadata"));

        Assert.False(result.Succeeded);
        Assert.Equal(expected, result.Error?.English);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetAsync_FollowsRelativeRedirects_WhenTargetIsAllowed()
    {
        var server = await ServerAsync(async context =>
        {
            if (context.Request.Path == "/old")
            {
                context.Response.StatusCode = 301;
                context.Response.Headers.Location = "/new";
                return;
            }

            await context.Response.WriteAsync("moved here");
        });
        var fetcher = Fetcher(allowLoopback: true);

        var result = await fetcher.GetAsync(server.Url("/old"));

        Assert.True(result.Succeeded, result.Error?.English);
        Assert.Equal("moved here", result.Body);
        Assert.Equal(["GET /old", "GET /new"], server.Requests);
    }

    [Fact]
    public async Task GetAsync_Succeeds_WhenChainHasThreeRedirects()
    {
        var server = await ServerAsync(CountdownRedirects);
        var fetcher = Fetcher(allowLoopback: true);

        var result = await fetcher.GetAsync(server.Url("/hop/3"));

        Assert.True(result.Succeeded, result.Error?.English);
        Assert.Equal("arrived", result.Body);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task GetAsync_RefusesTooManyRedirects_WhenChainHasFourRedirects()
    {
        var server = await ServerAsync(CountdownRedirects);
        var fetcher = Fetcher(allowLoopback: true);

        var result = await fetcher.GetAsync(server.Url("/hop/4"));

        Assert.False(result.Succeeded);
        Assert.Equal("Too many redirects.", result.Error?.English);
        Assert.Equal(["GET /hop/4", "GET /hop/3", "GET /hop/2", "GET /hop/1"], server.Requests);
    }

    [Fact]
    public async Task GetAsync_RefusesTooManyRedirects_WhenServerRedirectsToItself()
    {
        var server = await ServerAsync(context =>
        {
            context.Response.Redirect("/loop");
            return Task.CompletedTask;
        });
        var fetcher = Fetcher(allowLoopback: true);

        var result = await fetcher.GetAsync(server.Url("/loop"));

        Assert.Equal("Too many redirects.", result.Error?.English);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task GetWithBearerAsync_DoesNotFollowTheRedirect_WhenServerRedirects()
    {
        var server = await ServerAsync(async context =>
        {
            if (context.Request.Path == "/userinfo")
            {
                context.Response.Redirect("/elsewhere");
                return;
            }

            await context.Response.WriteAsync(context.Request.Headers.Authorization.ToString());
        });
        var fetcher = Fetcher(allowLoopback: true);

        var result = await fetcher.GetWithBearerAsync(server.Url("/userinfo"), "access-token-1");

        Assert.False(result.Succeeded);
        Assert.Equal(302, result.StatusCode);
        Assert.Equal("The server answered with a redirect.", result.Error?.English);
        Assert.Equal(["GET /userinfo"], server.Requests);
    }

    [Fact]
    public async Task PostFormAsync_DoesNotFollowTheRedirect_WhenServerRedirects()
    {
        var server = await ServerAsync(context =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = "/token-elsewhere";
            return Task.CompletedTask;
        });
        var fetcher = Fetcher(allowLoopback: true);

        var result = await fetcher.PostFormAsync(server.Url("/token"), new Dictionary<string, string> { ["code"] = "abc" }, ("client", "secret"));

        Assert.False(result.Succeeded);
        Assert.Equal(307, result.StatusCode);
        Assert.Equal("The server answered with a redirect.", result.Error?.English);
        Assert.Equal(["POST /token"], server.Requests);
    }

    [Fact]
    public async Task PostFormAsync_SendsTheFormAndBasicCredentials_WhenServerAnswers()
    {
        var server = await ServerAsync(async context =>
        {
            var form = await context.Request.ReadFormAsync();
            await context.Response.WriteAsync($"{context.Request.Headers.Authorization}|{form["code"]}");
        });
        var fetcher = Fetcher(allowLoopback: true);

        var result = await fetcher.PostFormAsync(server.Url("/token"), new Dictionary<string, string> { ["code"] = "abc" }, ("client:1", "p@ss"));

        Assert.True(result.Succeeded, result.Error?.English);
        Assert.Equal($"Basic {Convert.ToBase64String("client%3A1:p%40ss"u8.ToArray())}|abc", result.Body);
    }

    [Fact]
    public async Task GetAsync_RefusesTheResponse_WhenContentLengthIsOverTheLimit()
    {
        var server = await ServerAsync(async context =>
        {
            context.Response.ContentLength = 2048;
            await context.Response.Body.WriteAsync(new byte[2048]);
        });
        var fetcher = Fetcher(allowLoopback: true, maxBytes: 1024);

        var result = await fetcher.GetAsync(server.Url("/big"));

        Assert.False(result.Succeeded);
        Assert.Equal(TooLarge, result.Error?.English);
        Assert.Equal(200, result.StatusCode);
        Assert.Null(result.Body);
    }

    [Fact]
    public async Task GetAsync_RefusesTheResponse_WhenAChunkedBodyGrowsOverTheLimit()
    {
        var server = await ServerAsync(async context =>
        {
            for (var i = 0; i < 64; i++)
            {
                await context.Response.WriteAsync(new string('x', 100));
                await context.Response.Body.FlushAsync();
            }
        });
        var fetcher = Fetcher(allowLoopback: true, maxBytes: 1024);

        var result = await fetcher.GetAsync(server.Url("/chunked"));

        Assert.False(result.Succeeded);
        Assert.Equal(TooLarge, result.Error?.English);
        Assert.Null(result.Body);
    }

    [Fact]
    public async Task GetAsync_ReturnsTheBody_WhenBodyIsExactlyAtTheLimit()
    {
        var server = await ServerAsync(async context =>
        {
            await context.Response.WriteAsync(new string('a', 1000));
            await context.Response.Body.FlushAsync();
            await context.Response.WriteAsync(new string('b', 24));
        });
        var fetcher = Fetcher(allowLoopback: true, maxBytes: 1024);

        var result = await fetcher.GetAsync(server.Url("/exact"));

        Assert.True(result.Succeeded, result.Error?.English);
        Assert.Equal(1024, result.Body!.Length);
    }

    [Fact]
    public async Task GetAsync_ReturnsTimeout_WhenServerDoesNotAnswer()
    {
        var server = await ServerAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            await context.Response.WriteAsync("too late");
        });
        var fetcher = Fetcher(allowLoopback: true, timeoutSeconds: 1);
        var started = Stopwatch.StartNew();

        var result = await fetcher.GetAsync(server.Url("/slow"));

        Assert.False(result.Succeeded);
        Assert.Equal(TooSlow, result.Error?.English);
        Assert.InRange(started.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task GetAsync_ReturnsTimeout_WhenBodyTricklesPastTheTimeout()
    {
        var server = await ServerAsync(async context =>
        {
            await context.Response.Body.FlushAsync(context.RequestAborted);
            for (var i = 0; i < 300; i++)
            {
                await context.Response.WriteAsync("x", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(TimeSpan.FromMilliseconds(100), context.RequestAborted);
            }
        });
        var fetcher = Fetcher(allowLoopback: true, timeoutSeconds: 1);
        var started = Stopwatch.StartNew();

        var result = await fetcher.GetAsync(server.Url("/trickle"));

        Assert.False(result.Succeeded);
        Assert.Equal(TooSlow, result.Error?.English);
        Assert.InRange(started.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task GetAsync_ReturnsTimeout_WhenRedirectChainTakesLongerThanTheTimeout()
    {
        var server = await ServerAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(400), context.RequestAborted);
            context.Response.Redirect("/again");
        });
        var fetcher = Fetcher(allowLoopback: true, timeoutSeconds: 1);
        var started = Stopwatch.StartNew();

        var result = await fetcher.GetAsync(server.Url("/again"));

        Assert.Equal(TooSlow, result.Error?.English);
        Assert.InRange(started.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(3));
        Assert.InRange(server.Requests.Count, 2, 3);
    }

    [Fact]
    public async Task GetAsync_ReturnsAFailure_WhenServerDropsTheConnectionMidBody()
    {
        var server = await ServerAsync(async context =>
        {
            context.Response.ContentLength = 1000;
            await context.Response.WriteAsync("only the start");
            await context.Response.Body.FlushAsync();
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            context.Abort();
        });
        var fetcher = Fetcher(allowLoopback: true);

        var result = await fetcher.GetAsync(server.Url("/cut"));

        Assert.False(result.Succeeded);
        Assert.Equal("The server closed the connection before the response was complete.", result.Error?.English);
    }

    [Fact]
    public async Task GetAsync_ReturnsAFailure_WhenNothingListensOnThePort()
    {
        var listener = Recorder();
        var port = listener.Port;
        await listener.DisposeAsync();
        var fetcher = Fetcher(allowLoopback: true);

        var result = await fetcher.GetAsync(new Uri($"http://127.0.0.1:{port}/"));

        Assert.False(result.Succeeded);
        Assert.Equal("The server could not be reached.", result.Error?.English);
    }

    [Fact]
    public async Task GetAsync_DoesNotGoThroughTheDefaultProxy_WhenOneIsConfigured()
    {
        var proxy = Recorder();
        var previous = HttpClient.DefaultProxy;
        HttpClient.DefaultProxy = new WebProxy($"http://127.0.0.1:{proxy.Port}");
        FetchResult result;
        try
        {
            var fetcher = Fetcher(allowLoopback: true, timeoutSeconds: 2);

            result = await fetcher.GetAsync(new Uri("https://10.0.0.1/.well-known/openid-configuration"));
        }
        finally
        {
            HttpClient.DefaultProxy = previous;
        }

        Assert.False(result.Succeeded);
        Assert.Equal(PrivateNetwork, result.Error?.English);
        Assert.Equal(0, proxy.Connections);
    }

    private static async Task CountdownRedirects(HttpContext context)
    {
        var left = int.Parse(context.Request.Path.Value!["/hop/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        if (left == 0)
        {
            await context.Response.WriteAsync("arrived");
            return;
        }

        context.Response.Redirect($"/hop/{left - 1}");
    }

    private IOutboundFetcher Fetcher(bool allowLoopback, int timeoutSeconds = 5, int maxBytes = 512 * 1024)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["SetupFlow:AllowLoopbackFetches"] = allowLoopback ? "true" : "false",
                    ["SetupFlow:FetchTimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["SetupFlow:MaxFetchBytes"] = maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }
            )
            .Build();
        var provider = new ServiceCollection().AddSetupFlowServices(configuration).BuildServiceProvider();
        _providers.Add(provider);
        var fetcher = provider.GetRequiredService<IOutboundFetcher>();
        Assert.IsType<OutboundFetcher>(fetcher);
        return fetcher;
    }

    private async Task<LocalHttpServer> ServerAsync(RequestDelegate handler)
    {
        var server = await LocalHttpServer.StartAsync(handler);
        _servers.Add(server);
        return server;
    }

    private LocalTcpRecorder Recorder()
    {
        var recorder = new LocalTcpRecorder();
        _servers.Add(recorder);
        return recorder;
    }
}
