using Bunit;
using Microsoft.EntityFrameworkCore;
using SspPortal.Application.Common;
using SspPortal.Application.Tenants;
using SspPortal.Web.Components.Pages.Settings;

namespace SspPortal.Web.Tests.Components.Pages;

/// <summary>The Settings page with the app's real settings service: operator settings read-only, an Admin's edits saved, field messages beside the fields.</summary>
public sealed class SettingsPageTests : PortalTestContext
{
    private readonly PortalPagesApp _app = new();

    public override async Task InitializeAsync()
    {
        await _app.StartAsync();
        _app.AddServicesTo(Services);
    }

    protected override async Task DisposeTestAsync() => await _app.DisposeAsync();

    [Fact]
    public void Render_ShowsTheOperatorSettingsAndWhereTheyChange_WhenSignedIn()
    {
        SignIn(PortalRole.Viewer, "Vera Viewer");

        var page = RenderWithProviders<SettingsPage>();

        page.WaitForElement("[data-testid=operator-settings]");
        Assert.Equal("acme.example.com", page.Find("[data-testid=tenant-domain]").TextContent.Trim());
        Assert.Equal("login.acme.test", page.Find("[data-testid=tenant-custom-domains]").TextContent.Trim());
        Assert.StartsWith("1", page.Find("[data-testid=tenant-profile-limit]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("tenants set acme", page.Find("[data-testid=operator-settings]").TextContent, StringComparison.Ordinal);
        Assert.Single(page.FindAll("h1"));
    }

    [Theory]
    [InlineData(PortalRole.Viewer)]
    [InlineData(PortalRole.Editor)]
    public void Render_IsReadOnly_WhenUserIsNotAdmin(PortalRole role)
    {
        SignIn(role, "Not Admin");

        var page = RenderWithProviders<SettingsPage>();

        page.WaitForElement("[data-testid=settings-read-only]");
        Assert.Empty(page.FindAll("[data-testid=save-settings]"));
        Assert.True(page.Find("#login-callback-url").HasAttribute("readonly"));
        Assert.True(page.Find("#default-ticket-lifetime").HasAttribute("readonly"));
    }

    [Fact]
    public async Task Save_StoresTheSettings_WhenAdminEntersValidValues()
    {
        SignIn(PortalRole.Admin);
        var page = RenderWithProviders<SettingsPage>();
        page.WaitForElement("[data-testid=save-settings]");

        await page.Find("#login-callback-url").InputAsync(new() { Value = "https://login.acme.test/callback" });
        await page.Find("#entity-id-template").InputAsync(new() { Value = "urn:acme:{connection}" });
        await page.Find("#default-ticket-lifetime").InputAsync(new() { Value = "2" });
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-input-error")));
        var stored = await _app.DbAsync(db => db.Tenants.AsNoTracking().SingleAsync(t => t.Id == PortalPagesApp.TenantId));
        Assert.Equal("https://login.acme.test/callback", stored.LoginCallbackUrl);
        Assert.Equal("urn:acme:{connection}", stored.EntityIdTemplate);
        Assert.Equal(2, stored.DefaultTicketLifetimeDays);
        Assert.Contains(
            await _app.DbAsync(db => db.AuditEntries.IgnoreQueryFilters().Select(a => a.Action).ToListAsync()),
            a => a == "tenant.settings_updated"
        );
    }

    [Fact]
    public async Task Save_ShowsPlainMessagesBesideTheFields_WhenValuesAreWrong()
    {
        SignIn(PortalRole.Admin);
        var page = RenderWithProviders<SettingsPage>();
        page.WaitForElement("[data-testid=save-settings]");

        await page.Find("#login-callback-url").InputAsync(new() { Value = "http://login.acme.test/cb" });
        await page.Find("#entity-id-template").InputAsync(new() { Value = "urn:acme:{tenant}" });
        await page.Find("#default-ticket-lifetime").InputAsync(new() { Value = "9" });
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("must use https", page.Markup, StringComparison.Ordinal));
        Assert.Contains("must contain {connection} exactly once", page.Markup, StringComparison.Ordinal);
        Assert.Contains("from 1 to 5", page.Markup, StringComparison.Ordinal);
        var stored = await _app.Get<ITenantSettingsService>().GetAsync(_app.Admin);
        Assert.Null(stored.Value.LoginCallbackUrl);
    }
}
