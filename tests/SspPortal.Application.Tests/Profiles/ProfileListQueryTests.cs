using SspPortal.Application.Common;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tests.Support;

namespace SspPortal.Application.Tests.Profiles;

public class ProfileListQueryTests : ServiceTestBase
{
    [Fact]
    public async Task List_ReturnsPageInNameOrder_WhenSortedByNameDescending()
    {
        ProfileLimit = 20;
        foreach (var name in new[] { "delta", "alpha", "echo", "charlie", "bravo" })
        {
            await CreateProfileAsync(new CreateProfileRequest { Name = name });
        }

        var page = await Profiles.ListAsync(Viewer, new ProfileListQuery(new PageRequest(1, 2, IncludeTotals: true), Sort: ProfileSort.Name, Descending: true));

        Assert.True(page.IsOk, Describe(page));
        Assert.Equal(["charlie", "bravo"], page.Value.Items.Select(p => p.Name));
        Assert.Equal((2, 2, 5), (page.Value.Start, page.Value.Limit, page.Value.Total!.Value));
    }

    [Fact]
    public async Task List_ReturnsOnlyMatchingNamesOfTheTenant_WhenSearching()
    {
        ProfileLimit = 20;
        await CreateProfileAsync(new CreateProfileRequest { Name = "Partner SSO" });
        await CreateProfileAsync(new CreateProfileRequest { Name = "Employees" });
        await CreateProfileAsync(new CreateProfileRequest { Name = "partners (EU)" });
        await CreateProfileAsync(new CreateProfileRequest { Name = "Partner elsewhere" }, OtherTenantEditor);

        var result = await Profiles.ListAsync(
            Viewer,
            new ProfileListQuery(new PageRequest(0, 10, IncludeTotals: true), Search: "  PARTNER ", Sort: ProfileSort.Name)
        );

        Assert.True(result.IsOk, Describe(result));
        Assert.Equal(2, result.Value.Total);
        Assert.Equal(
            ["Partner SSO", "partners (EU)"],
            result.Value.Items.Select(p => p.Name).Order(StringComparer.OrdinalIgnoreCase)
        );
    }

    [Fact]
    public async Task List_ReturnsNewestUpdatedFirst_WhenSortedByUpdatedDescending()
    {
        ProfileLimit = 20;
        var first = await CreateProfileAsync(new CreateProfileRequest { Name = "first" });
        Clock.Advance(TimeSpan.FromMinutes(1));
        await CreateProfileAsync(new CreateProfileRequest { Name = "second" });
        Clock.Advance(TimeSpan.FromMinutes(1));
        var updated = await Profiles.UpdateAsync(Editor, first.Id, new UpdateProfileRequest { Name = "first, renamed" });
        Assert.True(updated.IsOk, Describe(updated));

        var result = await Profiles.ListAsync(Viewer, new ProfileListQuery(new PageRequest(0, 10), Sort: ProfileSort.Updated, Descending: true));

        Assert.Equal(["first, renamed", "second"], result.Value.Items.Select(p => p.Name));
    }

    [Fact]
    public async Task List_ReturnsInvalid_WhenSearchTooLong()
    {
        var result = await Profiles.ListAsync(Viewer, new ProfileListQuery(new PageRequest(), Search: new string('a', 101)));

        AssertInvalid(result, "search", "maximum 100", ErrorCodes.InvalidQueryString);
    }

    [Fact]
    public async Task List_ReturnsForbidden_WhenActorLacksReadScope()
    {
        var actor = new Actor(TenantId, "client", "Client", new HashSet<string> { Scopes.CreateProfiles });

        var result = await Profiles.ListAsync(actor, new ProfileListQuery(new PageRequest()));

        Assert.Equal(ResultStatus.Forbidden, result.Status);
    }
}
