using Microsoft.EntityFrameworkCore;
using SspPortal.Application.Common;
using SspPortal.Application.Tests.Support;
using SspPortal.Application.Tickets;

namespace SspPortal.Application.Tests.Profiles;

public class ProfileDeleteTests : ServiceTestBase
{
    [Fact]
    public async Task Delete_RemovesCustomTextAndRevokesTickets_WhenProfileExists()
    {
        var profile = await CreateProfileAsync();
        await CustomTexts.SetAsync(Editor, profile.Id, "en", "get-started", new Dictionary<string, string?> { ["introduction"] = "Hi" });
        await CustomTexts.SetAsync(Editor, profile.Id, "de", "get-started", new Dictionary<string, string?> { ["introduction"] = "Hallo" });
        var open = (await Tickets.IssueAsync(Editor, profile.Id, new IssueTicketRequest(), null)).Value;
        var revokedEarlier = (await Tickets.IssueAsync(Editor, profile.Id, new IssueTicketRequest(), null)).Value;
        await Tickets.RevokeByIdAsync(Editor, revokedEarlier.TicketId);
        var earlierRevokedAt = Clock.GetUtcNow().UtcDateTime;
        Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await Profiles.DeleteAsync(Admin, profile.Id);

        AssertOk(result);
        Assert.Equal(ResultStatus.NotFound, (await Profiles.GetAsync(Editor, profile.Id)).Status);
        Assert.Equal(0, await DbAsync(db => db.CustomTexts.IgnoreQueryFilters().CountAsync()));
        var tickets = await DbAsync(db => db.Tickets.IgnoreQueryFilters().ToDictionaryAsync(t => t.Id));
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, tickets[open.TicketId].RevokedAt);
        Assert.Equal(earlierRevokedAt, tickets[revokedEarlier.TicketId].RevokedAt);
        var listed = (await Tickets.ListAsync(Viewer, new TicketQuery())).Value.Items;
        Assert.Equal(2, listed.Count);
        Assert.All(listed, t => Assert.Equal(TicketStatus.Revoked, t.Status));
        Assert.All(listed, t => Assert.Equal("(deleted profile)", t.ProfileName));
        var entry = (await AuditEntriesAsync()).Last();
        Assert.Equal("profile.deleted", entry.Action);
        Assert.Equal(profile.Id, entry.TargetId);
        Assert.Contains("removed 2 custom texts, revoked 1 tickets", entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_FreesProfileSlot_WhenLimitReached()
    {
        var profile = await CreateProfileAsync();

        await Profiles.DeleteAsync(Admin, profile.Id);

        await CreateProfileAsync();
    }

    [Fact]
    public async Task Delete_ReturnsOk_WhenProfileMissing()
    {
        var result = await Profiles.DeleteAsync(Admin, Ids.NewProfileId());

        AssertOk(result);
        Assert.Empty(await AuditEntriesAsync());
    }

    [Fact]
    public async Task Delete_LeavesOtherTenantsProfile_WhenIdBelongsToOtherTenant()
    {
        var other = await CreateProfileAsync(actor: OtherTenantEditor);

        var result = await Profiles.DeleteAsync(Admin, other.Id);

        AssertOk(result);
        AssertOk(await Profiles.GetAsync(OtherTenantEditor, other.Id));
    }

    [Fact]
    public async Task Delete_ReturnsInvalidUri_WhenIdMalformed() =>
        AssertInvalid(await Profiles.DeleteAsync(Admin, "ssp_bad"), "id", null, ErrorCodes.InvalidUri);

    [Fact]
    public async Task Delete_ReturnsForbidden_WhenActorIsViewer()
    {
        var profile = await CreateProfileAsync();

        var result = await Profiles.DeleteAsync(Viewer, profile.Id);

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        AssertOk(await Profiles.GetAsync(Viewer, profile.Id));
    }
}
