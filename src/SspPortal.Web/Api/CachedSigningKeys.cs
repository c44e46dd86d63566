using System.Collections;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;

namespace SspPortal.Web.Api;

/// <summary>
/// The bearer scheme's configured signing keys, read once per configuration version. JwtBearer 8 binds
/// <c>Authentication:Schemes:Bearer:SigningKeys</c> as a lazy sequence that walks the configuration and decodes every
/// key again each time a token is validated (a few percent of an API request in bench/run.sh's profile); this keeps
/// the decoded list and reads it again only after the configuration reloads, so a changed key still takes effect.
/// </summary>
internal sealed class CachedSigningKeys : IEnumerable<SecurityKey>
{
    private readonly IEnumerable<SecurityKey> _source;
    private volatile IReadOnlyList<SecurityKey>? _keys;

    public CachedSigningKeys(IEnumerable<SecurityKey> source, IConfiguration configuration)
    {
        _source = source;
        ChangeToken.OnChange(configuration.GetReloadToken, () => _keys = null);
    }

    public IEnumerator<SecurityKey> GetEnumerator() => (_keys ??= [.. _source]).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
