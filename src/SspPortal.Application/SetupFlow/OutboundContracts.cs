using SspPortal.Application.Common;

namespace SspPortal.Application.SetupFlow;

/// <summary>The answer of an outbound fetch: the body when it succeeded, a short reason when not.</summary>
public sealed record FetchResult(bool Succeeded, int? StatusCode, string? Body, CodedMessage? Error)
{
    public static FetchResult Failed(CodedMessage error, int? statusCode = null) => new(false, statusCode, null, error);
}

/// <summary>
/// Fetches from the visitor's identity provider on the flow's behalf: https only (loopback over http only when a
/// test setting allows it), short timeouts, a size limit, and no redirect to a private address.
/// </summary>
public interface IOutboundFetcher
{
    /// <summary>Whether the URL may be fetched at all (scheme, host); null when it may, else the reason.</summary>
    CodedMessage? Refuse(Uri url);

    /// <summary>
    /// <see cref="Refuse"/>, and for a host name also where it resolves to now: the reason when any of its addresses
    /// is one a fetch would refuse, so that a URL stored for others to use was checked as it is stored. A name that
    /// does not resolve passes (each fetch checks the address it connects to).
    /// </summary>
    Task<CodedMessage?> CheckHostAsync(Uri url, CancellationToken cancellationToken = default);

    Task<FetchResult> GetAsync(Uri url, CancellationToken cancellationToken = default);

    /// <summary>A GET with an OAuth bearer token (the userinfo endpoint); no redirects are followed.</summary>
    Task<FetchResult> GetWithBearerAsync(Uri url, string bearerToken, CancellationToken cancellationToken = default);

    /// <summary>Posts a form; with <paramref name="basicCredentials"/> as HTTP Basic authentication (each part form-encoded first).</summary>
    Task<FetchResult> PostFormAsync(
        Uri url,
        IReadOnlyDictionary<string, string> form,
        (string User, string Password)? basicCredentials = null,
        CancellationToken cancellationToken = default
    );
}
