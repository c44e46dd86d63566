using SspPortal.Application.Tickets;

namespace SspPortal.Application.Tests.Tickets;

public sealed class TicketRulesTests
{
    private static readonly DateTime Created = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Expires = Created.AddDays(5);

    public static TheoryData<string, DateTime, DateTime?, int, bool, bool, TicketStatus> Cases =>
        new()
        {
            { "fresh", Created, null, 0, false, false, TicketStatus.Active },
            { "just before expiry", Expires.AddMilliseconds(-1), null, 0, false, false, TicketStatus.Active },
            { "at expiry", Expires, null, 0, false, false, TicketStatus.Expired },
            { "opened", Created.AddHours(1), Created.AddHours(1), 1, false, false, TicketStatus.Opened },
            { "opened, session until 5 h", Created.AddHours(6).AddMilliseconds(-1), Created.AddHours(1), 3, false, false, TicketStatus.Opened },
            { "opened, session over", Created.AddHours(6), Created.AddHours(1), 3, false, false, TicketStatus.Expired },
            { "opened before expiry, used after it", Expires.AddHours(1), Expires.AddHours(-1), 1, false, false, TicketStatus.Opened },
            { "nine opens", Created.AddHours(1), Created, 9, false, false, TicketStatus.Opened },
            { "ten opens", Created.AddHours(1), Created, 10, false, false, TicketStatus.Exhausted },
            { "exhausted beats expired", Expires.AddDays(1), Created, 10, false, false, TicketStatus.Exhausted },
            { "completed beats exhausted", Created.AddHours(1), Created, 10, false, true, TicketStatus.Completed },
            { "revoked beats everything", Expires.AddDays(1), Created, 10, true, true, TicketStatus.Revoked },
        };

    [Theory]
    [MemberData(nameof(Cases))]
    public void StatusAt_FollowsPrecedence_WhenStatesOverlap(string because, DateTime now, DateTime? firstOpened, int opens, bool revoked, bool completed, TicketStatus expected)
    {
        var status = TicketRules.StatusAt(now, Expires, firstOpened, opens, revoked ? Created : null, completed ? Created : null);

        Assert.True(expected == status, $"{because}: expected {expected}, got {status}");
    }

    [Theory]
    [InlineData(TicketStatus.Active, true)]
    [InlineData(TicketStatus.Opened, true)]
    [InlineData(TicketStatus.Expired, false)]
    [InlineData(TicketStatus.Exhausted, false)]
    [InlineData(TicketStatus.Revoked, false)]
    [InlineData(TicketStatus.Completed, false)]
    public void CanOpen_ReturnsTrue_WhenActiveOrOpened(TicketStatus status, bool expected) => Assert.Equal(expected, TicketRules.CanOpen(status));

    [Theory]
    [InlineData(null, 432_000)]
    [InlineData(0, 432_000)]
    [InlineData(1, 1)]
    [InlineData(432_000, 432_000)]
    public void EffectiveTtlSeconds_ReturnsFiveDays_WhenZeroOrAbsent(int? ttl, int expected) => Assert.Equal(expected, TicketRules.EffectiveTtlSeconds(ttl));

    [Fact]
    public void Url_HasContractShape_WhenBuilt() =>
        Assert.Equal("https://acme.example.com/self-service/connections-flow?ticket=abc", TicketRules.Url("acme.example.com", "abc"));
}
