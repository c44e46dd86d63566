namespace SspPortal.Application.Tickets;

/// <summary>The lifetime rules of a ticket (contract section 4, "Ticket lifetime").</summary>
public static class TicketRules
{
    public const int MaxTtlSeconds = 432_000;
    public const int MaxOpens = 10;
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(5);

    /// <summary>The path of the setup flow a ticket URL points to.</summary>
    public const string FlowPath = "/self-service/connections-flow";

    /// <summary>The longest default lifetime a tenant may set, in days (<see cref="MaxTtlSeconds"/>).</summary>
    public const int MaxDefaultLifetimeDays = MaxTtlSeconds / 86_400;

    /// <summary>
    /// <c>ttl_sec</c> as the contract resolves it: 0 or absent mean the tenant's default lifetime
    /// (<paramref name="tenantDefaultDays"/>), or the maximum, 5 days, when the tenant has set none.
    /// </summary>
    public static int EffectiveTtlSeconds(int? ttlSec, int? tenantDefaultDays = null) =>
        ttlSec is null or 0 ? DefaultTtlSeconds(tenantDefaultDays) : ttlSec.Value;

    /// <summary>The lifetime of a ticket issued without <c>ttl_sec</c>, in seconds.</summary>
    public static int DefaultTtlSeconds(int? tenantDefaultDays) =>
        tenantDefaultDays is { } days and >= 1 and <= MaxDefaultLifetimeDays ? days * 86_400 : MaxTtlSeconds;

    /// <summary>
    /// The ticket URL: <c>{scheme}://{host}/self-service/connections-flow?ticket={id}</c>, the scheme the app is reached
    /// with (<see cref="ILinkSchemeService"/>; https unless it serves plain http).
    /// </summary>
    public static string Url(string host, string secret, string scheme = "https") => $"{scheme}://{host}{FlowPath}?ticket={secret}";

    /// <summary>
    /// A ticket's state at <paramref name="now"/>, by precedence: Revoked, Completed, Exhausted (opened
    /// <see cref="MaxOpens"/> times), Expired (never opened and past <c>ExpiresAt</c>, or opened and past
    /// <c>FirstOpenedAt + 5 h</c>), Opened, Active.
    /// </summary>
    public static TicketStatus StatusAt(
        DateTime now,
        DateTime expiresAt,
        DateTime? firstOpenedAt,
        int openCount,
        DateTime? revokedAt,
        DateTime? completedAt
    )
    {
        if (revokedAt is not null)
        {
            return TicketStatus.Revoked;
        }

        if (completedAt is not null)
        {
            return TicketStatus.Completed;
        }

        if (openCount >= MaxOpens)
        {
            return TicketStatus.Exhausted;
        }

        if (firstOpenedAt is { } opened)
        {
            return now >= opened + SessionLifetime ? TicketStatus.Expired : TicketStatus.Opened;
        }

        return now >= expiresAt ? TicketStatus.Expired : TicketStatus.Active;
    }

    /// <summary>A ticket's state at <paramref name="now"/> (see the other overload).</summary>
    public static TicketStatus StatusAt(this SsoTicket ticket, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return StatusAt(now, ticket.ExpiresAt, ticket.FirstOpenedAt, ticket.OpenCount, ticket.RevokedAt, ticket.CompletedAt);
    }

    /// <summary>Whether a ticket in this state may be opened (once more): only Active and Opened tickets can.</summary>
    public static bool CanOpen(TicketStatus status) => status is TicketStatus.Active or TicketStatus.Opened;
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
