using SspPortal.Application.Audit;
using SspPortal.Application.Common;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tests.Support;

namespace SspPortal.Application.Tests.Audit;

public class AuditLogServiceTests : ServiceTestBase
{
    private readonly Actor _admin = Actor.ForRole(TenantId, "user-3", "Bo Admin", PortalRole.Admin);

    public AuditLogServiceTests()
    {
        ProfileLimit = 10;
    }

    private static AuditQuery Page(int page, int perPage) => new() { Page = new PageRequest(page, perPage, IncludeTotals: true) };

    private async Task<IReadOnlyList<(string Action, string TargetId)>> ListAsync(AuditQuery query)
    {
        var result = await Audit.ListAsync(Viewer, query);
        Assert.True(result.IsOk, Describe(result));
        return result.Value.Items.Select(e => (e.Action, e.TargetId)).ToList();
    }

    /// <summary>Three profiles (by two people, a second apart) and an update of the first; one profile in the other tenant.</summary>
    private async Task<(SelfServiceProfileDto First, SelfServiceProfileDto Second, SelfServiceProfileDto Third)> SeedLogAsync()
    {
        var first = await CreateProfileAsync(new CreateProfileRequest { Name = "One" });
        Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await CreateProfileAsync(new CreateProfileRequest { Name = "Two" }, _admin);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Profiles.UpdateAsync(Editor, first.Id, new UpdateProfileRequest { Name = "Uno" });
        Clock.Advance(TimeSpan.FromSeconds(1));
        var third = await CreateProfileAsync(new CreateProfileRequest { Name = "Three" });
        await CreateProfileAsync(new CreateProfileRequest { Name = "Globex" }, OtherTenantEditor);
        return (first, second, third);
    }

    [Fact]
    public async Task List_ReturnsTenantEntriesNewestFirst_WhenFilteredByProfile()
    {
        var (first, second, third) = await SeedLogAsync();

        var all = (await Audit.ListAsync(Viewer, new AuditQuery())).Value;
        var forFirst = await ListAsync(new AuditQuery { ProfileId = first.Id });
        var oldestFirst = await ListAsync(new AuditQuery { Descending = false });

        Assert.Equal(
            [("profile.created", third.Id), ("profile.updated", first.Id), ("profile.created", second.Id), ("profile.created", first.Id)],
            all.Items.Select(e => (e.Action, e.TargetId))
        );
        Assert.Equal(4, all.Total);
        Assert.Equal("Ada Editor (user-1)", all.Items[0].Actor);
        Assert.Equal(DateTimeKind.Utc, all.Items[0].At.Kind);
        Assert.Equal([("profile.updated", first.Id), ("profile.created", first.Id)], forFirst);
        Assert.Equal(all.Items.Select(e => (e.Action, e.TargetId)).Reverse(), oldestFirst);
    }

    [Fact]
    public async Task List_ReturnsPagesWithTotal_WhenMoreEntriesThanOnePage()
    {
        var (first, second, third) = await SeedLogAsync();

        var page0 = (await Audit.ListAsync(Viewer, Page(0, 3))).Value;
        var page1 = (await Audit.ListAsync(Viewer, Page(1, 3))).Value;
        var untotalled = (await Audit.ListAsync(Viewer, new AuditQuery { Page = new PageRequest(0, 3) })).Value;

        Assert.Equal([third.Id, first.Id, second.Id], page0.Items.Select(e => e.TargetId));
        Assert.Equal([first.Id], page1.Items.Select(e => e.TargetId));
        Assert.Equal((4, 4), (page0.Total!.Value, page1.Total!.Value));
        Assert.Null(untotalled.Total);
    }

