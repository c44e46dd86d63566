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

    /// <summary>The question MudBlazor's message box asks (named after its title).</summary>
    public ILocator MessageBox(string title) => Page.GetByRole(AriaRole.Dialog, new() { Name = title });

    public ILocator Search => Page.GetByLabel("Search by name");

    public ILocator Total => Page.GetByTestId("profile-total");

    public ILocator Snackbar => Page.Locator("#mud-snackbar-container");

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
        await CreateDialog.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
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

    public ILocator Name => Page.Locator("#profile-name");

    public ILocator Description => Page.Locator("#profile-description");

    /// <summary>The card of a strategy, by its wire name (e.g. <c>okta</c>, <c>google-apps</c>).</summary>
    public ILocator Strategy(string wireName) => Page.GetByTestId("strategies").Locator($"[data-strategy='{wireName}']").GetByRole(AriaRole.Checkbox);

    public ILocator AttributeRows => Page.GetByTestId("attribute-row");

    public ILocator AddAttributeButton => Page.GetByRole(AriaRole.Button, new() { Name = "Add attribute" });

    public ILocator AttributeName(int number) => Page.GetByLabel($"Name of attribute {number}", new() { Exact = true });

    public ILocator AttributeDescription(int number) => Page.GetByLabel($"Description of attribute {number}", new() { Exact = true });

    public ILocator AttributeRequired(int number) => Page.GetByLabel($"Attribute {number} is required", new() { Exact = true });

    public ILocator LogoUrl => Page.Locator("#branding-logo");

    public ILocator PrimaryColour => Page.Locator("#branding-primary");

    public ILocator ColourPicker => Page.GetByLabel("Primary colour: colour picker");

    public ILocator SaveButton => Page.GetByRole(AriaRole.Button, new() { Name = "Save profile" });

    /// <summary>MudBlazor's snackbar messages.</summary>
    public ILocator Toasts => Page.Locator("#mud-snackbar-container");

    public ILocator SaveStatus => Page.GetByTestId("save-status");

    public ILocator UnsavedMarker => Page.GetByTestId("unsaved-marker");

    public ILocator Preview => Page.GetByTestId("branding-preview");

    public ILocator PreviewPanel => Preview.Locator(".ssp-get-started");

    public ILocator IssueTicketButton => Page.GetByRole(AriaRole.Button, new() { Name = "Issue ticket" });

    public ILocator ReadOnlyNotice => Page.GetByTestId("read-only-notice");

    public ILocator CustomTextLanguage => Page.GetByTestId("custom-text-section").Locator(".mud-input-control.mud-select");

    public ILocator Introduction => Page.Locator("#custom-text-introduction");

    public ILocator ResetTextButton => Page.GetByRole(AriaRole.Button, new() { Name = "Reset to default" });

    public ILocator UndoResetButton => Page.GetByRole(AriaRole.Button, new() { Name = "Undo reset" });

    public ILocator MessageBox(string title) => Page.GetByRole(AriaRole.Dialog, new() { Name = title });

    /// <summary>Picks a language of the custom text (a MudSelect: open it, click the option).</summary>
    public async Task ChooseLanguageAsync(string tag)
    {
        await CustomTextLanguage.ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex($"^{Regex.Escape(tag)} —") }).ClickAsync();
    }

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
        await Expect(Toasts).ToContainTextAsync("saved.");
        await Expect(SaveStatus).ToContainTextAsync("All changes saved");
    }
}

/// <summary>The "Issue ticket" dialog (a MudDialog opened through IDialogService).</summary>
public sealed class IssueTicketDialog(IPage page)
{
    public ILocator Root => page.GetByRole(AriaRole.Dialog).Filter(new() { Has = page.GetByTestId("issue-ticket-content") });

    public ILocator ConnectionName => page.Locator("#ticket-connection-name");

    public ILocator DisplayName => page.Locator("#ticket-display-name");

    public ILocator DomainAliases => page.Locator("#ticket-domain-aliases");

    public ILocator ExistingConnectionMode => Root.GetByRole(AriaRole.Radio, new() { Name = "Existing connection" });

    public ILocator ExistingConnection => Root.Locator(".mud-input-control.mud-select").Filter(new() { HasText = "Connection" });

    public ILocator Lifetime => page.Locator("#ticket-lifetime");

    public ILocator Unit => Root.Locator(".mud-input-control.mud-select").Filter(new() { HasText = "Unit" });

    /// <summary>The messages under the dialog's fields (MudBlazor's helper line in error, and the lists of domain messages).</summary>
    public ILocator Messages => Root.Locator(".mud-input-error .mud-input-helper-text, .validation-message");

    /// <summary>Picks the lifetime's unit ("hours" or "days") in its MudSelect.</summary>
    public Task ChooseUnitAsync(string unit) => ChooseAsync(Unit, unit);

    /// <summary>Picks an existing connection by its label ("name (identity provider)").</summary>
    public Task ChooseExistingConnectionAsync(string label) => ChooseAsync(ExistingConnection, label);

    private async Task ChooseAsync(ILocator select, string label)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(label)}\\s*$") }).ClickAsync();
    }

    public ILocator IssueButton => Root.GetByRole(AriaRole.Button, new() { Name = "Issue ticket" });

    public ILocator Url => page.Locator("#issued-ticket-url");

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
