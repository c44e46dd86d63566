using SspPortal.Application.Tickets;
using SspPortal.Web.Components.Portal;

namespace SspPortal.Web.Tests.Components.Portal;

public sealed class TicketStatusBadgeTests
{
    [Theory]
    [InlineData(TicketStatus.Active, "Active", "active")]
    [InlineData(TicketStatus.Opened, "Opened", "opened")]
    [InlineData(TicketStatus.Expired, "Expired", "expired")]
    [InlineData(TicketStatus.Exhausted, "Exhausted", "exhausted")]
    [InlineData(TicketStatus.Revoked, "Revoked", "revoked")]
    [InlineData(TicketStatus.Completed, "Completed", "completed")]
    public async Task Render_ShowsStatusInWordsAndStyle_ForEachStatus(TicketStatus status, string label, string style)
    {
        await using var renderer = new PortalRenderer();

        var document = await renderer.RenderAsync<TicketStatusBadge>(new Dictionary<string, object?> { ["Status"] = status });

        var badge = Assert.Single(document.QuerySelectorAll(".pp-badge"));
        Assert.Equal(label, badge.TextContent.Trim());
        Assert.Contains($"pp-badge--{style}", badge.ClassList);
        Assert.Equal(style, badge.GetAttribute("data-status"));
    }

    [Fact]
    public async Task Render_GivesEachStatusItsOwnLabel_WhenAllStatusesRendered()
    {
        await using var renderer = new PortalRenderer();
        var labels = new List<string>();

        foreach (var status in Enum.GetValues<TicketStatus>())
        {
            var document = await renderer.RenderAsync<TicketStatusBadge>(new Dictionary<string, object?> { ["Status"] = status });
            labels.Add(document.QuerySelector(".pp-badge")!.TextContent.Trim());
        }

        Assert.Equal(labels.Count, labels.Distinct(StringComparer.Ordinal).Count());
    }
}
