// The machines have two cores: one portal (app + browser) at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
