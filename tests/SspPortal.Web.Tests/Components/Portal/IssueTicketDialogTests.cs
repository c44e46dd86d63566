using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SspPortal.Application.Common;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tenants;
using SspPortal.Application.Tickets;
using SspPortal.Web.Components.Pages.Tickets;

namespace SspPortal.Web.Tests.Components.Portal;

/// <summary>The issue-ticket dialog opened through IDialogService, with the app's real services.</summary>
public sealed class IssueTicketDialogTests : PortalServicesTestContext
{
    private SelfServiceProfileDto _profile = default!;

    protected override async Task SeedAsync()
    {
        _profile = await CreateProfileAsync(new CreateProfileRequest { Name = "Partner SSO" });
    }

    private async Task<(IRenderedComponent<PortalHost> Dialog, IDialogReference Reference)> OpenAsync(string? profileId = "self")
    {
        SignIn(role: PortalRole.Editor);
        var providers = RenderWithProviders<MudText>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<IssueTicketDialog> { { d => d.ProfileId, profileId == "self" ? _profile.Id : profileId } };
        var reference = await providers.InvokeAsync(() => dialogs.ShowAsync<IssueTicketDialog>("Issue SSO ticket", parameters, IssueTicketDialog.Options));
        providers.WaitForAssertion(() => providers.Find("[data-testid=issue-ticket-submit]"));
        return (providers, reference);
    }

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<PortalHost> dialog, string selector) => dialog.Find(selector);

    private static Task SubmitAsync(IRenderedComponent<PortalHost> dialog) => dialog.Find("form#issue-ticket-form").SubmitAsync();

    [Fact]
    public async Task Provisioning_ShowsItsScopesOnlyWhenTurnedOn()
    {
        var (dialog, _) = await OpenAsync();
        Assert.DoesNotContain("get:users", dialog.Markup, StringComparison.Ordinal);

        dialog.Find("[data-testid=provisioning-enabled] input, input[data-testid=provisioning-enabled]").Change(true);

        dialog.WaitForAssertion(() => Assert.Contains("get:users", dialog.Markup, StringComparison.Ordinal));
        await SubmitAsync(dialog);
        dialog.WaitForAssertion(() => Assert.Contains("Choose at least one scope, or Google Workspace sync.", dialog.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OrganizationDiscovery_IsOfferedOnlyOnceAnOrganizationIsAdded()
    {
        var (dialog, _) = await OpenAsync();
        Assert.True(dialog.Find("[data-testid=org-discovery] input, input[data-testid=org-discovery]").HasAttribute("disabled"));

        dialog.Find("[data-testid=add-organization]").Click();

        dialog.WaitForAssertion(() => Assert.False(dialog.Find("[data-testid=org-discovery] input, input[data-testid=org-discovery]").HasAttribute("disabled")));
        Assert.NotNull(dialog.Find("input[aria-label='Organization 1 id'], label:contains('Organization 1 id')"));
    }

    [Fact]
    public async Task PendingDomains_AreDisabledUntilVerificationIsChosen()
    {
        var (dialog, _) = await OpenAsync();

        var pending = dialog.Find("[data-testid=pending-domains] textarea, textarea[data-testid=pending-domains]");

        Assert.True(pending.HasAttribute("disabled"));
        Assert.Contains("Choose optional or required first.", dialog.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lifetime_IsRefusedInDaysBesideTheField_WhenLongerThanFiveDays()
    {
        var (dialog, _) = await OpenAsync();
        Input(dialog, "#ticket-connection-name").Input("acme-partner");

        Input(dialog, "#ticket-lifetime").Input("6");
        await SubmitAsync(dialog);

        dialog.WaitForAssertion(() => Assert.Contains("A link can be valid for at most 5 days.", dialog.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("432000", dialog.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Value must be", dialog.Markup, StringComparison.Ordinal);
        Assert.Empty(dialog.FindAll("[data-testid=ticket-url]"));
    }

    [Fact]
    public async Task Lifetime_StartsAtTheTenantsDefault_WhenAdminSetOne()
    {
        var saved = await AppServices.GetRequiredService<ITenantSettingsService>()
            .UpdateAsync(Admin, new UpdateTenantSettingsRequest { DefaultTicketLifetimeDays = 2 });
        Assert.True(saved.IsOk, saved.Message);

        var (dialog, _) = await OpenAsync();

        Assert.Equal("2", Input(dialog, "#ticket-lifetime").GetAttribute("value"));
    }

    [Fact]
    public async Task DomainAliases_GetOnePlainMessagePerBadDomain()
    {
        var (dialog, _) = await OpenAsync();
        Input(dialog, "#ticket-connection-name").Input("acme-partner");

        Input(dialog, "#ticket-domain-aliases").Input("good.example.com\nbad_domain\nalso bad");
        await SubmitAsync(dialog);

        dialog.WaitForAssertion(() => Assert.Contains("“bad_domain” is not a domain name", dialog.Markup, StringComparison.Ordinal));
        Assert.Contains("“also” is not a domain name", dialog.Markup, StringComparison.Ordinal);
        Assert.Contains("“bad” is not a domain name", dialog.Markup, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(dialog.Markup, "“bad_domain” is not a domain name"));
        Assert.DoesNotContain("good.example.com” is not", dialog.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("String is not a valid domain name", dialog.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExistingConnection_AsksToChooseOne_WhenTheTenantHasNone()
    {
        var (dialog, _) = await OpenAsync();

        dialog.Find("input[data-testid=mode-existing]").Click();

        dialog.WaitForAssertion(() => dialog.Find("[data-testid=no-connections]"));
        Assert.Empty(dialog.FindAll("#ticket-connection-name"));
        await SubmitAsync(dialog);
        dialog.WaitForAssertion(() => Assert.Contains("Choose a connection.", dialog.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Issue_ShowsTheLinkOnceAndClosesWithTheTicket_WhenDone()
    {
        var (dialog, reference) = await OpenAsync();
        Input(dialog, "#ticket-connection-name").Input("acme-partner");

        await SubmitAsync(dialog);

        dialog.WaitForAssertion(() => dialog.Find("[data-testid=ticket-once-notice]"));
        var url = dialog.Find("#issued-ticket-url").GetAttribute("value");
        Assert.Contains("ticket=", url, StringComparison.Ordinal);
        dialog.Find("[data-testid=copy-ticket-url]").Click();
        dialog.WaitForAssertion(() => Assert.False(string.IsNullOrWhiteSpace(dialog.Find("[data-testid=copy-status]").TextContent)));
        dialog.Find("[data-testid=ticket-done]").Click();
        var result = await reference.Result;
        var issued = Assert.IsType<IssuedTicket>(result!.Data);
        Assert.Equal(url, issued.Url);
        Assert.False(result.Canceled);
    }

    [Fact]
    public async Task NoProfile_LetsTheAdminPickOne_BeforeIssuing()
    {
        var (dialog, _) = await OpenAsync(profileId: null);

        Assert.Contains("Issue SSO ticket", dialog.Markup, StringComparison.Ordinal);
        Assert.NotNull(dialog.FindComponent<MudAutocomplete<SelfServiceProfileDto>>());
        Input(dialog, "#ticket-connection-name").Input("acme-partner");
        await SubmitAsync(dialog);

        dialog.WaitForAssertion(() => Assert.Contains("Choose the profile the ticket is for.", dialog.Markup, StringComparison.Ordinal));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
