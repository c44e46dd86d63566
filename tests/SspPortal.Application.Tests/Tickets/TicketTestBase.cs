using Microsoft.EntityFrameworkCore;
using SspPortal.Application.Common;
using SspPortal.Application.Connections;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tests.Support;
using SspPortal.Application.Tickets;

namespace SspPortal.Application.Tests.Tickets;

public abstract class TicketTestBase : ServiceTestBase
{
    protected SelfServiceProfileDto Profile { get; private set; } = null!;

    protected override async Task SeedAsync()
    {
        Profile = await CreateProfileAsync(new CreateProfileRequest { Name = "Acme SSO", AllowedStrategies = ["oidc", "samlp"] });
    }

    protected Task<Result<IssuedTicket>> IssueAsync(IssueTicketRequest? request = null, string? customDomain = null, Actor? actor = null) =>
        Tickets.IssueAsync(actor ?? Editor, Profile.Id, request ?? new IssueTicketRequest(), customDomain);

    protected async Task<(IssuedTicket Ticket, string Secret)> IssueOkAsync(IssueTicketRequest? request = null, string? customDomain = null)
    {
        var result = await IssueAsync(request, customDomain);
        Assert.True(result.IsOk, Describe(result));
        return (result.Value, SecretOf(result.Value.Url));
    }

    protected static string SecretOf(string url) => new Uri(url).Query.Split("ticket=")[1];

    protected async Task<string> SeedConnectionAsync(string name = "existing-conn", string tenantId = TenantId)
    {
        var id = Ids.NewConnectionId();
        await using var db = Db();
        db.Connections.Add(
            new Connection
            {
                Id = id,
                TenantId = tenantId,
                Name = name,
                Strategy = "samlp",
                Enabled = true,
                CreatedAt = Clock.GetUtcNow().UtcDateTime,
                UpdatedAt = Clock.GetUtcNow().UtcDateTime,
            }
        );
        await db.SaveChangesAsync();
        return id;
    }

    protected async Task<SsoTicket> StoredTicketAsync(Guid id) =>
        await DbAsync(db => db.Tickets.IgnoreQueryFilters().SingleAsync(t => t.Id == id));

    protected async Task UpdateTicketAsync(Guid id, Action<SsoTicket> change)
    {
        await using var db = Db();
        var ticket = await db.Tickets.IgnoreQueryFilters().SingleAsync(t => t.Id == id);
        change(ticket);
        await db.SaveChangesAsync();
    }

    /// <summary>The ids of one ticket in each state a list shows, an hour after they were issued.</summary>
    protected sealed record TicketsInEveryState(Guid Active, Guid Expired, Guid Opened, Guid SessionOver, Guid Exhausted, Guid Completed, Guid Revoked);

    /// <summary>
    /// Issues seven tickets and moves them into every state: active, expired by its lifetime, opened, expired by its
    /// session, exhausted, completed and revoked; then an hour passes.
    /// </summary>
    protected async Task<TicketsInEveryState> IssueTicketsInEveryStateAsync()
    {
        var active = (await IssueOkAsync()).Ticket.TicketId;
        var expired = (await IssueOkAsync(new IssueTicketRequest { TtlSec = 60 })).Ticket.TicketId;
        var opened = (await IssueOkAsync()).Ticket.TicketId;
        var sessionOver = (await IssueOkAsync()).Ticket.TicketId;
        var exhausted = (await IssueOkAsync()).Ticket.TicketId;
        var completed = (await IssueOkAsync()).Ticket.TicketId;
        var (revoked, revokedSecret) = await IssueOkAsync();
        var now = Clock.GetUtcNow().UtcDateTime;
        await UpdateTicketAsync(opened, t => (t.FirstOpenedAt, t.OpenCount) = (now.AddMinutes(1), 1));
        await UpdateTicketAsync(sessionOver, t => (t.FirstOpenedAt, t.OpenCount) = (now.AddHours(-4), 2));
        await UpdateTicketAsync(exhausted, t => (t.FirstOpenedAt, t.OpenCount) = (now, 10));
        await UpdateTicketAsync(completed, t => (t.FirstOpenedAt, t.OpenCount, t.CompletedAt) = (now, 10, now.AddMinutes(1)));
        await Tickets.RevokeAsync(Editor, Profile.Id, revokedSecret);
        Clock.Advance(TimeSpan.FromHours(1));
        return new TicketsInEveryState(active, expired, opened, sessionOver, exhausted, completed, revoked.TicketId);
    }
}
