using SspPortal.Application.Common;
using SspPortal.Application.Connections;
using SspPortal.Application.Tickets;

namespace SspPortal.Application.Tests.Tickets;

public class TicketRevokeAndListTests : TicketTestBase
{
    [Fact]
    public async Task Revoke_SetsRevokedAt_WhenTicketKnown()
    {
        var (ticket, secret) = await IssueOkAsync();
        Clock.Advance(TimeSpan.FromMinutes(3));

        var result = await Tickets.RevokeAsync(Editor, Profile.Id, secret);

        AssertOk(result);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, (await StoredTicketAsync(ticket.TicketId)).RevokedAt);
        var entry = (await AuditEntriesAsync()).Last();
        Assert.Equal("ticket.revoked", entry.Action);
        Assert.Equal(ticket.TicketId.ToString(), entry.TargetId);
        Assert.DoesNotContain(secret, entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_IsIdempotent_WhenCalledTwice()
    {
        var (ticket, secret) = await IssueOkAsync();
        await Tickets.RevokeAsync(Editor, Profile.Id, secret);
        var firstRevokedAt = (await StoredTicketAsync(ticket.TicketId)).RevokedAt;
        var auditCount = (await AuditEntriesAsync()).Count;
        Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await Tickets.RevokeAsync(Editor, Profile.Id, secret);
        var byId = await Tickets.RevokeByIdAsync(Editor, ticket.TicketId);

        AssertOk(again);
        AssertOk(byId);
        Assert.Equal(firstRevokedAt, (await StoredTicketAsync(ticket.TicketId)).RevokedAt);
        Assert.Equal(auditCount, (await AuditEntriesAsync()).Count);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("short")]
    [InlineData("")]
    [InlineData("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    public async Task Revoke_ReturnsOk_WhenTicketUnknown(string secret)
    {
        var (ticket, _) = await IssueOkAsync();

        var result = await Tickets.RevokeAsync(Editor, Profile.Id, secret);

        AssertOk(result);
        Assert.Null((await StoredTicketAsync(ticket.TicketId)).RevokedAt);
    }

    [Fact]
    public async Task Revoke_LeavesTicket_WhenProfileIdDoesNotMatch()
    {
        var (ticket, secret) = await IssueOkAsync();

        var result = await Tickets.RevokeAsync(Editor, Ids.NewProfileId(), secret);

        AssertOk(result);
        Assert.Null((await StoredTicketAsync(ticket.TicketId)).RevokedAt);
    }

    [Fact]
    public async Task Revoke_LeavesTicket_WhenActorOfOtherTenant()
    {
        var (ticket, secret) = await IssueOkAsync();

        var result = await Tickets.RevokeAsync(OtherTenantEditor, Profile.Id, secret);
        var byId = await Tickets.RevokeByIdAsync(OtherTenantEditor, ticket.TicketId);

        AssertOk(result);
        Assert.Equal(ResultStatus.NotFound, byId.Status);
        Assert.Null((await StoredTicketAsync(ticket.TicketId)).RevokedAt);
    }

    [Fact]
    public async Task Revoke_ReturnsInvalidUri_WhenProfileIdMalformed()
    {
        var result = await Tickets.RevokeAsync(Editor, "nope", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        AssertInvalid(result, "profileId", null, ErrorCodes.InvalidUri);
    }

    [Fact]
    public async Task Revoke_ReturnsForbidden_WhenActorIsViewer()
    {
        var (ticket, secret) = await IssueOkAsync();

        var result = await Tickets.RevokeAsync(Viewer, Profile.Id, secret);
        var byId = await Tickets.RevokeByIdAsync(Viewer, ticket.TicketId);

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Equal("Insufficient scope, expected any of: delete:sso_access_tickets", result.Message);
        Assert.Equal(ResultStatus.Forbidden, byId.Status);
        Assert.Null((await StoredTicketAsync(ticket.TicketId)).RevokedAt);
    }

    [Fact]
    public async Task RevokeById_RevokesTicket_WhenKnown()
    {
        var (ticket, _) = await IssueOkAsync();

        var result = await Tickets.RevokeByIdAsync(Editor, ticket.TicketId);
        var unknown = await Tickets.RevokeByIdAsync(Editor, Guid.NewGuid());

        AssertOk(result);
        Assert.NotNull((await StoredTicketAsync(ticket.TicketId)).RevokedAt);
        Assert.Equal(ResultStatus.NotFound, unknown.Status);
    }

    [Fact]
    public async Task List_ComputesStatus_WhenTicketsInEveryState()
    {
        var (active, expired, opened, sessionOver, exhausted, completed, revoked) = await IssueTicketsInEveryStateAsync();

        var list = await Tickets.ListAsync(Viewer, new TicketQuery());

        var statuses = list.Value.Items.ToDictionary(t => t.Id, t => t.Status);
        Assert.Equal(TicketStatus.Active, statuses[active]);
        Assert.Equal(TicketStatus.Expired, statuses[expired]);
        Assert.Equal(TicketStatus.Opened, statuses[opened]);
        Assert.Equal(TicketStatus.Expired, statuses[sessionOver]);
        Assert.Equal(TicketStatus.Exhausted, statuses[exhausted]);
        Assert.Equal(TicketStatus.Completed, statuses[completed]);
        Assert.Equal(TicketStatus.Revoked, statuses[revoked]);
    }

    [Fact]
    public async Task List_ReturnsNewestFirstWithNames_WhenTicketsIssued()
    {
        var first = (await IssueOkAsync()).Ticket;
        Clock.Advance(TimeSpan.FromSeconds(1));
        var second = (await IssueOkAsync(new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = "acme-corp" } })).Ticket;
        await Tickets.IssueAsync(OtherTenantEditor, Profile.Id, new IssueTicketRequest(), null);

        var list = (await Tickets.ListAsync(Viewer, new TicketQuery())).Value.Items;
        var forProfile = await Tickets.ListAsync(Viewer, new TicketQuery { ProfileId = Profile.Id });
        var forOther = await Tickets.ListAsync(Viewer, new TicketQuery { ProfileId = Ids.NewProfileId() });

        Assert.Equal([second.TicketId, first.TicketId], list.Select(t => t.Id));
        var summary = list[0];
        Assert.Equal(Profile.Id, summary.ProfileId);
        Assert.Equal("Acme SSO", summary.ProfileName);
        Assert.Equal("Ada Editor (user-1)", summary.IssuedBy);
        Assert.Equal("acme-corp", summary.ConnectionName);
        Assert.Equal(second.ExpiresAt, summary.ExpiresAt);
        Assert.Equal(DateTimeKind.Utc, summary.CreatedAt.Kind);
        Assert.True(GeneratedConnectionNames.IsGenerated(list[1].ConnectionName), list[1].ConnectionName);
        Assert.Equal(2, forProfile.Value.Items.Count);
        Assert.Equal(2, forProfile.Value.Total);
        Assert.Empty(forOther.Value.Items);
        Assert.Equal(0, forOther.Value.Total);
    }

    [Fact]
    public async Task List_ReturnsForbidden_WhenActorLacksReadTickets()
    {
        var apiClient = new Actor(TenantId, "client", "Client", new HashSet<string> { Scopes.CreateTickets });

        var result = await Tickets.ListAsync(apiClient, new TicketQuery());

        Assert.Equal(ResultStatus.Forbidden, result.Status);
    }

    [Fact]
    public async Task List_ReturnsInvalid_WhenProfileIdMalformed() =>
        AssertInvalid(await Tickets.ListAsync(Viewer, new TicketQuery { ProfileId = "x" }), "profile", "not a profile id", ErrorCodes.InvalidQueryString);
}
