using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SspPortal.Web.Hosting;

/// <summary>
/// Whether a request's <c>Host</c> can name this app: a DNS name (labels of 1–63 letters, digits or hyphens, 253
/// characters at most; underscores are tolerated, as resolvers do) or an IP address, with an optional port from 1 to 65535. Pages build absolute addresses from the
/// host (Blazor's base URI, callback URLs), so a host that is no address would otherwise end in an exception.
/// </summary>
public static class HostHeaderCheck
{
    private const int MaxNameLength = 253;
    private const int MaxLabelLength = 63;

    public static bool IsValid(HostString host)
    {
        var value = host.Value;
        if (string.IsNullOrEmpty(value) || !host.HasValue)
        {
            return false;
        }

        if (!IsValidPort(value))
        {
            return false;
        }

        var name = host.Host;
        if (name.StartsWith('['))
        {
            return name.EndsWith(']') && IPAddress.TryParse(name[1..^1], out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6;
        }

        return IsDnsName(name) && Uri.TryCreate($"http://{value}/", UriKind.Absolute, out _);
    }

    private static bool IsValidPort(string value)
    {
        // The port follows the last colon outside an IPv6 literal's brackets.
        var close = value.LastIndexOf(']');
        var colon = value.LastIndexOf(':');
        if (colon <= close)
        {
            return value.IndexOf(':', close + 1) < 0;
        }

        var port = value[(colon + 1)..];
        return port.Length is > 0 and <= 5
            && port.All(char.IsAsciiDigit)
            && int.Parse(port, NumberStyles.None, CultureInfo.InvariantCulture) is >= 1 and <= 65535;
    }

    private static bool IsDnsName(string name)
    {
        var trimmed = name.EndsWith('.') ? name[..^1] : name;
        if (trimmed.Length is 0 or > MaxNameLength)
        {
            return false;
        }

        foreach (var label in trimmed.Split('.'))
        {
            if (label.Length is 0 or > MaxLabelLength || label.StartsWith('-') || label.EndsWith('-'))
            {
                return false;
            }

            if (!label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
