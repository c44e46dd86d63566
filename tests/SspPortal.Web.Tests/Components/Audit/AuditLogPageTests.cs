using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SspPortal.Application.Audit;
using SspPortal.Application.Common;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tenants;
using SspPortal.Web.Components.Pages.Audit;
using SspPortal.Web.Components.Portal;
using SspPortal.Web.Tests.Testing;

namespace SspPortal.Web.Tests.Components.Audit;

/// <summary>The audit log page against the app's real services on a real SQLite file: what it asks for, and what it shows.</summary>
public sealed class AuditLogPageTests : PortalTestContext
{
    private const string TenantId = "acme";

    private readonly SspWebApplicationFactory _app = new();

    private readonly Actor _admin = Actor.ForRole(TenantId, "admin-1", "Ada Admin", PortalRole.Admin);
    private readonly Actor _editor = Actor.ForRole(TenantId, "editor-1", "Eddie Editor", PortalRole.Editor);
    private readonly List<AuditQuery> _queries = [];

    public override async Task InitializeAsync()
    {
        var services = _app.Services;
        await services.GetRequiredService<ITenantDirectory>().EnsureAsync(new AddTenantRequest(TenantId, "acme.example.com", "Acme", []));
        var profiles = services.GetRequiredService<ISelfServiceProfileService>();
        var profile = (await profiles.CreateAsync(_admin, new CreateProfileRequest { Name = "Partner SSO" })).Value;
        for (var i = 0; i < 12; i++)
        {
            var updated = await profiles.UpdateAsync(i % 2 == 0 ? _admin : _editor, profile.Id, new UpdateProfileRequest { Description = $"Version {i}" });
            Assert.True(updated.IsOk, updated.Message);
        }

        Services.AddSingleton<IAuditLogService>(new RecordingAuditLog(services.GetRequiredService<IAuditLogService>(), _queries));
        Services.AddSingleton(profiles);
    }

    protected override async Task DisposeTestAsync() => await _app.DisposeAsync();

    private IRenderedComponent<AuditLogPage> RenderPage()
    {
        SignIn("Vic Viewer", TenantId, "Acme", PortalRole.Viewer);
        RenderProviders();
        return Render<AuditLogPage>();
    }

    [Fact]
    public void Page_AsksForNewestFirstAndOffersTheLogsActionsAndActors()
    {
        var cut = RenderPage();

        cut.WaitForAssertion(() => Assert.Equal(13, cut.FindAll("tr.audit-row").Count));
        Assert.Equal(new PageRequest(0, 25, IncludeTotals: true), _queries[^1].Page);
        Assert.True(_queries[^1].Descending);
        Assert.Equal("13 entries", cut.Find("[data-testid=audit-total]").TextContent.Trim());
        var selects = cut.FindComponents<MudSelect<string>>();
        Assert.Equal(["profile.created", "profile.updated"], selects[0].FindComponents<MudSelectItem<string>>().Select(i => i.Instance.Value));
        Assert.Equal(
            ["Ada Admin (admin-1)", "Eddie Editor (editor-1)"],
            selects[1].FindComponents<MudSelectItem<string>>().Select(i => i.Instance.Value)
        );
    }

    [Fact]
    public void Page_AsksForActionAndActor_WhenFiltersChosen()
    {
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Equal(13, cut.FindAll("tr.audit-row").Count));
        var selects = cut.FindComponents<MudSelect<string>>();

        cut.InvokeAsync(() => selects[0].Instance.ValueChanged.InvokeAsync("profile.updated"));
        cut.WaitForAssertion(() => Assert.Equal(12, cut.FindAll("tr.audit-row").Count));
        cut.InvokeAsync(() => selects[1].Instance.ValueChanged.InvokeAsync("Eddie Editor (editor-1)"));

        cut.WaitForAssertion(() => Assert.Equal(6, cut.FindAll("tr.audit-row").Count));
        Assert.Equal(("profile.updated", "Eddie Editor (editor-1)"), (_queries[^1].Action, _queries[^1].ActorName));
        Assert.Equal("6 entries match the filters", cut.Find("[data-testid=audit-total]").TextContent.Trim());
    }

    [Fact]
    public void Page_AsksForOldestFirst_WhenWhenHeaderClicked()
    {
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Equal(13, cut.FindAll("tr.audit-row").Count));

        cut.FindAll("th").Single(th => th.TextContent.Contains("When", StringComparison.Ordinal)).QuerySelector(".sortable-column-header")!.Click();

        cut.WaitForAssertion(() => Assert.False(_queries[^1].Descending));
        cut.WaitForAssertion(() => Assert.Contains("profile.created", cut.FindAll("tr.audit-row")[0].TextContent, StringComparison.Ordinal));
    }

    /// <summary>The app's real audit log, with a note of every list query.</summary>
    private sealed class RecordingAuditLog(IAuditLogService inner, List<AuditQuery> queries) : IAuditLogService
    {
        public Task<Result<PagedList<AuditEntryDto>>> ListAsync(Actor actor, AuditQuery query, CancellationToken cancellationToken = default)
        {
            lock (queries)
            {
                queries.Add(query);
            }

            return inner.ListAsync(actor, query, cancellationToken);
        }

        public Task<Result<AuditFacets>> FacetsAsync(Actor actor, CancellationToken cancellationToken = default) => inner.FacetsAsync(actor, cancellationToken);
    }
}
