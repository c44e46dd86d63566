using Microsoft.EntityFrameworkCore;
using SspPortal.Application.Connections;
using SspPortal.Application.Tickets;

namespace SspPortal.Application.Tests.Tickets;

/// <summary>A ticket without <c>connection_config</c> reserves its connection at once, under a unique, unguessable name.</summary>
public class TicketConnectionNameTests : TicketTestBase
{
    private const int Burst = 320;

    [Fact]
    public async Task Issue_ReservesDistinctRandomNames_When320TicketsWithoutConnectionConfigAreIssuedAtOnce()
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var issues = Enumerable
            .Range(0, Burst)
            .Select(_ =>
                Task.Run(async () =>
                {
                    await start.Task;
                    return await IssueAsync();
                })
            )
            .ToList();
        start.SetResult();
        var results = await Task.WhenAll(issues);

        Assert.All(results, r => Assert.True(r.IsOk, Describe(r)));
        var names = await ReservedNamesAsync(results.Select(r => r.Value.TicketId));
        Assert.Equal(Burst, names.Count);
        Assert.Equal(Burst, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, name => Assert.Matches("^sso-[a-z0-9]{16}$", name));
        Assert.All(names, name => Assert.Matches(TicketRequestRules.ConnectionNamePattern, name));
    }

    [Fact]
    public async Task Issue_ReservesTheConnectionDisabledAndWithoutStrategy_WhenTicketNamesNoConnection()
    {
        var (ticket, _) = await IssueOkAsync(new IssueTicketRequest { EnabledClients = ["client-1"] });

        var stored = await StoredTicketAsync(ticket.TicketId);
        var connection = await DbAsync(db => db.Connections.IgnoreQueryFilters().SingleAsync(c => c.Id == stored.ConnectionId));
        Assert.True(GeneratedConnectionNames.IsGenerated(connection.Name), connection.Name);
        Assert.False(connection.Enabled);
        Assert.Null(connection.Strategy);
        Assert.Equal(ticket.TicketId, connection.CreatedFromTicketId);
        Assert.Equal(["client-1"], connection.EnabledClients);
        Assert.Contains(await AuditEntriesAsync(), a => a.Action == "connection.reserved" && a.TargetId == connection.Id);
    }

    [Fact]
    public async Task Issue_DrawsAnotherName_WhenAnotherReservationTakesTheGeneratedNameBeforeTheWrite()
    {
        string? stolen = null;
        ConcurrentWriter.Arm(async context =>
        {
            var reserved = context.ChangeTracker.Entries<Connection>().Single(e => e.State == EntityState.Added).Entity;
            stolen = reserved.Name;
            await SeedConnectionAsync(reserved.Name);
        });

        var (ticket, _) = await IssueOkAsync();

        Assert.NotNull(stolen);
        var name = Assert.Single(await ReservedNamesAsync([ticket.TicketId]));
        Assert.NotEqual(stolen, name);
        Assert.True(GeneratedConnectionNames.IsGenerated(name), name);
        Assert.Equal(2, await DbAsync(db => db.Connections.IgnoreQueryFilters().CountAsync(c => c.TenantId == TenantId)));
        Assert.Single(await DbAsync(db => db.Tickets.IgnoreQueryFilters().ToListAsync()));
    }

    [Fact]
    public async Task Issue_ReservesNoConnection_WhenTicketEditsAnExistingConnection()
    {
        var existing = await SeedConnectionAsync();

        var (ticket, _) = await IssueOkAsync(new IssueTicketRequest { ConnectionId = existing, EnabledFeatures = new EnabledFeaturesInput { Sso = true } });

        Assert.Equal(existing, (await StoredTicketAsync(ticket.TicketId)).ConnectionId);
        Assert.Equal(1, await DbAsync(db => db.Connections.IgnoreQueryFilters().CountAsync()));
    }

    private async Task<List<string>> ReservedNamesAsync(IEnumerable<Guid> ticketIds)
    {
        var ids = ticketIds.ToList();
        await using var db = Db();
        var connectionIds = await db.Tickets.IgnoreQueryFilters().Where(t => ids.Contains(t.Id)).Select(t => t.ConnectionId).ToListAsync();
        return await db.Connections.IgnoreQueryFilters().Where(c => connectionIds.Contains(c.Id)).Select(c => c.Name).ToListAsync();
    }
}
