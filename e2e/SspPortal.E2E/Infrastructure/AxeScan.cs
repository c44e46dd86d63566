using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SspPortal.E2E.Infrastructure;

/// <summary>An axe-core accessibility scan of the current page; serious and critical violations fail the test.</summary>
public static class AxeScan
{
    private static readonly HashSet<string> Failing = ["serious", "critical"];

    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        // Scan what the user sees: the Radzen theme must be applied, or colour contrast is judged on unstyled markup.
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.WaitForFunctionAsync(
            "() => [...document.styleSheets].some(s => s.href && s.href.includes('_content/Radzen.Blazor/css/') && s.cssRules.length > 0)"
        );

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
