using SspPortal.Application.Tickets;

namespace SspPortal.Infrastructure.Services;

/// <summary>Links are https: the scheme when nothing tells how the app is served (the web host replaces this).</summary>
internal sealed class HttpsLinkScheme : ILinkSchemeService
{
    public string Scheme => Uri.UriSchemeHttps;
}
