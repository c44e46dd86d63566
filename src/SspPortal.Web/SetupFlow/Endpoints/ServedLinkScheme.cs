using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using SspPortal.Application.Tickets;
using SspPortal.Web.Operations;

namespace SspPortal.Web.SetupFlow.Endpoints;

/// <summary>
/// The scheme visitors reach the app with, for the links it hands out (ticket URLs, SAML metadata URLs): https behind a
/// TLS-terminating proxy (<c>ReverseProxy:Enabled</c>, whose <c>X-Forwarded-Proto</c> the app believes), else https when
/// the server listens on an https address, else http (Development on <c>http://localhost:5080</c>). A server that names
/// no address (the in-memory test server) gets https.
/// </summary>
public sealed class ServedLinkScheme(IServer server, IOptions<ReverseProxyOptions> proxy) : ILinkSchemeService
{
    public string Scheme
    {
        get
        {
            if (proxy.Value.Enabled)
            {
                return Uri.UriSchemeHttps;
            }

            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
            if (addresses is not { Count: > 0 })
            {
                return Uri.UriSchemeHttps;
            }

            return addresses.Any(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) ? Uri.UriSchemeHttps : Uri.UriSchemeHttp;
        }
    }
}
