using System.Net;
using SspPortal.Web.Tests.Testing;

namespace SspPortal.Web.Tests.Hosting;

/// <summary>The public /not-found page takes any <c>status</c> query: one that is no HTTP error status means "not found".</summary>
public sealed class NotFoundPageTests : IAsyncLifetime
{
    private readonly SspWebApplicationFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999")]
    [InlineData("-1")]
    [InlineData("200")]
    public async Task NotFound_ShowsPageNotFound_WhenStatusIsNoErrorStatus(string status)
    {
        using var response = await _app.CreateClient().GetAsync($"/not-found?status={status}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotFound_ShowsTheStatus_WhenStatusIsAnErrorStatus()
    {
        using var response = await _app.CreateClient().GetAsync("/not-found?status=503");

        Assert.Contains("status 503", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
