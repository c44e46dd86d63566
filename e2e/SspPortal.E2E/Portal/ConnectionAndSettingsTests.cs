using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using SspPortal.E2E.Infrastructure;
using SspPortal.E2E.PageObjects;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SspPortal.E2E.Portal;

/// <summary>
/// The connection page and its Admin actions, and the Settings page, in Chromium against the built app. Every
/// <c>AssertAccessibleAsync</c> scans the page in light and dark mode (the shared axe helper).
/// </summary>
[Collection(PortalPagesCollection.Name)]
public sealed class ConnectionAndSettingsTests(PortalPagesFixture fixture, ITestOutputHelper output) : PortalTest(fixture, output)
{
    [Fact]
    public async Task ConnectionPage_DisablesEnablesAndDeletes_WhenAdminConfirms()
    {
        var suffix = Suffix();
        var id = await InsertConnectionAsync($"acme-okta-{suffix}", "okta", enabled: true);
        var shell = await SignInAsync("Admin");

        await shell.GotoAsync($"connections/{id}");
        await Expect(shell.Heading).ToHaveTextAsync($"Acme Okta {suffix}");
        await Expect(Page.GetByTestId("connection-state")).ToHaveTextAsync("Enabled");
        await Expect(Page.GetByTestId("connection-options")).ToContainTextAsync("client_secret");
        Assert.DoesNotContain("stored-protected-value", await Page.ContentAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync();
        await ScreenshotAsync("connection-light");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
        await Expect(Page.GetByTestId("connection-state")).ToHaveTextAsync("Disabled");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enable" }).ClickAsync();
        await Expect(Page.GetByTestId("connection-state")).ToHaveTextAsync("Enabled");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        var confirm = Page.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync("This cannot be undone.");
        await AssertAccessibleAsync();
        await ScreenshotAsync("delete-confirmation");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Expect(confirm).ToHaveCountAsync(0);
        Assert.True(await ConnectionExistsAsync(id));

        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Uri(Fixture.BaseUrl, "connections").ToString());
        Assert.False(await ConnectionExistsAsync(id));
    }

