namespace SspPortal.Application.Tickets;

/// <summary>The columns tickets can be sorted by.</summary>
public enum TicketSort
{
    CreatedAt,
    ExpiresAt,
}
