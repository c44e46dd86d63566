using SspPortal.Application.Common;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tests.Support;

namespace SspPortal.Application.Tests.Audit;

public class AuditLogServiceTests : ServiceTestBase
{
    [Fact]
    public async Task List_ReturnsTenantEntriesNewestFirst_WhenFilteredByProfile()
    {
        ProfileLimit = 5;
        var first = await CreateProfileAsync(new CreateProfileRequest { Name = "One" });
        Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await CreateProfileAsync(new CreateProfileRequest { Name = "Two" });
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Profiles.UpdateAsync(Editor, first.Id, new UpdateProfileRequest { Name = "Uno" });
        await CreateProfileAsync(actor: OtherTenantEditor);

        var all = await Audit.ListAsync(Viewer, null);
        var forFirst = await Audit.ListAsync(Viewer, first.Id);
        var limited = await Audit.ListAsync(Viewer, null, limit: 1);

        Assert.Equal(
            [("profile.updated", first.Id), ("profile.created", second.Id), ("profile.created", first.Id)],
            all.Value.Select(e => (e.Action, e.TargetId))
        );
        Assert.All(all.Value, e => Assert.Equal("Ada Editor (user-1)", e.Actor));
        Assert.Equal(DateTimeKind.Utc, all.Value[0].At.Kind);
        Assert.Equal(2, forFirst.Value.Count);
        Assert.Single(limited.Value);
    }

    [Fact]
    public async Task List_ReturnsForbidden_WhenActorLacksReadAudit()
    {
        var apiClient = new Actor(TenantId, "c", "Client", new HashSet<string> { Scopes.ReadProfiles });

        var result = await Audit.ListAsync(apiClient, null);

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Equal(Scopes.Insufficient(Scopes.ReadAudit), result.Message);
    }

    [Fact]
    public async Task List_ReturnsInvalidUri_WhenProfileIdMalformed() =>
        AssertInvalid(await Audit.ListAsync(Viewer, "bad"), "id", null, ErrorCodes.InvalidUri);
}