    [Fact]
    public async Task List_FiltersByActionActorRangeAndSearch()
    {
        var (first, second, third) = await SeedLogAsync();
        var start = (await Audit.ListAsync(Viewer, new AuditQuery { Descending = false })).Value.Items.Select(e => e.At).ToList();

        var updates = await ListAsync(new AuditQuery { Action = "profile.updated" });
        var byAdmin = await ListAsync(new AuditQuery { ActorName = "Bo Admin (user-3)" });
        var partOfAnActor = await ListAsync(new AuditQuery { ActorName = "Bo Admin" });
        var range = await ListAsync(new AuditQuery { From = start[1], To = start[3] });
        var bySummary = await ListAsync(new AuditQuery { Search = "THREE" });
        var byTarget = await ListAsync(new AuditQuery { Search = second.Id });
        var combined = await ListAsync(new AuditQuery { Action = "profile.created", ActorName = "Ada Editor (user-1)", From = start[1] });

        Assert.Equal([("profile.updated", first.Id)], updates);
        Assert.Equal([("profile.created", second.Id)], byAdmin);
        Assert.Empty(partOfAnActor);
        Assert.Equal([("profile.updated", first.Id), ("profile.created", second.Id)], range);
        Assert.Equal([("profile.created", third.Id)], bySummary);
        Assert.Equal([("profile.created", second.Id)], byTarget);
        Assert.Equal([("profile.created", third.Id)], combined);
    }

    [Fact]
    public async Task List_ShowsOnlyTheTenantsEntries_WhenAnotherTenantHasSome()
    {
        await SeedLogAsync();
        var globex = Actor.ForRole(OtherTenantId, "user-8", "Gia Globex", PortalRole.Viewer);

        var mine = (await Audit.ListAsync(Viewer, new AuditQuery { Search = "Globex" })).Value;
        var theirs = (await Audit.ListAsync(globex, new AuditQuery())).Value;
        var theirActor = (await Audit.ListAsync(Viewer, new AuditQuery { ActorName = "Gil Globex (user-9)" })).Value;

        Assert.Equal(0, mine.Total);
        Assert.Equal(1, theirs.Total);
        Assert.Equal("Gil Globex (user-9)", theirs.Items[0].Actor);
        Assert.Empty(theirActor.Items);
    }

    [Fact]
    public async Task Facets_ListTheTenantsActionsAndActors()
    {
        await SeedLogAsync();

        var facets = (await Audit.FacetsAsync(Viewer)).Value;

        Assert.Equal(["profile.created", "profile.updated"], facets.Actions);
        Assert.Equal(["Ada Editor (user-1)", "Bo Admin (user-3)"], facets.Actors);
    }

    [Fact]
    public async Task List_ReturnsForbidden_WhenActorLacksReadAudit()
    {
        var apiClient = new Actor(TenantId, "c", "Client", new HashSet<string> { Scopes.ReadProfiles });

        var result = await Audit.ListAsync(apiClient, new AuditQuery());
        var facets = await Audit.FacetsAsync(apiClient);

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Equal(Scopes.Insufficient(Scopes.ReadAudit), result.Message);
        Assert.Equal(ResultStatus.Forbidden, facets.Status);
    }

    public static TheoryData<AuditQuery, string, string> BadQueries =>
        new()
        {
            { new AuditQuery { Page = new PageRequest(-1, 10) }, "page", "cannot be negative" },
            { new AuditQuery { Page = new PageRequest(0, 0) }, "per_page", "between 1 and 100" },
            { new AuditQuery { Page = new PageRequest(0, 500) }, "per_page", "between 1 and 100" },
            { new AuditQuery { Search = new string('x', 201) }, "search", "at most 200 characters" },
            { new AuditQuery { ProfileId = "bad" }, "profile", "not a profile id" },
            { new AuditQuery { Action = "" }, "action", "Choose an action" },
            { new AuditQuery { ActorName = new string('a', 301) }, "actor", "Choose a person" },
            {
                new AuditQuery { From = new DateTime(2026, 2, 13, 0, 0, 0, DateTimeKind.Utc), To = new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc) },
                "to",
                "before its start"
            },
        };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task List_ReturnsFieldError_WhenQueryInvalid(AuditQuery query, string path, string reasonPart) =>
        AssertInvalid(await Audit.ListAsync(Viewer, query), path, reasonPart, ErrorCodes.InvalidQueryString);
}
