using Microsoft.IdentityModel.Protocols;
using SspPortal.Application.SetupFlow;

namespace SspPortal.Web.SetupFlow.Testing;

/// <summary>Lets IdentityModel fetch discovery documents and keys under the flow's outbound rules.</summary>
public sealed class FetcherDocumentRetriever(IOutboundFetcher fetcher) : IDocumentRetriever
{
    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        var result = await fetcher.GetAsync(new Uri(address, UriKind.Absolute), cancel);
        return result.Succeeded && result.Body is not null
            ? result.Body
            : throw new IOException($"Could not fetch {address}: {result.Error?.English}");
    }
}