    [Fact]
    public async Task ConnectionPage_ReleasesAReservedName_WhenNoTicketCanFinishIt()
    {
        var suffix = Suffix();
        var id = await InsertConnectionAsync($"held-{suffix}", strategy: null, enabled: false);
        var shell = await SignInAsync("Admin");

        await shell.GotoAsync($"connections/{id}");
        await Expect(Page.GetByTestId("reservation-unusable")).ToBeVisibleAsync();
        await AssertAccessibleAsync();
        await ScreenshotAsync("reserved");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Release name" }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Release" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Uri(Fixture.BaseUrl, "connections").ToString());
        Assert.False(await ConnectionExistsAsync(id));
    }

    [Fact]
    public async Task ConnectionPage_ShowsNotFound_WhenIdIsUnknown()
    {
        var shell = await SignInAsync("Viewer");

        await shell.GotoAsync("connections/con_0000000000000000");

        await Expect(Page.GetByTestId("not-found")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ConnectionPage_FitsAPhone_WhenViewportIs390Wide()
    {
        var id = await InsertConnectionAsync($"acme-phone-{Suffix()}", "okta", enabled: true);
        await Page.SetViewportSizeAsync(390, 844);
        var shell = await SignInAsync("Viewer");

        await shell.GotoAsync($"connections/{id}");
        await Expect(Page.GetByTestId("connection-read-only")).ToBeVisibleAsync();

        Assert.Equal(0, await HorizontalOverflowAsync());
        await ScreenshotAsync("connection-390");
    }

    [Fact]
    public async Task SettingsPage_SavesAdminsChanges_AndShowsPlainMessages()
    {
        var shell = await SignInAsync("Admin");

        await shell.GotoAsync("settings");
        await Expect(shell.Heading).ToHaveTextAsync("Settings");
        await AssertAccessibleAsync();
        await ScreenshotAsync("settings-light");

        var callback = Page.GetByLabel("Sign-in callback URL");
        await callback.FillAsync("http://login.acme.test/cb");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(Page.GetByTestId("tenant-settings")).ToContainTextAsync("must use https");
        await ScreenshotAsync("settings-error");

        await callback.FillAsync("https://login.acme.test/cb");
        await Page.GetByLabel("Default ticket lifetime (days)").FillAsync("3");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(Page.GetByText("Settings saved.")).ToBeVisibleAsync();
        await Page.ReloadAsync();
        await shell.WaitForInteractiveAsync();
        await Expect(Page.GetByLabel("Sign-in callback URL")).ToHaveValueAsync("https://login.acme.test/cb");
        await Expect(Page.GetByLabel("Default ticket lifetime (days)")).ToHaveValueAsync("3");

        // Back to the defaults, so that other tests of the collection see the tenant as it was.
        await Page.GetByLabel("Sign-in callback URL").FillAsync("");
        await Page.GetByLabel("Default ticket lifetime (days)").FillAsync("");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(Page.GetByText("Settings saved.").Last).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SettingsPage_IsReadOnly_WhenUserIsViewer()
    {
        await Page.SetViewportSizeAsync(390, 844);
        var shell = await SignInAsync("Viewer");

        await shell.GotoAsync("settings");

        await Expect(Page.GetByTestId("settings-read-only")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Save settings" })).ToHaveCountAsync(0);
        await Expect(Page.GetByLabel("Sign-in callback URL")).Not.ToBeEditableAsync();
        Assert.Equal(0, await HorizontalOverflowAsync());
        await AssertAccessibleAsync();
        await ScreenshotAsync("settings-viewer-390");
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..6];

    private Task<int> HorizontalOverflowAsync() =>
        Page.EvaluateAsync<int>("() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)");

    /// <summary>
    /// Stores a connection of the tenant <c>acme</c> the way the setup flow leaves one (or, without a strategy, a
    /// reservation no ticket can finish), straight into the app's database: the flow itself has its own tests.
    /// </summary>
    private async Task<string> InsertConnectionAsync(string name, string? strategy, bool enabled)
    {
        var id = "con_" + string.Concat(Guid.NewGuid().ToString("N").Take(16).Select(c => c is '0' ? 'z' : c));
        await using var connection = Open();
        var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO Connections (Id, TenantId, Name, NormalizedName, DisplayName, Strategy, OptionsJson, DomainAliases, EnabledClients,
                EnabledOrganizationsJson, IsDomainConnection, ShowAsButton, Metadata, Enabled, CreatedAt, UpdatedAt)
            VALUES ($id, 'acme', $name, $name, $display, $strategy, $options, '["acme.example.com","a-rather-long-domain-name-for-phones.acme.example.com"]', '["client-a"]',
                '[{"organization_id":"org_123","assign_membership_on_login":false,"show_as_button":true}]', 0, 0, '{}', $enabled,
                '2026-12-01 10:00:00', '2026-12-01 10:00:00')
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$display", strategy is null ? DBNull.Value : $"Acme Okta {name.Split('-')[^1]}");
        command.Parameters.AddWithValue("$strategy", (object?)strategy ?? DBNull.Value);
        command.Parameters.AddWithValue(
            "$options",
            strategy is null ? "{}" : """{"client_id":"0oa-client","client_secret":"stored-protected-value","domain":"acme.okta.com","discovery_url":"https://acme.okta.com/.well-known/openid-configuration"}"""
        );
        command.Parameters.AddWithValue("$enabled", enabled ? 1 : 0);
        await command.ExecuteNonQueryAsync();
        return id;
    }

    private async Task<bool> ConnectionExistsAsync(string id)
    {
        await using var connection = Open();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Connections WHERE Id = $id";
        command.Parameters.AddWithValue("$id", id);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Fixture.App.DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }
}
