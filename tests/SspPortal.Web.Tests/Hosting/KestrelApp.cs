using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SspPortal.Web.Tests.Testing;

namespace SspPortal.Web.Tests.Hosting;

/// <summary>
/// The app on a real Kestrel on a free loopback port (the test host factory with <c>UseKestrel(0)</c>), for what an
/// in-memory server would normalise away: raw requests with odd <c>Host</c> headers, and the headers Kestrel itself adds.
/// </summary>
public sealed class KestrelApp : IAsyncDisposable
{
    private readonly SspWebApplicationFactory _factory;

    private KestrelApp(SspWebApplicationFactory factory, Uri address)
    {
        _factory = factory;
        Address = address;
    }

    public Uri Address { get; }

    public static KestrelApp Start(string environment = "Testing")
    {
        var factory = new SspWebApplicationFactory(environment);
        factory.UseKestrel(0);
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var address = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        return new KestrelApp(factory, address);
    }

    /// <summary>Sends <paramref name="request"/> as it is (CRLF line ends, headers included) and returns the whole raw response.</summary>
    public async Task<RawResponse> SendRawAsync(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(Address.Host, Address.Port);
        await using var stream = client.GetStream();
        var bytes = Encoding.ASCII.GetBytes(request);
        await stream.WriteAsync(bytes);
        await stream.FlushAsync();
        using var reader = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
        {
            reader.Write(buffer, 0, read);
        }

        return RawResponse.Parse(Encoding.UTF8.GetString(reader.ToArray()));
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address };

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}

/// <summary>A raw HTTP response: status code, headers (names lower-cased, last value wins), body.</summary>
public sealed record RawResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, string Body, string Raw)
{
    public static RawResponse Parse(string raw)
    {
        var end = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = end < 0 ? raw : raw[..end];
        var lines = head.Split("\r\n");
        var status = lines[0].Split(' ') is [_, var code, ..] && int.TryParse(code, out var parsed) ? parsed : 0;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return new RawResponse(status, headers, end < 0 ? "" : raw[(end + 4)..], raw);
    }
}
