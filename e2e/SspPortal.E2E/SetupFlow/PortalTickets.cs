using Microsoft.Playwright;
using SspPortal.E2E.Portal;
using static Microsoft.Playwright.Assertions;

namespace SspPortal.E2E.SetupFlow;

/// <summary>Tickets issued the way a tenant admin does it: a new profile, then "Issue ticket" in the portal.</summary>
public static class PortalTickets
{
    /// <summary>What a profile typically asks the IdP for: names with long SAML claim types, and descriptions in full sentences.</summary>
    public static readonly IReadOnlyList<(string Name, string Description, bool Required)> TypicalAttributes =
    [
        ("email", "The work email address people sign in with; it must be unique in your directory", true),
        ("given_name", "First name, as shown on invoices and in the team list", true),
        ("family_name", "Last name, as shown on invoices and in the team list", true),
        ("phone_number", "A mobile number for sign-in codes", false),
        ("groups", "The groups the person belongs to, which decide their role in the application", false),
    ];

    /// <summary>
    /// Creates a profile (with <paramref name="attributes"/>, if given) and issues a ticket for a new connection;
    /// returns the URL exactly as the dialog shows it.
    /// </summary>
    public static async Task<(string Url, string ProfileId)> IssueAsync(
        IPage portal,
        string profileName,
        string connectionName,
        IReadOnlyList<(string Name, string Description, bool Required)>? attributes = null
    )
    {
        var editor = await (await ProfilesPage.OpenAsync(portal)).CreateAsync(profileName);
        if (attributes is { Count: > 0 })
        {
            for (var i = 0; i < attributes.Count; i++)
            {
                await editor.AddAttributeButton.ClickAsync();
                await editor.AttributeName(i + 1).FillAsync(attributes[i].Name);
                await editor.AttributeDescription(i + 1).FillAsync(attributes[i].Description);
                await editor.AttributeRequired(i + 1).SetCheckedAsync(attributes[i].Required);
            }

            await editor.SaveAsync();
        }

        await editor.IssueTicketButton.ClickAsync();
        var dialog = new IssueTicketDialog(portal);
        await dialog.ConnectionName.FillAsync(connectionName);
        await dialog.DomainAliases.FillAsync($"{connectionName}.example.com");
        await dialog.IssueButton.ClickAsync();
        await Expect(dialog.OnceNotice).ToBeVisibleAsync();
        var url = await dialog.Url.InputValueAsync();
        await dialog.DoneButton.ClickAsync();
        return (url, editor.ProfileId);
    }
}
