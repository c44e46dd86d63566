using System.Globalization;
using Microsoft.Playwright;

namespace SspPortal.Bench;

/// <summary>Server memory per idle interactive circuit and the round trip of one UI interaction.</summary>
public sealed record CircuitResult(
    int Circuits,
    long HeapBeforeBytes,
    long HeapAfterBytes,
    long RssBeforeBytes,
    long RssAfterBytes,
    double OpenSeconds,
    IReadOnlyList<double> InteractionMs
)
{
    public double HeapPerCircuitKb => (HeapAfterBytes - HeapBeforeBytes) / 1024.0 / Circuits;

    public double RssPerCircuitKb => (RssAfterBytes - RssBeforeBytes) / 1024.0 / Circuits;
}

/// <summary>
/// Signs in once through the test OpenID provider in headless Chromium, then opens N pages of the profile editor
/// in that browser context (each one an interactive Blazor circuit on the server). The server's live GC heap is
/// read with dotnet-gcdump (which forces a full, blocking collection) and its resident set from /proc, before and
/// after. Interaction: typing one character into the profile name field, timed in the page from the input event to
/// the next render batch that arrives on the circuit's WebSocket.
/// </summary>
public static class Circuits
{
    // Counts WebSocket messages and lets the page wait for the next one larger than a SignalR ping.
    private const string WebSocketProbe = """
        (() => {
          const Native = window.WebSocket;
          const probe = { messages: 0, waiters: [] };
          window.__benchWs = probe;
          window.WebSocket = class extends Native {
            constructor(...args) {
              super(...args);
              this.addEventListener('message', (e) => {
                const size = typeof e.data === 'string' ? e.data.length : (e.data.byteLength ?? e.data.size ?? 0);
                if (size <= 16) return;
                probe.messages++;
                const now = performance.now();
                const waiters = probe.waiters;
                probe.waiters = [];
                for (const w of waiters) w(now);
              });
            }
          };
        })();
        """;

    // Types one character at a time into #profile-name; resolves with each round trip in milliseconds.
    private const string InteractionLoop = """
        async (count) => {
          const input = document.querySelector('#profile-name');
          const probe = window.__benchWs;
          const times = [];
          const base = input.value;
          for (let i = 0; i < count; i++) {
            const arrived = new Promise((resolve) => probe.waiters.push(resolve));
            const t0 = performance.now();
            input.value = base + ' ' + (i % 10);
            input.dispatchEvent(new Event('input', { bubbles: true }));
            const timeout = new Promise((resolve) => setTimeout(() => resolve(NaN), 2000));
            const t1 = await Promise.race([arrived, timeout]);
            times.push(t1 - t0);
            await new Promise((r) => setTimeout(r, 20));
          }
          input.value = base;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          return times;
        }
        """;

