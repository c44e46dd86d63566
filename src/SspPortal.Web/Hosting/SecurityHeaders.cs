namespace SspPortal.Web.Hosting;

/// <summary>
/// The security headers every response carries (<see cref="SecurityHeadersMiddleware"/>), and why each value is what it
/// is. docs/security.md explains the policy; <c>SecurityHeadersTests</c> walks the routes and checks it.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The Content-Security-Policy. Scripts only from this origin, none inline: Blazor Server needs nothing more (no
    /// eval, no WebAssembly), and the pages' own behaviour lives in script files. Styles allow inline ones because Blazor
    /// sets <c>style</c> attributes when it patches the page, MudBlazor renders them, and the flow's branding colours are
    /// per-profile CSS variables; a style cannot run script. Images may come from any https address (a profile's logo)
    /// or a data: URL (icons drawn as inline SVG images). The circuit's WebSocket is same-origin, which <c>'self'</c> covers; the sign-in
    /// providers' origins are added to connect-src (<see cref="ContentSecurityPolicyFor"/>).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; "
        + "script-src 'self'; "
        + "style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data: https:; "
        + "font-src 'self' data:; "
        + "connect-src 'self'; "
        + "object-src 'none'; "
        + "base-uri 'self'; "
        + "frame-ancestors 'none'";

    /// <summary>
    /// The settings whose origins a page may reach with fetch: Blazor's enhanced navigation fetches a link's target
    /// (<c>/account/login</c>) and, when it redirects to the sign-in provider, falls back to a full page load; a
    /// connect-src that refused the redirect would leave the visitor on the page instead.
    /// </summary>
    public static readonly string[] SignInAuthoritySettings = ["Authentication:OpenIdConnect:Authority", "AzureAd:Instance"];

    /// <summary>The policy with the origins of the configured sign-in providers (http or https addresses) in connect-src.</summary>
    public static string ContentSecurityPolicyFor(IConfiguration configuration)
    {
        var origins = SignInAuthoritySettings
            .Select(key => configuration[key])
            .Select(value => Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.GetLeftPart(UriPartial.Authority) : null)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        return origins.Length == 0 ? ContentSecurityPolicy : ContentSecurityPolicy.Replace("connect-src 'self';", $"connect-src 'self' {string.Join(' ', origins)};", StringComparison.Ordinal);
    }

    /// <summary>No page of this app may be framed (the CSP's frame-ancestors, for browsers that predate it).</summary>
    public const string FrameOptions = "DENY";

    /// <summary>Ticket URLs carry their secret in the query, and no other page needs to tell anyone where a visitor came from.</summary>
    public const string ReferrerPolicy = "no-referrer";

    public const string NoSniff = "nosniff";

    /// <summary>HSTS (Production and every environment but Development, over https): a year, subdomains included.</summary>
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    /// <summary>
    /// The API reference page (Development only) is a third-party page with inline script; it keeps every header but
    /// the CSP. Nothing outside Development is exempt.
    /// </summary>
    public const string DevelopmentApiReferencePath = "/api/docs";
}
