using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SspPortal.Application.Common;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tenants;
using SspPortal.Application.Tickets;
using SspPortal.Web.Components.Pages.Tickets;
using SspPortal.Web.Components.Portal;
using SspPortal.Web.Tests.Testing;

namespace SspPortal.Web.Tests.Components.Tickets;

/// <summary>The tickets grid against the app's real services on a real SQLite file: what it asks for, and what it shows.</summary>
public sealed class TicketsPanelTests : PortalTestContext
{
    private const string TenantId = "acme";
    private const int TicketCount = 30;

    private readonly SspWebApplicationFactory _app = new();

    private readonly Actor _admin = Actor.ForRole(TenantId, "admin-1", "Ada Admin", PortalRole.Admin);
    private RecordingTicketService _tickets = default!;
    private SelfServiceProfileDto _profile = default!;
    private Guid _revoked;
    private IRenderedComponent<MudDialogProvider>? _dialogs;

    public override async Task InitializeAsync()
    {
        // The app issues tickets on the real clock; the components see the same moment on the fake one.
        Clock.SetUtcNow(TimeProvider.System.GetUtcNow());
        var services = _app.Services;
        await services.GetRequiredService<ITenantDirectory>().EnsureAsync(new AddTenantRequest(TenantId, "acme.example.com", "Acme", []));
        _profile = (await services.GetRequiredService<ISelfServiceProfileService>().CreateAsync(_admin, new CreateProfileRequest { Name = "Partner SSO" })).Value;
        var real = services.GetRequiredService<ISsoTicketService>();
        for (var i = 0; i < TicketCount; i++)
        {
            var issued = await real.IssueAsync(_admin, _profile.Id, new IssueTicketRequest(), null);
            Assert.True(issued.IsOk, issued.Message);
            if (i == 3)
            {
                _revoked = issued.Value.TicketId;
                Assert.True((await real.RevokeByIdAsync(_admin, _revoked)).IsOk);
            }
        }

        _tickets = new RecordingTicketService(real);
        Services.AddSingleton<ISsoTicketService>(_tickets);
        Services.AddSingleton(services.GetRequiredService<ISelfServiceProfileService>());
        JSInterop.SetupModule("./" + BrowserTimeZone.ModuleAsset).Setup<string?>("timeZone").SetResult("Europe/Berlin");
    }

    protected override async Task DisposeTestAsync() => await _app.DisposeAsync();

    private IRenderedComponent<TicketsPanel> RenderPanel(string? profileId = null, PortalRole role = PortalRole.Admin)
    {
        var actor = SignIn("Ada Admin", TenantId, "Acme", role);
        _dialogs = RenderProviders();
        return Render<TicketsPanel>(parameters => parameters.Add(p => p.Actor, actor).Add(p => p.ProfileId, profileId));
    }

