using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using SspPortal.Application.Common;
using SspPortal.Application.SetupFlow;

namespace SspPortal.Infrastructure.SetupFlow;

/// <summary>
/// Outbound requests on the visitor's behalf. https only (http to loopback only when
/// <see cref="SetupFlowOptions.AllowLoopbackFetches"/> is on), a timeout, a size limit, at most three redirects,
/// and the address actually connected to is checked: never private, link-local or (unless allowed) loopback.
/// No proxy is used, so that the checked address is the one the request goes to.
/// </summary>
public sealed class OutboundFetcher : IOutboundFetcher, IDisposable
{
    private const int MaxRedirects = 3;
    private readonly HttpClient _client;
    private readonly SetupFlowOptions _options;

    public OutboundFetcher(IOptions<SetupFlowOptions> options)
    {
        _options = options.Value;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            ConnectTimeout = TimeSpan.FromSeconds(_options.FetchTimeoutSeconds),
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(_options.FetchTimeoutSeconds) };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("SspPortal-SetupFlow/1.0");
    }

    public CodedMessage? Refuse(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            return FlowMessages.Get("fetch.notabsolute");
        }

        var loopback = url.IsLoopback;
        if (url.Scheme == Uri.UriSchemeHttps)
        {
            if (loopback && !_options.AllowLoopbackFetches)
            {
                return FlowMessages.Get("fetch.unreachable");
            }

            return IPAddress.TryParse(url.DnsSafeHost, out var literal) && !IsAllowed(literal) ? FlowMessages.Get("fetch.private") : null;
        }

        if (url.Scheme == Uri.UriSchemeHttp && loopback && _options.AllowLoopbackFetches)
        {
            return null;
        }

        return FlowMessages.Get("fetch.httpsonly");
    }

    public async Task<CodedMessage?> CheckHostAsync(Uri url, CancellationToken cancellationToken = default)
    {
        if (Refuse(url) is { } refusal)
        {
            return refusal;
        }

        if (IPAddress.TryParse(url.DnsSafeHost, out _))
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(url.DnsSafeHost, cancellationToken);
        }
        catch (SocketException)
        {
            // Not resolvable now: nothing private was found, and every fetch checks the address it connects to.
            return null;
        }

        // Every address, not just one: whoever uses the URL later may connect to any of them.
        return addresses.All(IsAllowed) ? null : FlowMessages.Get("fetch.private");
    }

    public Task<FetchResult> GetAsync(Uri url, CancellationToken cancellationToken = default) =>
        SendAsync(url, () => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken);

    public Task<FetchResult> GetWithBearerAsync(Uri url, string bearerToken, CancellationToken cancellationToken = default) =>
        SendAsync(
            url,
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearerToken);
                return request;
            },
            cancellationToken,
            followRedirects: false
        );

    public Task<FetchResult> PostFormAsync(
        Uri url,
        IReadOnlyDictionary<string, string> form,
        (string User, string Password)? basicCredentials = null,
        CancellationToken cancellationToken = default
    ) =>
        SendAsync(
            url,
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
                if (basicCredentials is { } credentials)
                {
                    var pair = $"{Uri.EscapeDataString(credentials.User)}:{Uri.EscapeDataString(credentials.Password)}";
                    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
                        "Basic",
                        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pair))
                    );
                }

                return request;
            },
            cancellationToken,
            followRedirects: false
        );

    public void Dispose() => _client.Dispose();

    private async Task<FetchResult> SendAsync(Uri url, Func<HttpRequestMessage> first, CancellationToken cancellationToken, bool followRedirects = true)
    {
        var current = url;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.FetchTimeoutSeconds));
        try
        {
            for (var hop = 0; hop <= MaxRedirects; hop++)
            {
                var refusal = Refuse(current);
                if (refusal is not null)
                {
                    return FetchResult.Failed(refusal);
                }

                using var request = hop == 0 ? first() : new HttpRequestMessage(HttpMethod.Get, current);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (!followRedirects)
                    {
                        return FetchResult.Failed(FlowMessages.Get("fetch.redirect"), status);
                    }

                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }

                if (response.Content.Headers.ContentLength > _options.MaxFetchBytes)
                {
                    return FetchResult.Failed(FlowMessages.Get("fetch.toolarge"), status);
                }

                var body = await ReadLimitedAsync(response.Content, timeout.Token);
                if (body is null)
                {
                    return FetchResult.Failed(FlowMessages.Get("fetch.toolarge"), status);
                }

                return response.IsSuccessStatusCode ? new FetchResult(true, status, body, null) : new FetchResult(false, status, body, FlowMessages.Get("fetch.status", status));
            }

            return FetchResult.Failed(FlowMessages.Get("fetch.redirects"));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return FetchResult.Failed(FlowMessages.Get("fetch.timeout"));
        }
        catch (HttpRequestException ex)
        {
            return FetchResult.Failed(FlowMessages.Get(ex.InnerException is RefusedAddressException ? "fetch.private" : "fetch.failed"));
        }
        catch (IOException)
        {
            return FetchResult.Failed(FlowMessages.Get("fetch.truncated"));
        }
    }

    private async Task<string?> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > _options.MaxFetchBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(IsAllowed).ToArray();
        if (allowed.Length == 0)
        {
            throw new RefusedAddressException();
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private bool IsAllowed(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return _options.AllowLoopbackFetches;
        }

        return !IsPrivate(address);
    }

    /// <summary>
    /// Whether an address is on a private, link-local, shared, reserved or multicast network (loopback is decided by
    /// the caller: IPv4 127/8 counts here, IPv6 <c>::1</c> does not). IPv6 forms that carry an IPv4 address are judged
    /// by that address: IPv4-mapped <c>::ffff:a.b.c.d</c>, NAT64 <c>64:ff9b::/96</c> (what DNS64 gives on an IPv6-only
    /// network, so it stays usable for public addresses) and 6to4 <c>2002::/16</c>. Refused altogether: the deprecated
    /// IPv4-compatible <c>::a.b.c.d</c>, the local-use NAT64 prefix <c>64:ff9b:1::/48</c> (a site's own translator)
    /// and Teredo <c>2001::/32</c> (a client tunnel, never an identity provider's address).
    /// </summary>
    internal static bool IsPrivate(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return IsPrivateV6(address);
        }

        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => true,
            100 => b[1] is >= 64 and <= 127,
            169 => b[1] == 254,
            172 => b[1] is >= 16 and <= 31,
            192 => b[1] == 168 || (b[1] == 0 && b[2] is 0 or 2),
            198 => b[1] is 18 or 19,
            >= 224 => true,
            _ => false,
        };
    }

    private static bool IsPrivateV6(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPrivate(address.MapToIPv4());
        }

        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast)
        {
            return true;
        }

        var b = address.GetAddressBytes();
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            // :: and the IPv4-compatible ::a.b.c.d; ::1 is loopback, decided by the caller.
            return !address.Equals(IPAddress.IPv6Loopback);
        }

        if (b.AsSpan(0, 12).SequenceEqual(Nat64WellKnownPrefix))
        {
            return IsPrivate(new IPAddress(b.AsSpan(12, 4)));
        }

        if (b.AsSpan(0, 6).SequenceEqual(Nat64LocalUsePrefix) || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0))
        {
            return true;
        }

        return b[0] == 0x20 && b[1] == 0x02 && IsPrivate(new IPAddress(b.AsSpan(2, 4)));
    }

    private static ReadOnlySpan<byte> Nat64WellKnownPrefix => [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];

    private static ReadOnlySpan<byte> Nat64LocalUsePrefix => [0x00, 0x64, 0xff, 0x9b, 0x00, 0x01];

    private sealed class RefusedAddressException() : IOException(FlowMessages.English["fetch.private"]);
}
