using SspPortal.Application.Common;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tests.Support;

namespace SspPortal.Application.Tests.Profiles;

public class ProfileReadTests : ServiceTestBase
{
    [Fact]
    public async Task Get_ReturnsNotFound_WhenProfileMissing()
    {
        var id = Ids.NewProfileId();

        var result = await Profiles.GetAsync(Viewer, id);

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Equal($"Profile with ID: {id} not found", result.Message);
        Assert.Null(result.ErrorCode);
    }

    [Fact]
    public async Task Get_ReturnsNotFound_WhenProfileBelongsToOtherTenant()
    {
        var other = await CreateProfileAsync(actor: OtherTenantEditor);

        var result = await Profiles.GetAsync(Viewer, other.Id);

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Equal($"Profile with ID: {other.Id} not found", result.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("ssp_IIIIIIIIIIIIIIIIIIIIII")]
    [InlineData("SSP_1111111111111111111111")]
    public async Task Get_ReturnsInvalidUri_WhenIdMalformed(string id)
    {
        var result = await Profiles.GetAsync(Viewer, id);

        AssertInvalid(result, "id", PathValues.ProfileIdPattern, ErrorCodes.InvalidUri);
        Assert.StartsWith("Path validation error: 'String does not match pattern", ContractErrors.MessageFor(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ReturnsForbidden_WhenActorLacksReadScope()
    {
        var actor = new Actor(TenantId, "client", "Client", new HashSet<string> { Scopes.CreateProfiles });

        var result = await Profiles.GetAsync(actor, Ids.NewProfileId());

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Equal("Insufficient scope, expected any of: read:self_service_profiles", result.Message);
    }

    [Fact]
    public async Task List_ReturnsPageInCreatedAtThenIdOrder_WhenPagingWithTotals()
    {
        ProfileLimit = 20;
        var created = new List<SelfServiceProfileDto>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await CreateProfileAsync(new CreateProfileRequest { Name = $"P{i}" }));
            if (i != 2)
            {
                Clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        await CreateProfileAsync(actor: OtherTenantEditor);
        var expectedOrder = created.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal).Select(p => p.Id).ToList();

        var all = await Profiles.ListAsync(Viewer, new PageRequest());
        var page = await Profiles.ListAsync(Viewer, new PageRequest(Page: 1, PerPage: 2, IncludeTotals: true));
        var beyond = await Profiles.ListAsync(Viewer, new PageRequest(Page: 9, PerPage: 2, IncludeTotals: true));

        Assert.Equal(expectedOrder, all.Value.Items.Select(p => p.Id));
        Assert.Null(all.Value.Total);
        Assert.Equal(expectedOrder.Skip(2).Take(2), page.Value.Items.Select(p => p.Id));
        Assert.Equal((2, 2, 5), (page.Value.Start, page.Value.Limit, page.Value.Total!.Value));
        Assert.Empty(beyond.Value.Items);
        Assert.Equal(5, beyond.Value.Total);
    }

    [Theory]
    [InlineData(-1, 50, "page", "Value must be at least 0")]
    [InlineData(0, 0, "per_page", "Value must be at least 1")]
    [InlineData(0, 101, "per_page", "Value must be at most 100")]
    public async Task List_ReturnsInvalidQueryString_WhenPagingOutOfRange(int page, int perPage, string path, string reason)
    {
        var result = await Profiles.ListAsync(Viewer, new PageRequest(page, perPage));

        AssertInvalid(result, path, reason, ErrorCodes.InvalidQueryString);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0, 100)]
    [InlineData(int.MaxValue, 100)]
    public async Task List_Succeeds_WhenPagingAtEdges(int page, int perPage)
    {
        var result = await Profiles.ListAsync(Viewer, new PageRequest(page, perPage, true));

        AssertOk(result);
        Assert.Equal(0, result.Value.Total);
    }
}