    /// <summary>Runs the scenario on <paramref name="stack"/>; <paramref name="name"/> prefixes its gcdump files (the comparison build's).</summary>
    public static async Task<CircuitResult> RunAsync(Stack stack, BenchOptions options, string raw, string name = "")
    {
        Console.WriteLine($"Circuits: signing in, then opening {options.Circuits} profile editor pages");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(
            new BrowserTypeLaunchOptions
            {
                ExecutablePath = options.Chromium,
                Headless = true,
                Args =
                [
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--renderer-process-limit=4",
                    "--disable-background-timer-throttling",
                    "--disable-renderer-backgrounding",
                ],
            }
        );
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = stack.AppUrl.ToString() });
        await context.AddInitScriptAsync(WebSocketProbe);

        // Fonts and images cost Chromium CPU for every page and nothing on the server's side of a circuit.
        await context.RouteAsync(
            new System.Text.RegularExpressions.Regex(@"\.(woff2?|ttf|png|jpe?g|svg|ico)(\?|$)"),
            route => route.AbortAsync()
        );
        var editor = $"profiles/{stack.ProfileIds[0]}";

        // Sign in through the provider; the first page stays open as the warm-up circuit.
        var first = await context.NewPageAsync();
        await first.GotoAsync($"account/login?returnUrl={Uri.EscapeDataString("/" + editor)}");
        await first.GetByLabel("Email").FillAsync(Stack.PortalLogin);
        await first.GetByLabel("Password").FillAsync(Stack.PortalPassword);
        await first.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await WaitInteractiveAsync(first);
        await first.WaitForTimeoutAsync(1000);

        var heapBefore = await HeapAsync(stack, raw, name + "before");
        var rssBefore = Rss(stack.AppPid);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var pages = new List<IPage>();
        const int Parallel = 6;
        for (var i = 0; i < options.Circuits; i += Parallel)
        {
            var batch = Enumerable.Range(i, Math.Min(Parallel, options.Circuits - i)).Select(async _ =>
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync(editor);
                await WaitInteractiveAsync(page);
                return page;
            });
            pages.AddRange(await Task.WhenAll(batch));
        }

        var openSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  {pages.Count} circuits open after {openSeconds:F1} s; letting them settle");
        await Task.Delay(TimeSpan.FromSeconds(5));
        var heapAfter = await HeapAsync(stack, raw, name + "after");
        var rssAfter = Rss(stack.AppPid);

        Console.WriteLine($"  Interaction: {options.Interactions} keystrokes in the name field, {pages.Count + 1} circuits open");
        var times = await first.EvaluateAsync<double[]>(InteractionLoop, options.Interactions);

        var result = new CircuitResult(
            pages.Count,
            heapBefore,
            heapAfter,
            rssBefore,
            rssAfter,
            openSeconds,
            times
        );
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"  heap {heapBefore / 1048576.0:F1} → {heapAfter / 1048576.0:F1} MiB ({result.HeapPerCircuitKb:F1} KB/circuit), RSS {rssBefore / 1048576.0:F1} → {rssAfter / 1048576.0:F1} MiB ({result.RssPerCircuitKb:F1} KB/circuit)"
            )
        );
        // Closing the context closes every page at once (and ends the circuits).
        return result;
    }

    private static async Task WaitInteractiveAsync(IPage page)
    {
        // The editor's fields appear once the circuit has loaded the profile, and a render batch has come over the socket.
        await page.Locator("#profile-name").WaitForAsync(new() { Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => window.__benchWs && window.__benchWs.messages > 0", null, new() { Timeout = 60_000 });
    }

    /// <summary>The live managed heap after a forced full collection: dotnet-gcdump's total.</summary>
    private static async Task<long> HeapAsync(Stack stack, string raw, string label)
    {
        var tool = Path.Combine(stack.Options.Repo, "bench", ".tools", "dotnet-gcdump");
        var dump = Path.Combine(stack.Work, $"{label}.gcdump");
        var (code, output) = await ChildProcess.RunAsync(
            tool,
            ["collect", "-p", stack.AppPid.ToString(CultureInfo.InvariantCulture), "-o", dump],
            stack.Work,
            null,
            TimeSpan.FromMinutes(2)
        );
        if (code != 0)
        {
            throw new InvalidOperationException("dotnet-gcdump collect failed: " + output);
        }

        var (reportCode, report) = await ChildProcess.RunAsync(tool, ["report", dump], stack.Work, null, TimeSpan.FromMinutes(1));
        await File.WriteAllTextAsync(Path.Combine(raw, $"gcdump-{label}.txt"), report);
        return reportCode == 0 ? GcDumpTotal(report) : throw new InvalidOperationException("dotnet-gcdump report failed: " + report);
    }

    internal static long GcDumpTotal(string report)
    {
        // Lines look like "   12,345,678  GC Heap bytes" followed by per-type rows; take the heap total line.
        foreach (var line in report.Split('\n'))
        {
            if (line.Contains("GC Heap bytes", StringComparison.Ordinal))
            {
                var number = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0].Replace(",", "", StringComparison.Ordinal);
                return long.Parse(number, CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException("No 'GC Heap bytes' line in the gcdump report.");
    }

    private static long Rss(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
