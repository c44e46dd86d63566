using Microsoft.Extensions.Time.Testing;
using SspPortal.Application.SetupFlow;
using SspPortal.Application.Tickets;
using SspPortal.Infrastructure.SetupFlow;

namespace SspPortal.Application.Tests.SetupFlow;

/// <summary>What the flow's tenant resolution hands to the flow service of the same request: once, fresh, for the same credential.</summary>
public sealed class FlowRequestLookupsTests
{
    private static readonly byte[] Hash = [1, 2, 3, 4];
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryTakeTicket_GivesTheTicketOnce_WhenItWasRememberedForTheSameHash()
    {
        var lookups = new FlowRequestLookups(_clock);
        var ticket = Ticket();
        lookups.RememberTicket(Hash, ticket);

        var first = lookups.TryTakeTicket([1, 2, 3, 4], out var taken);
        var second = lookups.TryTakeTicket(Hash, out _);

        Assert.True(first);
        Assert.Same(ticket, taken);
        Assert.False(second);
    }

    [Fact]
    public void TryTakeTicket_GivesNothing_WhenTheHashDiffers()
    {
        var lookups = new FlowRequestLookups(_clock);
        lookups.RememberTicket(Hash, Ticket());

        Assert.False(lookups.TryTakeTicket([9, 9, 9, 9], out var taken));
        Assert.Null(taken);
    }

    [Fact]
    public void TryTakeTicket_RemembersThatThereIsNoTicket_WhenNoneWasFound()
    {
        var lookups = new FlowRequestLookups(_clock);
        lookups.RememberTicket(Hash, null);

        Assert.True(lookups.TryTakeTicket(Hash, out var taken));
        Assert.Null(taken);
    }

    [Fact]
    public void TryTakeSession_GivesNothing_WhenTheLookupIsOlderThanItsMaximumAge()
    {
        var lookups = new FlowRequestLookups(_clock);
        lookups.RememberSession(Hash, Session(), Ticket());
        _clock.Advance(FlowRequestLookups.MaxAge);

        Assert.False(lookups.TryTakeSession(Hash, out var session, out var ticket));
        Assert.Null(session);
        Assert.Null(ticket);
    }

    [Fact]
    public void TryTakeSession_GivesSessionAndTicketOnce_WhenTheyAreFresh()
    {
        var lookups = new FlowRequestLookups(_clock);
        var session = Session();
        var ticket = Ticket();
        lookups.RememberSession(Hash, session, ticket);
        _clock.Advance(FlowRequestLookups.MaxAge - TimeSpan.FromMilliseconds(1));

        Assert.True(lookups.TryTakeSession(Hash, out var takenSession, out var takenTicket));
        Assert.Same(session, takenSession);
        Assert.Same(ticket, takenTicket);
        Assert.False(lookups.TryTakeSession(Hash, out _, out _));
    }

    private static SsoTicket Ticket() =>
        new()
        {
            Id = Guid.NewGuid(),
            TenantId = "acme",
            ProfileId = "ssp_profile",
            SecretHash = Hash,
            IssuedBy = "Ada Editor",
            Domain = "acme.example.com",
            RequestJson = "{}",
        };

    private static FlowSession Session() => new() { Id = Guid.NewGuid(), TenantId = "acme", TokenHash = Hash };
}
