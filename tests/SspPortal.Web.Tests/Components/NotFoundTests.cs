using Bunit;
using SspPortal.Web.Components.Shared;

namespace SspPortal.Web.Tests.Components;

public sealed class NotFoundTests : PortalTestContext
{
    public NotFoundTests() => RenderStatically();

    [Fact]
    public void Render_ShowsFriendlyMessageAndStartLink_WhenNoStatusGiven()
    {
        var page = Render<NotFoundContent>();

        Assert.Equal("Page not found", page.Find("h1").TextContent.Trim());
        Assert.Contains("nothing at this address", page.Markup);
        var link = page.FindAll("a").Single(a => a.TextContent.Contains("Go to the start page", StringComparison.Ordinal));
        Assert.Equal("", link.GetAttribute("href"));
    }

    [Fact]
    public void Render_ShowsNotFound_WhenStatusIs404()
    {
        var page = Render<NotFoundContent>(p => p.Add(c => c.Status, 404));

        Assert.Equal("Page not found", page.Find("h1").TextContent.Trim());
    }

    [Fact]
    public void Render_ShowsStatusMessage_WhenStatusIsNotNotFound()
    {
        var page = Render<NotFoundContent>(p => p.Add(c => c.Status, 400));

        Assert.Equal("This request could not be completed", page.Find("h1").TextContent.Trim());
        Assert.Contains("status 400", page.Markup);
        Assert.Single(page.FindAll("h1"));
    }
}
