using System.Globalization;
using System.Text.Json;

namespace SspPortal.Bench;

/// <summary>One wrk run's numbers, from the line the scripts' <c>done()</c> prints.</summary>
public sealed record WrkResult(
    long Requests,
    double Seconds,
    long NonSuccessStatus,
    long SocketErrors,
    double P50Ms,
    double P90Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    long Wraps
)
{
    public double Throughput => Requests / Seconds;
}

/// <summary>Runs Debian's wrk with one of the Lua scripts in bench/lua (plus bench/lua/common.lua).</summary>
public sealed class Wrk(string luaDirectory, string workDirectory, string rawDirectory)
{
    private int _runs;

    public async Task<WrkResult> RunAsync(
        string name,
        string baseUrl,
        int connections,
        int seconds,
        IReadOnlyDictionary<string, string> environment
    )
    {
        var threads = connections == 1 ? 1 : 2;
        var script = Path.Combine(workDirectory, $"{name}.lua");
        if (!File.Exists(script))
        {
            await File.WriteAllTextAsync(
                script,
                await File.ReadAllTextAsync(Path.Combine(luaDirectory, $"{name}.lua"))
                    + Environment.NewLine
                    + await File.ReadAllTextAsync(Path.Combine(luaDirectory, "common.lua"))
            );
        }

        var env = new Dictionary<string, string>(environment) { ["BENCH_THREADS"] = threads.ToString(CultureInfo.InvariantCulture) };
        var (exitCode, output) = await ChildProcess.RunAsync(
            "wrk",
            [
                "-t",
                threads.ToString(CultureInfo.InvariantCulture),
                "-c",
                connections.ToString(CultureInfo.InvariantCulture),
                "-d",
                $"{seconds}s",
                "--timeout",
                "5s",
                "-s",
                script,
                baseUrl,
            ],
            workDirectory,
            env,
            TimeSpan.FromSeconds(seconds + 30)
        );
        _runs++;
        await File.WriteAllTextAsync(
            Path.Combine(rawDirectory, $"{_runs:D3}-{name}-c{connections}.txt"),
            output
        );
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"wrk {name} exited with {exitCode}: {output}");
        }

        return Parse(output);
    }

    internal static WrkResult Parse(string output)
    {
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("BENCH_JSON ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("wrk printed no BENCH_JSON line: " + output);
        using var json = JsonDocument.Parse(line["BENCH_JSON ".Length..]);
        var root = json.RootElement;
        var extra = output.Split('\n').FirstOrDefault(l => l.StartsWith("BENCH_EXTRA ", StringComparison.Ordinal));
        long wraps = 0;
        if (extra is not null)
        {
            using var extraJson = JsonDocument.Parse(extra["BENCH_EXTRA ".Length..]);
            wraps = extraJson.RootElement.GetProperty("wraps").GetInt64();
        }

        double Ms(string property) => root.GetProperty(property).GetDouble() / 1000.0;
        return new WrkResult(
            root.GetProperty("requests").GetInt64(),
            root.GetProperty("duration_us").GetDouble() / 1_000_000.0,
            root.GetProperty("errors_status").GetInt64(),
            root.GetProperty("errors_connect").GetInt64()
                + root.GetProperty("errors_read").GetInt64()
                + root.GetProperty("errors_write").GetInt64()
                + root.GetProperty("errors_timeout").GetInt64(),
            Ms("p50_us"),
            Ms("p90_us"),
            Ms("p95_us"),
            Ms("p99_us"),
            Ms("max_us"),
            wraps
        );
    }
}
