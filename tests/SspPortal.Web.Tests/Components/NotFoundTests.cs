using SspPortal.Web.Components.Shared;

namespace SspPortal.Web.Tests.Components;

public sealed class NotFoundTests : RenderTestBase
{
    [Fact]
    public async Task Render_ShowsFriendlyMessageAndStartLink_WhenNoStatusGiven()
    {
        var document = await RenderAsync<NotFoundContent>();

        Assert.Equal("Page not found", document.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("nothing at this address", document.Body?.TextContent);
        var link = document.QuerySelectorAll("a").Single(a => a.TextContent.Contains("Go to the start page", StringComparison.Ordinal));
        Assert.Equal("", link.GetAttribute("href"));
    }

    [Fact]
    public async Task Render_ShowsNotFound_WhenStatusIs404()
    {
        var document = await RenderAsync<NotFoundContent>(new Dictionary<string, object?> { [nameof(NotFoundContent.Status)] = 404 });

        Assert.Equal("Page not found", document.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task Render_ShowsStatusMessage_WhenStatusIsNotNotFound()
    {
        var document = await RenderAsync<NotFoundContent>(new Dictionary<string, object?> { [nameof(NotFoundContent.Status)] = 400 });

        Assert.Equal("This request could not be completed", document.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("status 400", document.Body?.TextContent);
    }
}
