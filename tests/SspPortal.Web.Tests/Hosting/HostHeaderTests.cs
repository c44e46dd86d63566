namespace SspPortal.Web.Tests.Hosting;

/// <summary>
/// Pages build absolute addresses from the request's <c>Host</c>: a missing or malformed one is refused with 400 and a
/// message, never a 500. Raw requests on a real Kestrel, since an in-memory server would normalise the header.
/// </summary>
public sealed class HostHeaderTests : IAsyncLifetime
{
    private KestrelApp _app = default!;

    public static TheoryData<string, string> BadHosts()
    {
        var data = new TheoryData<string, string>();
        string[] paths = ["/", "/not-found", "/account/signed-out", "/self-service/setup", "/self-service/connections-flow?ticket=ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"];
        string[] hosts = ["Host: \r\n", "Host: x:99999\r\n", $"Host: {new string('a', 64)}.example.com\r\n", "Host: -bad-.example.com\r\n"];
        foreach (var path in paths)
        {
            foreach (var host in hosts)
            {
                data.Add(path, $"GET {path} HTTP/1.1\r\n{host}Connection: close\r\n\r\n");
            }

            data.Add(path, $"GET {path} HTTP/1.0\r\nConnection: close\r\n\r\n");
        }

        return data;
    }

    public Task InitializeAsync()
    {
        _app = KestrelApp.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [MemberData(nameof(BadHosts))]
    public async Task Page_Returns400WithAMessage_WhenHostIsMissingOrMalformed(string path, string request)
    {
        var response = await _app.SendRawAsync(request);

        Assert.True(response.StatusCode == 400, $"{path}: expected 400, got {response.StatusCode}\n{response.Raw[..Math.Min(response.Raw.Length, 400)]}");
        Assert.Contains("Host header", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/health/live", "HTTP/1.0", "")]
    [InlineData("/api/v2/self-service-profiles", "HTTP/1.1", "Host: x:99999\r\n")]
    public async Task ProbeAndApi_AnswerWithoutA500_WhenHostIsMissingOrMalformed(string path, string version, string host)
    {
        var response = await _app.SendRawAsync($"GET {path} {version}\r\n{host}Connection: close\r\n\r\n");

        Assert.InRange(response.StatusCode, 200, 499);
    }

    [Fact]
    public async Task Page_Renders_WhenHostIsAnAddressWithAPort()
    {
        var response = await _app.SendRawAsync($"GET /account/signed-out HTTP/1.1\r\nHost: portal.example.com:8443\r\nConnection: close\r\n\r\n");

        Assert.Equal(200, response.StatusCode);
    }
}
