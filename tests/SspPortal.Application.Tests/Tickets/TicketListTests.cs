using SspPortal.Application.Common;
using SspPortal.Application.Connections;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tickets;

namespace SspPortal.Application.Tests.Tickets;

/// <summary>The portal's ticket list: pages with totals, sort, each filter, and the tenant's own tickets only.</summary>
public class TicketListTests : TicketTestBase
{
    public TicketListTests()
    {
        ProfileLimit = 3;
    }

    private static TicketQuery Page(int page, int perPage) => new() { Page = new PageRequest(page, perPage, IncludeTotals: true) };

    private async Task<List<Guid>> IssueSeveralAsync(int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await IssueOkAsync()).Ticket.TicketId);
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        return ids;
    }

    private async Task<IReadOnlyList<Guid>> IdsAsync(TicketQuery query)
    {
        var result = await Tickets.ListAsync(Viewer, query);
        Assert.True(result.IsOk, Describe(result));
        return result.Value.Items.Select(t => t.Id).ToList();
    }

    [Fact]
    public async Task List_ReturnsPagesWithTotal_WhenMoreTicketsThanOnePage()
    {
        var issued = await IssueSeveralAsync(7);
        var newestFirst = Enumerable.Reverse(issued).ToList();

        var first = (await Tickets.ListAsync(Viewer, Page(0, 3))).Value;
        var second = (await Tickets.ListAsync(Viewer, Page(1, 3))).Value;
        var last = (await Tickets.ListAsync(Viewer, Page(2, 3))).Value;
        var beyond = (await Tickets.ListAsync(Viewer, Page(9, 3))).Value;

        Assert.Equal(newestFirst[..3], first.Items.Select(t => t.Id));
        Assert.Equal(newestFirst[3..6], second.Items.Select(t => t.Id));
        Assert.Equal(newestFirst[6..], last.Items.Select(t => t.Id));
        Assert.Empty(beyond.Items);
        Assert.All([first, second, last, beyond], page => Assert.Equal(7, page.Total));
        Assert.Equal((3, 3), (second.Start, second.Limit));
    }

    [Fact]
    public async Task List_LeavesTotalOut_WhenTotalsNotAsked()
    {
        await IssueSeveralAsync(2);

        var page = (await Tickets.ListAsync(Viewer, new TicketQuery { Page = new PageRequest(0, 1) })).Value;

        Assert.Single(page.Items);
        Assert.Null(page.Total);
    }

    [Fact]
    public async Task List_SortsByCreationAndExpiry_WhenAsked()
    {
        var longLived = (await IssueOkAsync(new IssueTicketRequest { TtlSec = 86_400 })).Ticket.TicketId;
        Clock.Advance(TimeSpan.FromSeconds(1));
        var shortLived = (await IssueOkAsync(new IssueTicketRequest { TtlSec = 600 })).Ticket.TicketId;
        Clock.Advance(TimeSpan.FromSeconds(1));
        var middle = (await IssueOkAsync(new IssueTicketRequest { TtlSec = 3_600 })).Ticket.TicketId;

        var createdAscending = await IdsAsync(new TicketQuery { Sort = TicketSort.CreatedAt, Descending = false });
        var createdDescending = await IdsAsync(new TicketQuery { Sort = TicketSort.CreatedAt });
        var expiresAscending = await IdsAsync(new TicketQuery { Sort = TicketSort.ExpiresAt, Descending = false });
        var expiresDescending = await IdsAsync(new TicketQuery { Sort = TicketSort.ExpiresAt, Descending = true });

        Assert.Equal([longLived, shortLived, middle], createdAscending);
        Assert.Equal([middle, shortLived, longLived], createdDescending);
        Assert.Equal([shortLived, middle, longLived], expiresAscending);
        Assert.Equal([longLived, middle, shortLived], expiresDescending);
    }

    [Fact]
    public async Task List_FiltersByStatus_AsTheStatusIsShown()
    {
        var (active, expired, opened, sessionOver, exhausted, completed, revoked) = await IssueTicketsInEveryStateAsync();

        var byStatus = new Dictionary<TicketStatus, IReadOnlyList<Guid>>();
        foreach (var status in Enum.GetValues<TicketStatus>())
        {
            byStatus[status] = await IdsAsync(new TicketQuery { Statuses = [status] });
        }

        var usable = await IdsAsync(new TicketQuery { Statuses = [TicketStatus.Active, TicketStatus.Opened] });
        var all = await IdsAsync(new TicketQuery { Statuses = Enum.GetValues<TicketStatus>() });

        Assert.Equal([active], byStatus[TicketStatus.Active]);
        Assert.Equal([opened], byStatus[TicketStatus.Opened]);
        Assert.Equal(new HashSet<Guid> { expired, sessionOver }, byStatus[TicketStatus.Expired].ToHashSet());
        Assert.Equal([exhausted], byStatus[TicketStatus.Exhausted]);
        Assert.Equal([completed], byStatus[TicketStatus.Completed]);
        Assert.Equal([revoked], byStatus[TicketStatus.Revoked]);
        Assert.Equal(new HashSet<Guid> { active, opened }, usable.ToHashSet());
        Assert.Equal(7, all.Count);
        // Each ticket's shown status is the filter that finds it.
        var shown = (await Tickets.ListAsync(Viewer, new TicketQuery())).Value.Items;
        Assert.All(shown, t => Assert.Contains(t.Id, byStatus[t.Status]));
    }

    [Fact]
    public async Task List_FindsTickets_BySearchForConnectionNameOrTicketId()
    {
        var acme = (await IssueOkAsync(new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = "acme-corp" } })).Ticket;
        var globex = (await IssueOkAsync(new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = "globex-saml" } })).Ticket;
        var connectionId = await SeedConnectionAsync("initech-okta");
        var edit = (await IssueOkAsync(new IssueTicketRequest { ConnectionId = connectionId })).Ticket;

        var byName = await IdsAsync(new TicketQuery { Search = "  CORP " });
        var byOtherName = await IdsAsync(new TicketQuery { Search = "okta" });
        var byConnectionId = await IdsAsync(new TicketQuery { Search = connectionId });
        var byTicketId = await IdsAsync(new TicketQuery { Search = globex.TicketId.ToString() });
        var byUpperTicketId = await IdsAsync(new TicketQuery { Search = acme.TicketId.ToString().ToUpperInvariant() });
        var nothing = await Tickets.ListAsync(Viewer, new TicketQuery { Search = "no-such-connection" });
        var blank = await IdsAsync(new TicketQuery { Search = "   " });

        Assert.Equal([acme.TicketId], byName);
        Assert.Equal([edit.TicketId], byOtherName);
        Assert.Equal([edit.TicketId], byConnectionId);
        Assert.Equal([globex.TicketId], byTicketId);
        Assert.Equal([acme.TicketId], byUpperTicketId);
        Assert.Empty(nothing.Value.Items);
        Assert.Equal(0, nothing.Value.Total);
        Assert.Equal(3, blank.Count);
    }

    [Fact]
    public async Task List_FiltersByCreationRange_FromInclusiveToExclusive()
    {
        var issued = await IssueSeveralAsync(4);
        var created = (await Tickets.ListAsync(Viewer, new TicketQuery { Descending = false })).Value.Items.Select(t => t.CreatedAt).ToList();

        var fromSecond = await IdsAsync(new TicketQuery { CreatedFrom = created[1], Descending = false });
        var untilThird = await IdsAsync(new TicketQuery { CreatedTo = created[2], Descending = false });
        var between = await IdsAsync(new TicketQuery { CreatedFrom = created[1], CreatedTo = created[3], Descending = false });
        var localFrom = await IdsAsync(new TicketQuery { CreatedFrom = created[3].ToLocalTime() });

        Assert.Equal(issued[1..], fromSecond);
        Assert.Equal(issued[..2], untilThird);
        Assert.Equal(issued[1..3], between);
        Assert.Equal([issued[3]], localFrom);
    }

    [Fact]
    public async Task List_ShowsOneProfilesTickets_WhenFilteredByProfile()
    {
        var other = await CreateProfileAsync(new CreateProfileRequest { Name = "Other SSO" });
        var mine = (await IssueOkAsync()).Ticket.TicketId;
        var theirs = (await Tickets.IssueAsync(Editor, other.Id, new IssueTicketRequest(), null)).Value.TicketId;

        var forOther = (await Tickets.ListAsync(Viewer, new TicketQuery { ProfileId = other.Id })).Value;
        var forMine = await IdsAsync(new TicketQuery { ProfileId = Profile.Id });

        Assert.Equal([theirs], forOther.Items.Select(t => t.Id));
        Assert.Equal("Other SSO", forOther.Items[0].ProfileName);
        Assert.Equal(1, forOther.Total);
        Assert.Equal([mine], forMine);
    }

    [Fact]
    public async Task List_ShowsOnlyTheTenantsTickets_WhenAnotherTenantHasSome()
    {
        var mine = (await IssueOkAsync()).Ticket.TicketId;
        var globexProfile = await CreateProfileAsync(new CreateProfileRequest { Name = "Globex SSO" }, OtherTenantEditor);
        var theirs = (
            await Tickets.IssueAsync(
                OtherTenantEditor,
                globexProfile.Id,
                new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = "shared-name" } },
                null
            )
        ).Value.TicketId;

        var all = (await Tickets.ListAsync(Viewer, new TicketQuery())).Value;
        var searchTheirs = (await Tickets.ListAsync(Viewer, new TicketQuery { Search = theirs.ToString() })).Value;
        var theirProfile = (await Tickets.ListAsync(Viewer, new TicketQuery { ProfileId = globexProfile.Id })).Value;
        var theirView = (await Tickets.ListAsync(OtherTenantEditor, new TicketQuery { Search = "shared" })).Value;

        Assert.Equal([mine], all.Items.Select(t => t.Id));
        Assert.Equal(1, all.Total);
        Assert.Empty(searchTheirs.Items);
        Assert.Equal(0, theirProfile.Total);
        Assert.Equal([theirs], theirView.Items.Select(t => t.Id));
    }

    public static TheoryData<TicketQuery, string, string> BadQueries =>
        new()
        {
            { new TicketQuery { Page = new PageRequest(-1, 10) }, "page", "cannot be negative" },
            { new TicketQuery { Page = new PageRequest(0, 0) }, "per_page", "between 1 and 100" },
            { new TicketQuery { Page = new PageRequest(0, 101) }, "per_page", "between 1 and 100" },
            { new TicketQuery { Search = new string('a', 201) }, "search", "at most 200 characters" },
            { new TicketQuery { ProfileId = "ssp_bad" }, "profile", "not a profile id" },
            { new TicketQuery { Statuses = [(TicketStatus)42] }, "status", "Choose a status" },
            { new TicketQuery { Sort = (TicketSort)7 }, "sort", "creation or expiry" },
            {
                new TicketQuery { CreatedFrom = new DateTime(2026, 2, 13, 0, 0, 0, DateTimeKind.Utc), CreatedTo = new DateTime(2026, 2, 12, 0, 0, 0, DateTimeKind.Utc) },
                "to",
                "before its start"
            },
        };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task List_ReturnsFieldError_WhenQueryInvalid(TicketQuery query, string path, string reasonPart) =>
        AssertInvalid(await Tickets.ListAsync(Viewer, query), path, reasonPart, ErrorCodes.InvalidQueryString);
}
