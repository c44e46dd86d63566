using Bunit;
using SspPortal.Application.Tickets;
using SspPortal.Web.Components.Portal;

namespace SspPortal.Web.Tests.Components.Portal;

public sealed class TicketStatusBadgeTests : PortalTestContext
{
    [Theory]
    [InlineData(TicketStatus.Active, "Active", "active")]
    [InlineData(TicketStatus.Opened, "Opened", "opened")]
    [InlineData(TicketStatus.Expired, "Expired", "expired")]
    [InlineData(TicketStatus.Exhausted, "Exhausted", "exhausted")]
    [InlineData(TicketStatus.Revoked, "Revoked", "revoked")]
    [InlineData(TicketStatus.Completed, "Completed", "completed")]
    public void Render_ShowsStatusInWordsAndStyle_ForEachStatus(TicketStatus status, string label, string style)
    {
        var cut = Render<TicketStatusBadge>(ps => ps.Add(p => p.Status, status));

        var badge = Assert.Single(cut.FindAll(".pp-badge"));
        Assert.Equal(label, badge.TextContent.Trim());
        Assert.Contains($"pp-badge--{style}", badge.ClassList);
        Assert.Equal(style, badge.GetAttribute("data-status"));
    }

    [Fact]
    public void Render_GivesEachStatusItsOwnLabel_WhenAllStatusesRendered()
    {
        var labels = new List<string>();

        foreach (var status in Enum.GetValues<TicketStatus>())
        {
            var cut = Render<TicketStatusBadge>(ps => ps.Add(p => p.Status, status));
            labels.Add(cut.Find(".pp-badge").TextContent.Trim());
        }

        Assert.Equal(labels.Count, labels.Distinct(StringComparer.Ordinal).Count());
    }
}
