using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SspPortal.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace SspPortal.E2E.Portal;

/// <summary>The profile list (<c>/profiles</c>).</summary>
public sealed class ProfilesPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Name = "Self-service profiles", Level = 1 });

    public ILocator CreateButton => Page.GetByRole(AriaRole.Button, new() { Name = "Create profile" });

    public ILocator Table => Page.GetByTestId("profiles-table");

    public ILocator Row(string name) => Table.Locator("tbody tr").Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });

    public ILocator CreateDialog => Page.GetByRole(AriaRole.Dialog, new() { Name = "Create profile" });

    public ILocator ConfirmDialog => Page.GetByTestId("confirm-dialog");

    public static async Task<ProfilesPage> OpenAsync(IPage page)
    {
        await new ShellPage(page).GotoAsync("profiles");
        var profiles = new ProfilesPage(page);
        await profiles.Heading.WaitForAsync();
        return profiles;
    }

    /// <summary>Creates a profile through the dialog and returns the editor it opens.</summary>
    public async Task<ProfileEditorPage> CreateAsync(string name, string? description = null)
    {
        await CreateButton.ClickAsync();
        await CreateDialog.GetByLabel("Name").FillAsync(name);
        if (description is not null)
        {
            await CreateDialog.GetByLabel("Description (optional)").FillAsync(description);
        }

        await CreateDialog.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Page.WaitForURLAsync(new Regex("/profiles/ssp_[1-9A-HJ-NP-Za-km-z]{22}$"));
        var editor = new ProfileEditorPage(Page);
        await Expect(editor.Heading).ToHaveTextAsync(name);
        return editor;
    }
}

/// <summary>The profile editor (<c>/profiles/{id}</c>).</summary>
public sealed class ProfileEditorPage(IPage page)
{
    public IPage Page { get; } = page;

    /// <summary>The page's own heading (the preview carries the flow's heading too).</summary>
    public ILocator Heading => Page.Locator(".pp-page__header h1");

    public string ProfileId => new Uri(Page.Url).Segments.Last().TrimEnd('/');

    public ILocator Name => Page.GetByLabel("Name", new() { Exact = true });

    public ILocator Description => Page.GetByLabel("Description", new() { Exact = true });

    /// <summary>The card of a strategy, by its wire name (e.g. <c>okta</c>, <c>google-apps</c>).</summary>
    public ILocator Strategy(string wireName) => Page.GetByTestId("strategies").Locator($"[data-strategy='{wireName}']").GetByRole(AriaRole.Checkbox);

    public ILocator AttributeRows => Page.GetByTestId("attribute-row");

    public ILocator AddAttributeButton => Page.GetByRole(AriaRole.Button, new() { Name = "Add attribute" });

    public ILocator AttributeName(int number) => Page.GetByLabel($"Name of attribute {number}", new() { Exact = true });

    public ILocator AttributeDescription(int number) => Page.GetByLabel($"Description of attribute {number}", new() { Exact = true });

    public ILocator AttributeRequired(int number) => Page.GetByLabel($"Attribute {number} is required", new() { Exact = true });

    public ILocator LogoUrl => Page.GetByLabel("Logo URL");

    public ILocator PrimaryColour => Page.GetByLabel("Primary colour", new() { Exact = true });

    public ILocator ColourPicker => Page.GetByLabel("Primary colour: colour picker");

    public ILocator SaveButton => Page.GetByRole(AriaRole.Button, new() { Name = "Save profile" });

    public ILocator Toasts => Page.Locator(".pp-toasts");

    public ILocator Preview => Page.GetByTestId("branding-preview");

    public ILocator PreviewPanel => Preview.Locator(".ssp-get-started");

    public ILocator IssueTicketButton => Page.GetByRole(AriaRole.Button, new() { Name = "Issue ticket" });

    public ILocator ReadOnlyNotice => Page.GetByTestId("read-only-notice");

    public ILocator CustomTextLanguage => Page.GetByLabel("Language", new() { Exact = true });

    public ILocator Introduction => Page.GetByLabel("Introduction", new() { Exact = true });

    public ILocator SaveTextButton => Page.GetByRole(AriaRole.Button, new() { Name = "Save text" });

    public ILocator ResetTextButton => Page.GetByRole(AriaRole.Button, new() { Name = "Reset to default" });

