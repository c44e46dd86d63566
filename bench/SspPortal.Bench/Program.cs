using System.Globalization;
using SspPortal.Bench;

// The benchmark driver behind bench/run.sh. See bench/README.md.
var options = BenchOptions.Parse(args);
var started = DateTimeOffset.UtcNow;
var work = Path.Combine(Path.GetTempPath(), "sspportal-bench-" + Guid.NewGuid().ToString("N")[..10]);
var raw = Path.Combine(options.Output, "raw");
Directory.CreateDirectory(work);
Directory.CreateDirectory(raw);
Console.WriteLine($"Work folder {work}");

var results = new Dictionary<string, List<WrkResult>>(StringComparer.Ordinal);
CircuitResult? circuits = null;
CircuitResult? compareCircuits = null;
Stack? stack = null;
Stack? compare = null;
try
{
    stack = await Stack.StartAsync(options, work);
    if (options.CompareExe is not null)
    {
        Console.WriteLine($"Comparison build: {options.CompareExe}");
        compare = await Stack.StartAsync(options, Path.Combine(work, "compare"), options.CompareExe, withBaseline: false);
    }

    if (options.ServeSeconds > 0)
    {
        var env = Path.Combine(raw, "stack.env");
        await File.WriteAllLinesAsync(
            env,
            [
                $"export APP_URL={stack.AppUrl.ToString().TrimEnd('/')}",
                $"export BASELINE_URL={stack.BaselineUrl.ToString().TrimEnd('/')}",
                $"export APP_PID={stack.AppPid}",
                $"export BENCH_TOKEN={stack.Token}",
                $"export BENCH_IDS={string.Join(',', stack.ProfileIds)}",
                $"export BENCH_WORK={work}",
                .. (compare is null
                    ? Array.Empty<string>()
                    : [
                        $"export COMPARE_URL={compare.AppUrl.ToString().TrimEnd('/')}",
                        $"export COMPARE_PID={compare.AppPid}",
                        $"export COMPARE_TOKEN={compare.Token}",
                        $"export COMPARE_IDS={string.Join(',', compare.ProfileIds)}",
                        $"export COMPARE_WORK={compare.Work}",
                    ]),
            ]
        );
        Console.WriteLine($"Serving for {options.ServeSeconds} s; settings in {env}");
        await Task.Delay(TimeSpan.FromSeconds(options.ServeSeconds));
        return;
    }

    var wrk = new Wrk(Path.Combine(options.Repo, "bench", "lua"), work, raw);
    var tickets = new TicketPool(work);
    var compareTickets = compare is null ? null : new TicketPool(compare.Work);
    var scenarios = Scenario.All.Where(s => options.Runs(s.Key) || (s.OnBaseline && Scenario.All.Any(o => options.Runs(o.Key) && o.BaselineKey == s.Key))).ToList();
    if (compare is not null)
    {
        // In every round: baseline, this build, the comparison build, scenario by scenario.
        scenarios = [.. scenarios.SelectMany(s => s.OnBaseline ? [s] : new[] { s, s with { Key = s.Key + Scenario.CompareSuffix, OnCompare = true } })];
    }

    Task<WrkResult> RunAsync(Scenario scenario, int seconds, int round)
    {
        var target = scenario.OnCompare ? compare! : stack;
        var pool = scenario.OnCompare ? compareTickets! : tickets;
        var environment = new Dictionary<string, string>
        {
            ["BENCH_TOKEN"] = target.Token,
            ["BENCH_IDS"] = string.Join(',', target.ProfileIds),
            ["BENCH_TICKETS_OUT"] = pool.OutputPrefix,
        };
        if (scenario.Script == "ticket-open")
        {
            environment["BENCH_TICKETS_IN"] = pool.NextBatch(round);
        }

        var url = (scenario.OnBaseline ? stack.BaselineUrl : target.AppUrl).ToString().TrimEnd('/');
        return wrk.RunAsync(scenario.Script, url, scenario.Connections, seconds, environment);
    }

    Console.WriteLine($"Warm-up: {options.WarmupSeconds} s per scenario");
    foreach (var scenario in scenarios)
    {
        var warm = await RunAsync(scenario, options.WarmupSeconds, 0);
        Console.WriteLine($"  {scenario.Key,-20} {warm.Throughput,10:F0} req/s (warm-up)");
    }

    for (var round = 1; round <= options.Rounds; round++)
    {
        Console.WriteLine($"Round {round}/{options.Rounds}: {options.Seconds} s per scenario");
        foreach (var scenario in scenarios)
        {
            var result = await RunAsync(scenario, options.Seconds, round);
            if (!results.TryGetValue(scenario.Key, out var list))
            {
                results[scenario.Key] = list = [];
            }

            list.Add(result);
            Console.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {scenario.Key,-28} {result.Throughput,10:F0} req/s  p50 {result.P50Ms,7:F2} ms  p99 {result.P99Ms,7:F2} ms  non-2xx {result.NonSuccessStatus}  socket errors {result.SocketErrors}"
                )
            );
        }
    }

    await File.WriteAllTextAsync(
        Path.Combine(raw, Path.ChangeExtension(options.ReportName, ".json")),
        System.Text.Json.JsonSerializer.Serialize(results)
    );

    if (options.Runs("circuits") && options.Circuits > 0)
    {
        circuits = await Circuits.RunAsync(stack, options, raw);
        if (compare is not null)
        {
            Console.WriteLine("Circuits on the comparison build");
            compareCircuits = await Circuits.RunAsync(compare, options, raw, "compare-");
        }
    }
}
finally
{
    if (compare is not null)
    {
        await compare.DisposeAsync();
    }

    if (stack is not null)
    {
        await stack.DisposeAsync();
    }
}

var report = Report.Write(options, started, DateTimeOffset.UtcNow, results, circuits, stack!.ProfileBytes);
if (compare is not null)
{
    report += Report.Comparison(options, results, circuits, compareCircuits);
}

var latest = Path.Combine(options.Output, options.ReportName);
await File.WriteAllTextAsync(latest, report);
Console.WriteLine();
Console.WriteLine(report);
Console.WriteLine($"Wrote {latest} ({(DateTimeOffset.UtcNow - started).TotalSeconds:F0} s)");
try
{
    Directory.Delete(work, recursive: true);
}
catch (IOException)
{
    // Left for the system's temp cleanup.
}
