using SspPortal.Application.Common;

namespace SspPortal.Application.Tickets;

/// <summary>
/// An issued SSO ticket. The secret id in the URL is never stored: only its SHA-256.
/// <see cref="Id"/> is an internal handle the portal uses to name a ticket.
/// </summary>
public sealed class SsoTicket : ITenantOwned
{
    public Guid Id { get; init; }

    public required string TenantId { get; init; }

    public required string ProfileId { get; init; }

    public required byte[] SecretHash { get; init; }

    /// <summary>Who issued it (actor display name and subject).</summary>
    public required string IssuedBy { get; init; }

    public DateTime CreatedAt { get; init; }

    /// <summary>The latest time of the first opening (created + ttl).</summary>
    public DateTime ExpiresAt { get; init; }

    public DateTime? FirstOpenedAt { get; set; }

    public int OpenCount { get; set; }

    public DateTime? RevokedAt { get; set; }

    /// <summary>The connection this ticket edits (<c>connection_id</c>) or reserved (<c>connection_config</c>).</summary>
    public string? ConnectionId { get; set; }

    /// <summary>The host the URL was issued for.</summary>
    public required string Domain { get; init; }

    /// <summary>The ticket request exactly as issued, as JSON (snake_case, the wire shape).</summary>
    public required string RequestJson { get; init; }

    /// <summary>When the flow finished and created or updated the connection.</summary>
    public DateTime? CompletedAt { get; set; }
}