    public ILocator CustomizedLanguages => Page.GetByTestId("customized-languages");

    public static async Task<ProfileEditorPage> OpenAsync(IPage page, string profileId)
    {
        await new ShellPage(page).GotoAsync($"profiles/{profileId}");
        var editor = new ProfileEditorPage(page);
        await editor.Page.GetByTestId("profile-editor").WaitForAsync();
        return editor;
    }

    public async Task SaveAsync()
    {
        await SaveButton.ClickAsync();
        await Expect(Toasts).ToContainTextAsync("Profile saved.");
    }
}

/// <summary>The "Issue ticket" dialog.</summary>
public sealed class IssueTicketDialog(IPage page)
{
    public ILocator Root => page.GetByTestId("issue-ticket-dialog");

    public ILocator ConnectionName => Root.GetByLabel("Connection name");

    public ILocator DisplayName => Root.GetByLabel("Display name");

    public ILocator DomainAliases => Root.GetByLabel("Domain aliases");

    public ILocator ExistingConnectionMode => Root.GetByRole(AriaRole.Radio, new() { Name = "Existing connection" });

    public ILocator ExistingConnection => Root.GetByTestId("existing-connection");

    public ILocator Lifetime => Root.GetByLabel("Link valid for");

    public ILocator Unit => Root.GetByLabel("Unit");

    public ILocator IssueButton => Root.GetByRole(AriaRole.Button, new() { Name = "Issue ticket" });

    public ILocator Url => Root.GetByTestId("ticket-url");

    public ILocator CopyButton => Root.GetByRole(AriaRole.Button, new() { Name = "Copy" });

    public ILocator CopyStatus => Root.GetByTestId("copy-status");

    public ILocator OnceNotice => Root.GetByTestId("ticket-once-notice");

    public ILocator DoneButton => Root.GetByRole(AriaRole.Button, new() { Name = "Done" });
}

/// <summary>A tickets list (<c>/tickets</c> or <c>/profiles/{id}/tickets</c>): filters above a server-paged grid.</summary>
public sealed class TicketsPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Table => Page.GetByTestId("tickets-table");

    public ILocator Rows => Table.Locator("tr.ticket-row");

    public ILocator Total => Page.GetByTestId("ticket-total");

    public ILocator Search => Page.GetByLabel("Search");

    public ILocator StatusFilter => Page.GetByTestId("ticket-filters").Locator(".mud-select").Filter(new() { HasText = "Status" }).First;

    public ILocator NextPage => Page.GetByRole(AriaRole.Button, new() { Name = "Next page" });

    /// <summary>The confirmation asked before a revoke (a MudBlazor message box).</summary>
    public ILocator ConfirmDialog => Page.GetByRole(AriaRole.Dialog);

    public ILocator Snackbar => Page.Locator(".mud-snackbar");

    public static async Task<TicketsPage> OpenAsync(IPage page, string? profileId = null)
    {
        await new ShellPage(page).GotoAsync(profileId is null ? "tickets" : $"profiles/{profileId}/tickets");
        var tickets = new TicketsPage(page);
        await page.Locator("[data-testid=tickets-page] h1, [data-testid=profile-tickets-page] h1, [data-testid=profile-not-found]").First.WaitForAsync();
        return tickets;
    }

    /// <summary>Chooses these statuses in the status filter (a multiple-choice list) and closes it.</summary>
    public async Task FilterByStatusAsync(params string[] statuses)
    {
        await StatusFilter.ClickAsync();
        foreach (var status in statuses)
        {
            await Page.Locator(".mud-popover-open").GetByText(status, new() { Exact = true }).ClickAsync();
        }

        await ClosePopoverAsync(Page);
    }

    /// <summary>Closes an open MudBlazor list (Escape, else a click on its overlay beside the heading) and waits until it is gone.</summary>
    public static async Task ClosePopoverAsync(IPage page)
    {
        var open = page.Locator(".mud-popover-open");
        await page.Keyboard.PressAsync("Escape");
        if (await open.CountAsync() > 0)
        {
            var heading = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).BoundingBoxAsync();
            await page.Mouse.ClickAsync((heading?.X ?? 400) + 5, (heading?.Y ?? 100) + 5);
        }

        await Expect(open).ToHaveCountAsync(0);
    }
}
