using Bunit;
using MudBlazor;
using SspPortal.Application.Common;
using SspPortal.Application.Profiles;
using SspPortal.Web.Components.Pages.Profiles;

namespace SspPortal.Web.Tests.Components.Portal;

/// <summary>The profile grid: what it asks the service for, and what it shows of the answer.</summary>
public sealed class ProfileListTests : PortalServicesTestContext
{
    private static readonly string[] Names =
    [
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett", "kilo", "lima",
    ];

    protected override async Task SeedAsync()
    {
        foreach (var name in Names.Reverse())
        {
            await CreateProfileAsync(new CreateProfileRequest { Name = name });
        }
    }

    [Fact]
    public void ToQuery_AsksForThePageSortAndSearch_WhenGridStateGiven()
    {
        var state = new GridState<SelfServiceProfileDto>
        {
            Page = 2,
            PageSize = 10,
            SortDefinitions = [new SortDefinition<SelfServiceProfileDto>(nameof(SelfServiceProfileDto.UpdatedAt), true, 0, p => p.UpdatedAt)],
        };

        var query = ProfileList.ToQuery(state, "  partner ");

        Assert.Equal(new PageRequest(2, 10, IncludeTotals: true), query.Page);
        Assert.Equal((ProfileSort.Updated, true, "partner"), (query.Sort, query.Descending, query.Search));
    }

    [Fact]
    public void ToQuery_KeepsTheContractOrderAndCapsThePageSize_WhenNothingSorted()
    {
        var state = new GridState<SelfServiceProfileDto> { Page = 0, PageSize = 500 };

        var query = ProfileList.ToQuery(state, "   ");

        Assert.Equal((ProfileSort.Created, false, (string?)null, PageRequest.MaxPerPage), (query.Sort, query.Descending, query.Search, query.Page.PerPage));
    }

    [Fact]
    public async Task Grid_ShowsTheSecondPageInNameOrderWithTheTotal_WhenSortedByNameAndPaged()
    {
        SignIn(role: PortalRole.Viewer);
        var cut = Render<ProfileList>();
        cut.WaitForAssertion(() => Assert.Equal(12, RowNames(cut).Count));
        var grid = cut.FindComponent<MudDataGrid<SelfServiceProfileDto>>().Instance;

        await cut.InvokeAsync(() => grid.SetRowsPerPageAsync(5));
        await cut.InvokeAsync(() => grid.SetSortAsync(nameof(SelfServiceProfileDto.Name), SortDirection.Descending, p => p.Name));
        await cut.InvokeAsync(() => grid.NavigateTo(MudBlazor.Page.Next));

        cut.WaitForAssertion(() => Assert.Equal(["golf", "foxtrot", "echo", "delta", "charlie"], RowNames(cut)));
        Assert.Equal("12 profiles", cut.Find("[data-testid=profile-total]").TextContent.Trim());
    }

    [Fact]
    public void Grid_ShowsOnlyMatchingProfiles_WhenSearchTyped()
    {
        SignIn(role: PortalRole.Viewer);
        var cut = Render<ProfileList>();
        cut.WaitForAssertion(() => Assert.Equal(12, RowNames(cut).Count));

        cut.Find("input[data-testid=profile-search], [data-testid=profile-search] input").Input("LI");

        Clock.Advance(TimeSpan.FromSeconds(1)); // the search box waits for typing to pause

        cut.WaitForAssertion(() => Assert.Equal(["charlie", "juliett", "lima"], RowNames(cut).Order(StringComparer.Ordinal)), TimeSpan.FromSeconds(5));
        Assert.Equal("3 profiles", cut.Find("[data-testid=profile-total]").TextContent.Trim());
    }

    [Fact]
    public void Grid_SaysNothingMatches_WhenSearchFindsNoProfile()
    {
        SignIn(role: PortalRole.Viewer);
        var cut = Render<ProfileList>();
        cut.WaitForAssertion(() => Assert.Equal(12, RowNames(cut).Count));

        cut.Find("input[data-testid=profile-search], [data-testid=profile-search] input").Input("zzz");

        Clock.Advance(TimeSpan.FromSeconds(1)); // the search box waits for typing to pause

        cut.WaitForAssertion(() => Assert.Contains("No profile name contains “zzz”.", cut.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        Assert.Empty(RowNames(cut));
    }

    [Fact]
    public void Grid_OffersNoCreateOrDelete_WhenActorIsViewer()
    {
        SignIn(role: PortalRole.Viewer);

        var cut = Render<ProfileList>();

        cut.WaitForAssertion(() => Assert.Equal(12, RowNames(cut).Count));
        Assert.Empty(cut.FindAll("[data-testid=create-profile]"));
        Assert.Empty(cut.FindAll("[data-testid=delete-profile]"));
    }

    private static List<string> RowNames(IRenderedComponent<ProfileList> cut) =>
        [.. cut.FindAll("[data-testid=profiles-table] tbody tr a.mud-link").Select(a => a.TextContent.Trim())];
}
