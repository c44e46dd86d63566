namespace SspPortal.Bench;

/// <summary>One wrk configuration: a Lua script against the app or the baseline at a number of connections.</summary>
public sealed record Scenario(string Key, string Group, string Title, string Script, bool OnBaseline, int Connections, bool OnCompare = false)
{
    /// <summary>The key of the same scenario run against the comparison build.</summary>
    public const string CompareSuffix = "@compare";

    /// <summary>The baseline configuration this one is compared with (same connections, same round).</summary>
    public string BaselineKey => $"baseline-c{Connections}";

    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("baseline-c1", "baseline", "Baseline: bare Kestrel, constant JSON", "baseline", true, 1),
        new("api-read-c1", "api-read", "API read GET /self-service-profiles/{id}", "api-read", false, 1),
        new("baseline-c8", "baseline", "Baseline: bare Kestrel, constant JSON", "baseline", true, 8),
        new("api-read-c8", "api-read", "API read GET /self-service-profiles/{id}", "api-read", false, 8),
        new("baseline-c32", "baseline", "Baseline: bare Kestrel, constant JSON", "baseline", true, 32),
        new("api-read-c32", "api-read", "API read GET /self-service-profiles/{id}", "api-read", false, 32),
        new("api-list-c32", "api-list", "API list ?include_totals=true (20 profiles)", "api-list", false, 32),
        new("ticket-issue-c1", "ticket-issue", "Ticket issue POST …/sso-ticket", "ticket-issue", false, 1),
        new("ticket-issue-c32", "ticket-issue", "Ticket issue POST …/sso-ticket", "ticket-issue", false, 32),
        new("ticket-invalid-c32", "ticket-page", "Ticket page: invalid link (404 page)", "ticket-invalid", false, 32),
        new("ticket-open-c32", "ticket-page", "Ticket page: first open (302 + setup page SSR)", "ticket-open", false, 32),
    ];
}
