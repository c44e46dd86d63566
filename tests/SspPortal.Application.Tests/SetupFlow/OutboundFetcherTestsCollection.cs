namespace SspPortal.Application.Tests.SetupFlow;

/// <summary>Runs <see cref="OutboundFetcherTests"/> alone: one of them sets the process-wide default proxy.</summary>
[CollectionDefinition(nameof(OutboundFetcherTests), DisableParallelization = true)]
public sealed class OutboundFetcherTestsCollection;
