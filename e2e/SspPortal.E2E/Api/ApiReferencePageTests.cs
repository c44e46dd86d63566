using Microsoft.Playwright;
using SspPortal.E2E.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SspPortal.E2E.Api;

/// <summary>The API reference page in a real browser: it renders the app's OpenAPI document and asks nothing from outside.</summary>
[Collection(PortalCollection.Name)]
public sealed class ApiReferencePageTests(DevSignInPortalFixture fixture, ITestOutputHelper output) : PortalTest(fixture, output)
{
    [Fact]
    public async Task ReferencePage_RendersTheOperations_WithoutAnyRequestToAnotherOrigin()
    {
        var requested = new List<string>();
        Page.Request += (_, request) => requested.Add(request.Url);

        await Page.GotoAsync("/api/docs/");
        await Expect(Page.GetByText("/api/v2/self-service-profiles").First).ToBeVisibleAsync();
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var appOrigin = Fixture.BaseUrl.GetLeftPart(UriPartial.Authority);
        var outside = requested
            .Where(url => url.StartsWith("http", StringComparison.Ordinal) && !url.StartsWith(appOrigin + "/", StringComparison.Ordinal))
            .ToList();
        Assert.True(outside.Count == 0, "Requests to other origins: " + string.Join(", ", outside));
        Assert.Contains(requested, url => url.EndsWith("/openapi/v1.json", StringComparison.Ordinal));
    }
}
