using System.ComponentModel.DataAnnotations;
using System.Net;

namespace SspPortal.Web.Operations;

/// <summary>
/// The <c>ReverseProxy</c> settings section: whether SspPortal runs behind a proxy that terminates TLS, so that the
/// client's address and scheme come from its <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> headers (per-IP rate
/// limits, <c>Secure</c> cookies, https callback URLs). Only the listed proxies (and loopback) are believed.
/// </summary>
public sealed class ReverseProxyOptions : IValidatableObject
{
    public const string SectionName = "ReverseProxy";

    public bool Enabled { get; set; }

    /// <summary>IP addresses of proxies whose forwarded headers are believed, besides loopback.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. <c>10.0.0.0/8</c>) of proxies whose forwarded headers are believed.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(KnownProxies[i], out _))
            {
                yield return new ValidationResult(
                    $"{SectionName}:KnownProxies:{i} ('{KnownProxies[i]}') must be an IP address, e.g. 10.0.0.5."
                );
            }
        }

        for (var i = 0; i < KnownNetworks.Count; i++)
        {
            if (!System.Net.IPNetwork.TryParse(KnownNetworks[i], out _))
            {
                yield return new ValidationResult(
                    $"{SectionName}:KnownNetworks:{i} ('{KnownNetworks[i]}') must be a network in CIDR notation, e.g. 10.0.0.0/8."
                );
            }
        }
    }
}
