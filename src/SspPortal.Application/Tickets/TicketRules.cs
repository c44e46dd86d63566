namespace SspPortal.Application.Tickets;

/// <summary>The lifetime rules of a ticket (contract section 4, "Ticket lifetime").</summary>
public static class TicketRules
{
    public const int MaxTtlSeconds = 432_000;
    public const int MaxOpens = 10;
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(5);
}

/// <summary>What a ticket's state is, as the portal shows it.</summary>
public enum TicketStatus
{
    Active,
    Opened,
    Expired,
    Exhausted,
    Revoked,
    Completed,
}
