using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace SspPortal.Bench;

/// <summary>Writes bench/results/latest.md: machine, method, one row per scenario, and the goals.</summary>
public static class Report
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Write(
        BenchOptions options,
        DateTimeOffset started,
        DateTimeOffset finished,
        IReadOnlyDictionary<string, List<WrkResult>> results,
        CircuitResult? circuits,
        int profileBytes
    )
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmark results");
        md.AppendLine();
        md.AppendLine(Inv, $"Written by `bash bench/run.sh` on {started:yyyy-MM-dd HH:mm} UTC ({(finished - started).TotalSeconds:F0} s for the measuring part).");
        md.AppendLine();
        md.AppendLine("## Machine");
        md.AppendLine();
        md.AppendLine(Inv, $"- CPU: {CpuModel()}, {Environment.ProcessorCount} logical cores (`nproc`)");
        md.AppendLine(Inv, $"- Memory: {MemTotalGiB():F1} GiB");
        md.AppendLine(Inv, $"- OS: {RuntimeInformation.OSDescription}");
        md.AppendLine(Inv, $"- App and baseline: .NET {Environment.Version} runtime (net10.0, framework-dependent, Release, server GC); driver on the same runtime");
        md.AppendLine(Inv, $"- Load generator: {WrkVersion()} on the same machine, same 2 cores (the load generator competes with the server for CPU)");
        md.AppendLine();
        md.AppendLine("## Method");
        md.AppendLine();
        md.AppendLine(Inv, $"Each scenario: a {options.WarmupSeconds} s warm-up, then {options.Rounds} rounds of {options.Seconds} s. Rounds are interleaved (baseline, then the scenarios, in every round), and each scenario's ratio is computed against the baseline at the same number of connections **in the same round**; the table gives the median over rounds and, in brackets, the min–max. Latencies are wrk's per-round percentiles (median over rounds). The app runs in the Production environment on a fresh SQLite file, with a tenant added by `tenants add`, 20 profiles created through the API, and a real HS256 bearer token validated by the JwtBearer handler; rate limits are raised so that no request is answered 429. The baseline answers a captured profile response ({profileBytes} bytes) from a bare minimal endpoint.");
        md.AppendLine();
        md.AppendLine("| Scenario | Conn. | Throughput (req/s) | Ratio vs baseline | p50 ms | p99 ms | Non-2xx/3xx | Socket errors |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var scenario in Scenario.All)
        {
            if (!results.TryGetValue(scenario.Key, out var rounds) || rounds.Count == 0)
            {
                continue;
            }

            var ratio = "—";
            if (!scenario.OnBaseline && results.TryGetValue(scenario.BaselineKey, out var baseline) && baseline.Count == rounds.Count)
            {
                var ratios = rounds.Select((r, i) => r.Throughput / baseline[i].Throughput).ToList();
                ratio = $"{Median(ratios):P0} [{ratios.Min():P0}–{ratios.Max():P0}]".Replace(" %", "%", StringComparison.Ordinal);
            }

            var throughput = rounds.Select(r => r.Throughput).ToList();
            md.AppendLine(
                Inv,
                $"| {scenario.Title} | {scenario.Connections} | {Median(throughput):F0} [{throughput.Min():F0}–{throughput.Max():F0}] | {ratio} | {Median(rounds.Select(r => r.P50Ms)):F2} | {Median(rounds.Select(r => r.P99Ms)):F2} | {rounds.Sum(r => r.NonSuccessStatus)} | {rounds.Sum(r => r.SocketErrors)} |"
            );
        }

        md.AppendLine();
        md.AppendLine("Notes: the invalid-link page answers 404 by design, so its non-2xx count is every request. The ticket-open rows count two requests per ticket (the ticket URL's 302 and the setup page it leads to); opens/s is half the throughput.");
        if (results.TryGetValue("ticket-open-c32", out var opens))
        {
            md.AppendLine(Inv, $"Tickets reused in ticket-open (a thread ran out of fresh tickets and started again at its first): {opens.Sum(r => r.Wraps)} times over all rounds.");
        }

        if (circuits is not null)
        {
            var sorted = circuits.InteractionMs.Where(double.IsFinite).Order().ToList();
            var lost = circuits.InteractionMs.Count - sorted.Count;
            md.AppendLine();
            md.AppendLine("## Circuits");
            md.AppendLine();
            md.AppendLine(Inv, $"{circuits.Circuits} profile-editor pages opened in one headless Chromium (one signed-in user, one circuit per page) in {circuits.OpenSeconds:F0} s, after one warm-up page; managed heap = dotnet-gcdump total after its forced full GC; RSS from /proc/PID/status.");
            md.AppendLine();
            md.AppendLine("| Measure | Before | After | Per circuit |");
            md.AppendLine("|---|---:|---:|---:|");
            md.AppendLine(Inv, $"| Live managed heap (after full GC) | {circuits.HeapBeforeBytes / 1048576.0:F1} MiB | {circuits.HeapAfterBytes / 1048576.0:F1} MiB | {circuits.HeapPerCircuitKb:F1} KB |");
            md.AppendLine(Inv, $"| Working set (RSS) | {circuits.RssBeforeBytes / 1048576.0:F1} MiB | {circuits.RssAfterBytes / 1048576.0:F1} MiB | {circuits.RssPerCircuitKb:F1} KB |");
            md.AppendLine();
            if (sorted.Count > 0)
            {
                md.AppendLine(
                    Inv,
                    $"Interaction (one keystroke in the name field → next render batch on the socket), {sorted.Count} samples with {circuits.Circuits + 1} circuits open: p50 {Percentile(sorted, 50):F1} ms, p95 {Percentile(sorted, 95):F1} ms, p99 {Percentile(sorted, 99):F1} ms, max {sorted[^1]:F1} ms{(lost > 0 ? $"; {lost} keystrokes got no batch within 2 s" : "")}."
                );
            }
        }

        md.AppendLine();
        md.AppendLine("## Goals");
        md.AppendLine();
        md.AppendLine("| Goal | Measured | Met |");
        md.AppendLine("|---|---|---|");
        Goal(md, results, "api-read-c32", "API read ≥ 50% of baseline throughput (32 conn.)", r => RatioMedian(results, "api-read-c32"), v => $"{v:P0}", v => v >= 0.5);
        Goal(md, results, "api-read-c32", "API read p99 ≤ 5 ms (32 conn.)", r => Median(r.Select(x => x.P99Ms)), v => $"{v:F2} ms", v => v <= 5);
        Goal(md, results, "ticket-issue-c32", "Ticket issue ≥ 1,000 tickets/s", r => Median(r.Select(x => x.Throughput)), v => $"{v:F0}/s", v => v >= 1000);
        Goal(md, results, "ticket-invalid-c32", "Ticket page (invalid link) ≥ 30% of baseline", r => RatioMedian(results, "ticket-invalid-c32"), v => $"{v:P0}", v => v >= 0.3);
        Goal(md, results, "ticket-open-c32", "Ticket page (first open, 302 + SSR) ≥ 30% of baseline", r => RatioMedian(results, "ticket-open-c32"), v => $"{v:P0}", v => v >= 0.3);
        if (circuits is not null)
        {
            var sorted = circuits.InteractionMs.Where(double.IsFinite).Order().ToList();
            md.AppendLine(Inv, $"| ≤ 150 KB managed heap per idle circuit | {circuits.HeapPerCircuitKb:F1} KB (RSS {circuits.RssPerCircuitKb:F1} KB) | {(circuits.HeapPerCircuitKb <= 150 ? "yes" : "no")} |");
            if (sorted.Count > 0)
            {
                var p95 = Percentile(sorted, 95);
                md.AppendLine(Inv, $"| Interaction p95 ≤ 50 ms | {p95:F1} ms | {(p95 <= 50 ? "yes" : "no")} |");
            }
        }

        return md.ToString().Replace("\u00a0", " ", StringComparison.Ordinal);
    }

    /// <summary>This build against the comparison build, both as ratios to the baseline of the same round.</summary>
    public static string Comparison(
        BenchOptions options,
        IReadOnlyDictionary<string, List<WrkResult>> results,
        CircuitResult? circuitsAfter = null,
        CircuitResult? circuitsBefore = null
    )
    {
        var md = new StringBuilder();
        md.AppendLine();
        md.AppendLine("## Before and after, same run");
        md.AppendLine();
        md.AppendLine(Inv, $"Comparison build (before): `{Path.GetRelativePath(options.Repo, options.CompareExe!)}`; this build (after): `{Path.GetRelativePath(options.Repo, options.WebExe)}`. Both apps ran side by side on their own fresh databases and were measured in the same rounds; each ratio is to the baseline of the same round.");
        md.AppendLine();
        md.AppendLine("| Scenario | Conn. | Before: ratio vs baseline | After: ratio vs baseline | After / before (throughput) | p99 before → after (ms) |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var scenario in Scenario.All.Where(s => !s.OnBaseline))
        {
            var beforeKey = scenario.Key + Scenario.CompareSuffix;
            if (!results.TryGetValue(scenario.Key, out var after) || !results.TryGetValue(beforeKey, out var before) || !results.TryGetValue(scenario.BaselineKey, out var baseline))
            {
                continue;
            }

            var beforeRatio = Median(before.Select((r, i) => r.Throughput / baseline[i].Throughput));
            var afterRatio = Median(after.Select((r, i) => r.Throughput / baseline[i].Throughput));
            var gain = Median(after.Select((r, i) => r.Throughput / before[i].Throughput));
            md.AppendLine(
                string.Create(
                        Inv,
                        $"| {scenario.Title} | {scenario.Connections} | {beforeRatio:P1} | {afterRatio:P1} | ×{gain:F2} | {Median(before.Select(r => r.P99Ms)):F1} → {Median(after.Select(r => r.P99Ms)):F1} |"
                    )
                    .Replace(" %", "%", StringComparison.Ordinal)
            );
        }

        if (circuitsAfter is { } afterCircuits && circuitsBefore is { } beforeCircuits)
        {
            md.AppendLine();
            md.AppendLine(Inv, $"Circuits, one build after the other ({afterCircuits.Circuits} profile-editor pages each, same method as above):");
            md.AppendLine();
            md.AppendLine("| Measure | Before | After | After / before |");
            md.AppendLine("|---|---:|---:|---:|");
            md.AppendLine(Inv, $"| Managed heap per circuit | {beforeCircuits.HeapPerCircuitKb:F1} KB | {afterCircuits.HeapPerCircuitKb:F1} KB | ×{afterCircuits.HeapPerCircuitKb / beforeCircuits.HeapPerCircuitKb:F2} |");
            md.AppendLine(Inv, $"| Working set per circuit | {beforeCircuits.RssPerCircuitKb:F1} KB | {afterCircuits.RssPerCircuitKb:F1} KB | ×{afterCircuits.RssPerCircuitKb / beforeCircuits.RssPerCircuitKb:F2} |");
            var beforeP95 = InteractionP95(beforeCircuits);
            var afterP95 = InteractionP95(afterCircuits);
            md.AppendLine(Inv, $"| Interaction p95 | {beforeP95:F1} ms | {afterP95:F1} ms | ×{afterP95 / beforeP95:F2} |");
        }

        return md.ToString().Replace("\u00a0", " ", StringComparison.Ordinal);
    }

    private static double InteractionP95(CircuitResult circuits)
    {
        var sorted = circuits.InteractionMs.Where(double.IsFinite).Order().ToList();
        return sorted.Count == 0 ? double.NaN : Percentile(sorted, 95);
    }

    private static void Goal(
        StringBuilder md,
        IReadOnlyDictionary<string, List<WrkResult>> results,
        string key,
        string title,
        Func<List<WrkResult>, double> measure,
        Func<double, string> format,
        Func<double, bool> met
    )
    {
        if (!results.TryGetValue(key, out var rounds) || rounds.Count == 0)
        {
            return;
        }

        var value = measure(rounds);
        md.AppendLine(Inv, $"| {title} | {format(value).Replace(" %", "%", StringComparison.Ordinal)} | {(met(value) ? "yes" : "no")} |");
    }

    private static double RatioMedian(IReadOnlyDictionary<string, List<WrkResult>> results, string key)
    {
        var scenario = Scenario.All.Single(s => s.Key == key);
        var rounds = results[key];
        var baseline = results[scenario.BaselineKey];
        return Median(rounds.Select((r, i) => r.Throughput / baseline[i].Throughput));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static double Percentile(List<double> sorted, double p)
    {
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    private static double MemTotalGiB()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return long.Parse(line["MemTotal:".Length..].Trim().Split(' ')[0], Inv) / 1048576.0;
    }

    private static string WrkVersion()
    {
        try
        {
            var (_, output) = ChildProcess.RunAsync("wrk", ["-v"], "/", null, TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
            return output.Split('\n')[0].Trim();
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            return "wrk";
        }
    }
}
