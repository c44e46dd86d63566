using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SspPortal.E2E.Infrastructure;

/// <summary>
/// An axe-core accessibility scan of the current page; serious and critical violations fail the test. Portal pages are
/// scanned in light and in dark mode (<see cref="AssertNoSeriousViolationsInBothModesAsync"/>).
/// </summary>
public static class AxeScan
{
    private static readonly HashSet<string> Failing = ["serious", "critical"];

    /// <summary>
    /// The portal's styles: MudBlazor's stylesheet loaded, the theme's variables on the document, the mode applied
    /// (theme.js sets data-theme), and no transition still running (colours judged half-way fail for nothing).
    /// </summary>
    private const string PortalStylesApplied = """
        () => {
            const root = document.documentElement;
            const rules = s => { try { return s.cssRules.length; } catch { return 0; } };
            const mud = [...document.styleSheets].some(s => s.href && s.href.includes('_content/MudBlazor/') && rules(s) > 0);
            const palette = getComputedStyle(root).getPropertyValue('--mud-palette-surface').trim() !== '';
            const settled = document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity);
            return mud && palette && !!root.dataset.theme && settled;
        }
        """;

    /// <summary>
    /// The flow's own styles (FlowStyles.razor, an inline style element) applied to its page, and every linked
    /// stylesheet the document has, if any, loaded.
    /// </summary>
    private const string FlowStylesApplied = """
        () => {
            const page = document.querySelector('.ssp-flow-page');
            if (!page) return false;
            const rules = s => { try { return [...s.cssRules]; } catch { return null; } };
            const linked = [...document.querySelectorAll('link[rel=stylesheet]')];
            if (!linked.every(l => l.sheet && rules(l.sheet)?.length > 0)) return false;
            const inline = [...document.styleSheets].some(s => !s.href && (rules(s) ?? []).some(r => r.selectorText === '.ssp-flow-page'));
            return inline && getComputedStyle(page).display === 'flow-root';
        }
        """;

    /// <summary>Scans a portal page in the mode it shows now.</summary>
    public static Task AssertNoSeriousViolationsAsync(IPage page) => ScanAsync(page, PortalStylesApplied, label: null);

    /// <summary>
    /// Scans a portal page in light and then in dark mode, by switching the browser's colour scheme, which the portal
    /// follows while the visitor has not picked a mode (no theme cookie); the page is left in light mode. A page whose
    /// visitor picked a mode is scanned in that mode only: the pick wins over the system setting.
    /// </summary>
    public static async Task AssertNoSeriousViolationsInBothModesAsync(IPage page)
    {
        var choice = await page.EvaluateAsync<string?>("() => document.documentElement.dataset.themeChoice ?? null");
        if (choice is "light" or "dark")
        {
            await ScanAsync(page, PortalStylesApplied, choice);
            return;
        }

        foreach (var (scheme, mode) in new[] { (ColorScheme.Light, "light"), (ColorScheme.Dark, "dark") })
        {
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = scheme });
            await page.WaitForFunctionAsync($"() => document.documentElement.dataset.theme === '{mode}'");
            await ScanAsync(page, PortalStylesApplied, mode);
        }

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Light });
        await page.WaitForFunctionAsync("() => document.documentElement.dataset.theme === 'light'");
        await page.WaitForFunctionAsync(PortalStylesApplied);
    }

    /// <summary>Scans a setup-flow page (its own layout, no portal stylesheet) once the flow's styles are applied.</summary>
    public static Task AssertNoSeriousViolationsOnFlowPageAsync(IPage page) => ScanAsync(page, FlowStylesApplied, label: null);

    private static async Task ScanAsync(IPage page, string stylesApplied, string? label)
    {
        // Scan what the user sees: the page's styles must be applied, or colour contrast is judged on unstyled markup.
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.WaitForFunctionAsync(stylesApplied);

        var result = await page.RunAxe();
        var failing = result.Violations.Where(v => v.Impact is not null && Failing.Contains(v.Impact)).ToList();
        if (failing.Count == 0)
        {
            return;
        }

        var report = new StringBuilder($"Accessibility violations on {page.Url}{(label is null ? "" : $" in {label} mode")}:");
        foreach (var violation in failing)
        {
            report.AppendLine().Append(" - [").Append(violation.Impact).Append("] ").Append(violation.Id).Append(": ").Append(violation.Help);
            foreach (var node in violation.Nodes.Take(5))
            {
                report.AppendLine().Append("     ").Append(string.Join(' ', node.Target?.ToString() ?? "")).Append("  ").Append(node.Html);
            }
        }

        throw new AxeViolationException(report.ToString());
    }
}

public sealed class AxeViolationException(string message) : Exception(message);
