using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SspPortal.E2E.Infrastructure;

/// <summary>An axe-core accessibility scan of the current page; serious and critical violations fail the test.</summary>
public static class AxeScan
{
    private static readonly HashSet<string> Failing = ["serious", "critical"];

    /// <summary>The portal's theme: a Radzen stylesheet, loaded and parsed.</summary>
    private const string RadzenThemeApplied =
        "() => [...document.styleSheets].some(s => s.href && s.href.includes('_content/Radzen.Blazor/css/') && s.cssRules.length > 0)";

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

    /// <summary>Scans a portal page once the Radzen theme is applied.</summary>
    public static Task AssertNoSeriousViolationsAsync(IPage page) => ScanAsync(page, RadzenThemeApplied);

    /// <summary>Scans a setup-flow page (its own layout, no portal stylesheet) once the flow's styles are applied.</summary>
    public static Task AssertNoSeriousViolationsOnFlowPageAsync(IPage page) => ScanAsync(page, FlowStylesApplied);

    private static async Task ScanAsync(IPage page, string stylesApplied)
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

        var report = new StringBuilder($"Accessibility violations on {page.Url}:");
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