    [Fact]
    public void Grid_AsksForFirstPageNewestFirst_AndShowsTheTotal()
    {
        var cut = RenderPanel();

        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("tr.ticket-row").Count));
        var query = _tickets.Queries[^1];
        Assert.Equal(new PageRequest(0, 25, IncludeTotals: true), query.Page);
        Assert.Equal((TicketSort.CreatedAt, true), (query.Sort, query.Descending));
        Assert.Null(query.ProfileId);
        Assert.Empty(query.Statuses);
        Assert.Equal($"{TicketCount} tickets", cut.Find("[data-testid=ticket-total]").TextContent.Trim());
    }

    [Fact]
    public void Grid_AsksForTheNextPage_WhenPagerMovesOn()
    {
        var cut = RenderPanel();
        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("tr.ticket-row").Count));

        cut.Find("button[aria-label='Next page']").Click();

        cut.WaitForAssertion(() => Assert.Equal(TicketCount - 25, cut.FindAll("tr.ticket-row").Count));
        Assert.Equal(new PageRequest(1, 25, IncludeTotals: true), _tickets.Queries[^1].Page);
    }

    [Fact]
    public void Grid_AsksForExpirySort_WhenExpiresHeaderClicked()
    {
        var cut = RenderPanel();
        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("tr.ticket-row").Count));

        var header = cut.FindAll("th").Single(th => th.TextContent.Contains("Expires", StringComparison.Ordinal));
        header.QuerySelector(".sortable-column-header")!.Click();

        cut.WaitForAssertion(() => Assert.Equal(TicketSort.ExpiresAt, _tickets.Queries[^1].Sort));
        Assert.False(_tickets.Queries[^1].Descending);
    }

    [Fact]
    public void Grid_AsksForStatusFromFirstPage_WhenStatusFilterChosen()
    {
        var cut = RenderPanel();
        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("tr.ticket-row").Count));
        cut.Find("button[aria-label='Next page']").Click();
        cut.WaitForAssertion(() => Assert.Equal(1, _tickets.Queries[^1].Page.Page));

        var select = cut.FindComponent<MudSelect<TicketStatus>>();
        cut.InvokeAsync(() => select.Instance.SelectedValuesChanged.InvokeAsync([TicketStatus.Revoked]));

        cut.WaitForAssertion(() => Assert.Equal([TicketStatus.Revoked], _tickets.Queries[^1].Statuses));
        Assert.Equal(0, _tickets.Queries[^1].Page.Page);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tr.ticket-row")));
        Assert.Contains(_revoked.ToString(), cut.Find("tr.ticket-row").TextContent, StringComparison.Ordinal);
        Assert.Equal("1 ticket matches the filters", cut.Find("[data-testid=ticket-total]").TextContent.Trim());
    }

    [Fact]
    public void Grid_AsksForTheBrowsersDays_WhenDateRangeChosen()
    {
        var cut = RenderPanel();
        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("tr.ticket-row").Count));
        var today = DateTime.SpecifyKind(DateTime.UtcNow.Date, DateTimeKind.Unspecified);

        var picker = cut.FindComponent<MudDateRangePicker>();
        cut.InvokeAsync(() => picker.Instance.DateRangeChanged.InvokeAsync(new DateRange(today.AddDays(-1), today.AddDays(1))));

        cut.WaitForAssertion(() => Assert.NotNull(_tickets.Queries[^1].CreatedFrom));
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var query = _tickets.Queries[^1];
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(today.AddDays(-1), berlin), query.CreatedFrom);
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(today.AddDays(2), berlin), query.CreatedTo);
        cut.WaitForAssertion(() => Assert.Equal($"{TicketCount} tickets match the filters", cut.Find("[data-testid=ticket-total]").TextContent.Trim()));
    }

    [Fact]
    public void Grid_AsksForSearchText_WhenTyped()
    {
        var cut = RenderPanel(_profile.Id);
        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("tr.ticket-row").Count));

        cut.Find("input[data-testid=ticket-search]").Input(_revoked.ToString());
        Clock.Advance(TimeSpan.FromSeconds(1)); // the search box waits for typing to pause

        cut.WaitForAssertion(() => Assert.Equal(_revoked.ToString(), _tickets.Queries[^1].Search), TimeSpan.FromSeconds(5));
        Assert.Equal(_profile.Id, _tickets.Queries[^1].ProfileId);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tr.ticket-row")));
    }

    [Fact]
    public void Grid_ShowsLocalTimesWithUtcOnHover()
    {
        var cut = RenderPanel();

        cut.WaitForAssertion(() => Assert.Contains("(Europe/Berlin)", cut.Find("tr.ticket-row time").GetAttribute("title"), StringComparison.Ordinal));
        var time = cut.Find("tr.ticket-row time");
        var utc = DateTime.Parse(time.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var berlin = TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        Assert.Equal(berlin.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), time.TextContent.Trim());
        Assert.EndsWith(utc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture), time.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Contains(cut.FindAll("tr.ticket-row time"), t => t.TextContent.Trim() == "in 5 days" || t.TextContent.Trim() == "in 4 days");
    }

    [Fact]
    public void Revoke_AsksFirstThenRevokes_WhenAdminConfirms()
    {
        var cut = RenderPanel();
        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("tr.ticket-row").Count));
        var revokable = cut.FindAll("[data-testid=revoke-ticket]").Count;

        cut.FindAll("[data-testid=revoke-ticket]")[0].Click();

        var provider = _dialogs!;
        provider.WaitForAssertion(() => Assert.Contains("stops working at once", provider.Markup, StringComparison.Ordinal));
        provider.FindAll("button").Single(b => b.TextContent.Trim() == "Revoke ticket").Click();

        cut.WaitForAssertion(() => Assert.Equal(revokable - 1, cut.FindAll("[data-testid=revoke-ticket]").Count));
    }

    [Fact]
    public void Viewer_SeesTicketsWithoutRevoke()
    {
        var cut = RenderPanel(_profile.Id, PortalRole.Viewer);

        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("tr.ticket-row").Count));
        Assert.Empty(cut.FindAll("[data-testid=revoke-ticket]"));
        Assert.Equal("0/10", cut.Find("[data-testid=ticket-opens]").TextContent.Trim());
        Assert.DoesNotContain("ticket=", cut.Markup, StringComparison.Ordinal);
    }
}
