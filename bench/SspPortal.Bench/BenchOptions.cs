using System.Globalization;

namespace SspPortal.Bench;

/// <summary>The driver's command line (bench/run.sh passes the paths; the rest have defaults).</summary>
public sealed class BenchOptions
{
    public string Repo { get; private set; } = "";

    public string WebExe { get; private set; } = "";

    public string BaselineExe { get; private set; } = "";

    public string Output { get; private set; } = "";

    /// <summary>Another build of the app (e.g. an earlier commit) run beside this one and measured in the same rounds.</summary>
    public string? CompareExe { get; private set; }

    /// <summary>The report's file name in the output folder.</summary>
    public string ReportName { get; private set; } = "latest.md";

    public int Rounds { get; private set; } = 5;

    public int Seconds { get; private set; } = 3;

    public int WarmupSeconds { get; private set; } = 2;

    public int Circuits { get; private set; } = 200;

    public int Interactions { get; private set; } = 200;

    public string Chromium { get; private set; } = "/usr/bin/chromium";

    /// <summary>Start everything, write bench/results/raw/stack.env, and keep it running this many seconds (for profiling).</summary>
    public int ServeSeconds { get; private set; }

    /// <summary>Only these scenario keys (comma-separated), for a quick look while working on one.</summary>
    public IReadOnlySet<string>? Only { get; private set; }

    /// <summary>Extra app settings (<c>--app-env KEY=VALUE</c>), e.g. to compare a setting's effect.</summary>
    public Dictionary<string, string> AppEnvironment { get; } = [];

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--repo":
                    options.Repo = Path.GetFullPath(Next());
                    break;
                case "--web-exe":
                    options.WebExe = Path.GetFullPath(Next());
                    break;
                case "--baseline-exe":
                    options.BaselineExe = Path.GetFullPath(Next());
                    break;
                case "--out":
                    options.Output = Path.GetFullPath(Next());
                    break;
                case "--compare-exe":
                    options.CompareExe = Path.GetFullPath(Next());
                    break;
                case "--report":
                    options.ReportName = Next();
                    break;
                case "--rounds":
                    options.Rounds = NextInt();
                    break;
                case "--seconds":
                    options.Seconds = NextInt();
                    break;
                case "--warmup":
                    options.WarmupSeconds = NextInt();
                    break;
                case "--circuits":
                    options.Circuits = NextInt();
                    break;
                case "--interactions":
                    options.Interactions = NextInt();
                    break;
                case "--serve":
                    options.ServeSeconds = NextInt();
                    break;
                case "--chromium":
                    options.Chromium = Next();
                    break;
                case "--only":
                    options.Only = Next().Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
                    break;
                case "--app-env":
                    var pair = Next();
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    options.AppEnvironment[pair[..equals]] = pair[(equals + 1)..];
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        if (options.Repo.Length == 0 || options.WebExe.Length == 0 || options.BaselineExe.Length == 0 || options.Output.Length == 0)
        {
            throw new ArgumentException("--repo, --web-exe, --baseline-exe and --out are required (bench/run.sh passes them).");
        }

        return options;
    }

    public bool Runs(string key) => Only is null || Only.Contains(key);
}
