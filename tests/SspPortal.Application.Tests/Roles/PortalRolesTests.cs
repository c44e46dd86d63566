using Microsoft.Extensions.DependencyInjection;
using SspPortal.Application.Common;
using SspPortal.Application.Connections;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tenants;
using SspPortal.Application.Tests.Tickets;
using SspPortal.Application.Tickets;

namespace SspPortal.Application.Tests.Roles;

/// <summary>
/// What each portal role may do, through the services: Admin manages settings, connections and the deletion of
/// profiles; Editor edits profiles and custom text and issues tickets; Viewer reads. Refusals name what was missing.
/// </summary>
public class PortalRolesTests : TicketTestBase
{
    private IConnectionService Connections => Services.GetRequiredService<IConnectionService>();

    private ITenantSettingsService Settings => Services.GetRequiredService<ITenantSettingsService>();

    [Fact]
    public async Task DeleteProfile_Succeeds_WhenActorIsAdmin()
    {
        var result = await Profiles.DeleteAsync(Admin, Profile.Id);

        AssertOk(result);
        Assert.Equal(ResultStatus.NotFound, (await Profiles.GetAsync(Viewer, Profile.Id)).Status);
    }

    [Fact]
    public async Task DeleteProfile_IsRefused_WhenActorIsEditor()
    {
        var result = await Profiles.DeleteAsync(Editor, Profile.Id);

        AssertRefused(result, Scopes.DeleteProfiles);
        AssertOk(await Profiles.GetAsync(Viewer, Profile.Id));
    }

    [Fact]
    public async Task EditorWork_Succeeds_WhenActorIsEditorOrAdmin()
    {
        foreach (var actor in new[] { Editor, Admin })
        {
            var current = (await Profiles.GetAsync(actor, Profile.Id)).Value;
            AssertOk(await Profiles.UpdateAsync(actor, Profile.Id, new UpdateProfileRequest { Name = actor.DisplayName, ExpectedVersion = current.Version }));
            AssertOk(await CustomTexts.SetAsync(actor, Profile.Id, "en", "get-started", new Dictionary<string, string?> { ["introduction"] = "Hello" }));
            var issued = await Tickets.IssueAsync(actor, Profile.Id, new IssueTicketRequest(), null);
            AssertOk(issued);
            AssertOk(await Tickets.RevokeByIdAsync(actor, issued.Value.TicketId));
        }
    }

    [Fact]
    public async Task EditorWork_IsRefused_WhenActorIsViewer()
    {
        var current = (await Profiles.GetAsync(Viewer, Profile.Id)).Value;
        var issued = (await IssueAsync()).Value;

        AssertRefused(await Profiles.CreateAsync(Viewer, new CreateProfileRequest { Name = "Other" }), Scopes.CreateProfiles);
        AssertRefused(
            await Profiles.UpdateAsync(Viewer, Profile.Id, new UpdateProfileRequest { Name = "Hijacked", ExpectedVersion = current.Version }),
            Scopes.UpdateProfiles
        );
        AssertRefused(
            await CustomTexts.SetAsync(Viewer, Profile.Id, "en", "get-started", new Dictionary<string, string?> { ["introduction"] = "x" }),
            Scopes.UpdateCustomTexts
        );
        AssertRefused(await Tickets.IssueAsync(Viewer, Profile.Id, new IssueTicketRequest(), null), Scopes.CreateTickets);
        AssertRefused(await Tickets.RevokeByIdAsync(Viewer, issued.TicketId), Scopes.DeleteTickets);
        AssertRefused(await Profiles.DeleteAsync(Viewer, Profile.Id), Scopes.DeleteProfiles);
    }

    [Fact]
    public async Task Reads_Succeed_WhenActorIsViewer()
    {
        var id = await SeedConnectionAsync();

        AssertOk(await Profiles.GetAsync(Viewer, Profile.Id));
        AssertOk(await Tickets.ListAsync(Viewer, new TicketQuery()));
        AssertOk(await Connections.GetDetailAsync(Viewer, id));
        AssertOk(await Settings.GetAsync(Viewer));
    }

    [Fact]
    public async Task ConnectionActions_Succeed_WhenActorIsAdmin()
    {
        var id = await SeedConnectionAsync();

        AssertOk(await Connections.SetEnabledAsync(Admin, id, enabled: false));
        AssertOk(await Connections.SetEnabledAsync(Admin, id, enabled: true));
        AssertOk(await Connections.DeleteAsync(Admin, id));
    }

    [Theory]
    [InlineData(PortalRole.Editor)]
    [InlineData(PortalRole.Viewer)]
    public async Task ConnectionActions_AreRefused_WhenActorIsNotAdmin(PortalRole role)
    {
        var actor = Actor.ForRole(TenantId, "user-7", "Not Admin", role);
        var id = await SeedConnectionAsync();
        var reserved = await IssueAsync(new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = "held-name" } });
        await Tickets.RevokeByIdAsync(Editor, reserved.Value.TicketId);
        var reservedId = (await StoredTicketAsync(reserved.Value.TicketId)).ConnectionId!;

        var disable = await Connections.SetEnabledAsync(actor, id, enabled: false);
        var delete = await Connections.DeleteAsync(actor, id);
        var release = await Connections.ReleaseAsync(actor, reservedId);

        AssertRefused(disable, Scopes.UpdateConnections);
        AssertRefused(delete, Scopes.DeleteConnections);
        AssertRefused(release, Scopes.UpdateConnections);
        Assert.Contains("Only an Admin", disable.Message, StringComparison.Ordinal);
        Assert.True((await Connections.GetDetailAsync(Viewer, id)).Value.Connection.Enabled);
        AssertOk(await Connections.GetDetailAsync(Viewer, reservedId));
    }

    [Fact]
    public async Task UpdateSettings_Succeeds_WhenActorIsAdmin() =>
        AssertOk(await Settings.UpdateAsync(Admin, new UpdateTenantSettingsRequest { DefaultTicketLifetimeDays = 2 }));

    [Theory]
    [InlineData(PortalRole.Editor)]
    [InlineData(PortalRole.Viewer)]
    public async Task UpdateSettings_IsRefused_WhenActorIsNotAdmin(PortalRole role)
    {
        var actor = Actor.ForRole(TenantId, "user-7", "Not Admin", role);

        var result = await Settings.UpdateAsync(actor, new UpdateTenantSettingsRequest { DefaultTicketLifetimeDays = 2 });

        AssertRefused(result, Scopes.UpdateTenantSettings);
        Assert.Contains("Only an Admin may change the tenant's settings", result.Message, StringComparison.Ordinal);
        Assert.Null((await Settings.GetAsync(actor)).Value.DefaultTicketLifetimeDays);
    }

    private static void AssertRefused(Result result, string scope)
    {
        Assert.True(result.Status == ResultStatus.Forbidden, Describe(result));
        Assert.Contains(scope, result.Message, StringComparison.Ordinal);
    }
}
