using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SspPortal.Application.Common;
using SspPortal.Application.Connections;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tickets;
using SspPortal.Web.Components.Pages.Connections;

namespace SspPortal.Web.Tests.Components.Pages;

/// <summary>The connection page with the app's real services: what it shows, and an Admin's actions through the page.</summary>
public sealed class ConnectionDetailTests : PortalTestContext
{
    private readonly PortalPagesApp _app = new();

    public override async Task InitializeAsync()
    {
        await _app.StartAsync();
        _app.AddServicesTo(Services);
    }

    protected override async Task DisposeTestAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Render_ShowsTheStoredSettingsWithoutTheSecret_WhenConnectionIsSetUp()
    {
        var connection = await _app.SeedConnectionAsync();
        SignIn(PortalRole.Viewer, "Vera Viewer");

        var page = RenderPage(connection.Id);

        page.WaitForElement("[data-testid=connection-page]");
        Assert.Equal("Acme Okta", page.Find("h1").TextContent.Trim());
        Assert.Equal("Enabled", page.Find("[data-testid=connection-state]").TextContent.Trim());
        Assert.Equal("Okta", page.Find("[data-testid=connection-strategy]").TextContent.Trim());
        Assert.Equal("acme.example.com, acme.test", page.Find("[data-testid=connection-domains]").TextContent.Trim());
        Assert.Equal("org_123", page.Find("[data-testid=connection-organizations]").TextContent.Trim());
        var options = page.Find("[data-testid=connection-options]").TextContent;
        Assert.Contains("acme.okta.com", options, StringComparison.Ordinal);
        Assert.Contains("client_secret", options, StringComparison.Ordinal);
        Assert.DoesNotContain("stored-protected-value", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Not tested", page.Find("[data-testid=last-test]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ShowsNoActions_WhenUserIsViewerOrEditor()
    {
        var connection = await _app.SeedConnectionAsync();
        SignIn(PortalRole.Editor, "Ed Editor");

        var page = RenderPage(connection.Id);

        page.WaitForElement("[data-testid=connection-read-only]");
        Assert.Empty(page.FindAll("[data-testid=connection-actions]"));
        Assert.Empty(page.FindAll("[data-testid=delete-connection]"));
    }

    [Fact]
    public async Task Render_LinksTheTicketItWasCreatedFrom_WhenConnectionHasAnOrigin()
    {
        var profile = (await _app.Get<ISelfServiceProfileService>().CreateAsync(_app.Admin, new CreateProfileRequest { Name = "Partner SSO" })).Value;
        var issued = (await _app.Get<ISsoTicketService>().IssueAsync(_app.Admin, profile.Id, new IssueTicketRequest(), null)).Value;
        var connection = await _app.SeedConnectionAsync(c => c.CreatedFromTicketId = issued.TicketId);
        SignIn(PortalRole.Viewer, "Vera Viewer");

        var page = RenderPage(connection.Id);

        var origin = page.WaitForElement("[data-testid=connection-origin]");
        Assert.Contains("Ada Admin", origin.TextContent, StringComparison.Ordinal);
        Assert.Contains(issued.TicketId.ToString(), origin.TextContent, StringComparison.Ordinal);
        Assert.Equal($"profiles/{profile.Id}/tickets", page.Find("[data-testid=origin-link]").GetAttribute("href"));
    }

    [Theory]
    [InlineData("con_0000000000000000")]
    [InlineData("not-a-connection-id")]
    public void Render_ShowsNotFound_WhenIdIsUnknownOrMalformed(string id)
    {
        SignIn(PortalRole.Admin);

        var page = RenderPage(id);

        page.WaitForElement("[data-testid=not-found]");
        Assert.Empty(page.FindAll("[data-testid=connection-page]"));
    }

    [Fact]
    public async Task Render_ShowsNotFound_WhenConnectionBelongsToAnotherTenant()
    {
        var other = await _app.SeedConnectionAsync(tenantId: PortalPagesApp.OtherTenantId);
        SignIn(PortalRole.Admin);

        var page = RenderPage(other.Id);

        page.WaitForElement("[data-testid=not-found]");
    }

    [Theory]
    [InlineData(10, "ExpiresSoon", "within 30 days")]
    [InlineData(-2, "Expired", "expired on")]
    [InlineData(200, "Valid", "is valid until")]
    public async Task Render_WarnsAboutTheCertificate_WhenItExpiresSoonOrHasExpired(int daysLeft, string health, string text)
    {
        var now = _app.Now;
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=idp.acme.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(now.AddDays(-400), now.AddDays(daysLeft));
        var connection = await _app.SeedConnectionAsync(c =>
        {
            c.Strategy = Strategies.Samlp;
            c.OptionsJson = $$"""{"signInEndpoint":"https://idp.acme.test/sso","signingCert":"{{Convert.ToBase64String(certificate.RawData)}}"}""";
            c.LastTestPassed = true;
            c.LastTestedAt = now;
        });
        SignIn(PortalRole.Viewer, "Vera Viewer");

        var page = RenderPage(connection.Id);

        var alert = page.WaitForElement("[data-testid=certificate]");
        Assert.Equal(health, alert.GetAttribute("data-health"));
        Assert.Contains(text, alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("Its last test passed", page.Find("[data-testid=last-test]").TextContent, StringComparison.Ordinal);
        Assert.Contains("stored (see Health)", page.Find("[data-testid=connection-options]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disable_ThenEnable_ChangesTheStoredConnection_WhenAdminClicks()
    {
        var connection = await _app.SeedConnectionAsync();
        SignIn(PortalRole.Admin);
        var page = RenderPage(connection.Id);

        await page.WaitForElement("[data-testid=disable-connection]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("Disabled", page.Find("[data-testid=connection-state]").TextContent.Trim()));
        var storedAfterDisable = await StoredEnabledAsync(connection.Id);
        await page.Find("[data-testid=enable-connection]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("Enabled", page.Find("[data-testid=connection-state]").TextContent.Trim()));

        Assert.False(storedAfterDisable);
        Assert.True(await StoredEnabledAsync(connection.Id));
        var actions = await _app.DbAsync(db =>
            db.AuditEntries.IgnoreQueryFilters().Where(a => a.TargetId == connection.Id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()
        );
        Assert.Equal(["connection.disabled", "connection.enabled"], actions);
    }

    [Fact]
    public async Task Delete_AsksFirstAndKeepsTheConnection_WhenAdminCancels()
    {
        var connection = await _app.SeedConnectionAsync();
        SignIn(PortalRole.Admin);
        var page = RenderPage(connection.Id);

        // The click's handler waits for the message box's answer: start it, answer, then await it.
        var clicked = page.WaitForElement("[data-testid=delete-connection]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("Delete the connection acme-okta?", page.Markup, StringComparison.Ordinal));
        await page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Keep it").ClickAsync(new());
        await clicked.WaitAsync(TimeSpan.FromSeconds(5));

        page.WaitForAssertion(() => Assert.DoesNotContain("Delete the connection", page.Markup, StringComparison.Ordinal));
        Assert.True(await StoredExistsAsync(connection.Id));
    }

    [Fact]
    public async Task Delete_RemovesTheConnectionAndGoesToTheList_WhenAdminConfirms()
    {
        var connection = await _app.SeedConnectionAsync();
        SignIn(PortalRole.Admin);
        var page = RenderPage(connection.Id);

        var clicked = page.WaitForElement("[data-testid=delete-connection]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("This cannot be undone.", page.Markup, StringComparison.Ordinal));
        await page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Delete").ClickAsync(new());
        await clicked.WaitAsync(TimeSpan.FromSeconds(5));

        page.WaitForAssertion(() => Assert.EndsWith("/connections", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        Assert.False(await StoredExistsAsync(connection.Id));
    }

    [Fact]
    public async Task Release_FreesTheName_WhenTheReservingTicketWasRevoked()
    {
        var profile = (await _app.Get<ISelfServiceProfileService>().CreateAsync(_app.Admin, new CreateProfileRequest { Name = "Partner SSO" })).Value;
        var tickets = _app.Get<ISsoTicketService>();
        var issued = (
            await tickets.IssueAsync(_app.Admin, profile.Id, new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = "held-name" } }, null)
        ).Value;
        Assert.True((await tickets.RevokeByIdAsync(_app.Admin, issued.TicketId)).IsOk);
        var id = await _app.DbAsync(db => db.Tickets.IgnoreQueryFilters().Where(t => t.Id == issued.TicketId).Select(t => t.ConnectionId!).SingleAsync());
        SignIn(PortalRole.Admin);
        var page = RenderPage(id);

        page.WaitForElement("[data-testid=reservation-unusable]");
        var clicked = page.Find("[data-testid=release-connection]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("Release the reserved name held-name?", page.Markup, StringComparison.Ordinal));
        await page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Release").ClickAsync(new());
        await clicked.WaitAsync(TimeSpan.FromSeconds(5));

        page.WaitForAssertion(() => Assert.EndsWith("/connections", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        Assert.False(await StoredExistsAsync(id));
    }

    private IRenderedComponent<PortalHost> RenderPage(string id) =>
        RenderWithProviders<ConnectionDetail>(parameters => parameters.Add(p => p.Id, id));

    private Task<bool> StoredEnabledAsync(string id) =>
        _app.DbAsync(db => db.Connections.IgnoreQueryFilters().Where(c => c.Id == id).Select(c => c.Enabled).SingleAsync());

    private Task<bool> StoredExistsAsync(string id) => _app.DbAsync(db => db.Connections.IgnoreQueryFilters().AnyAsync(c => c.Id == id));
}
