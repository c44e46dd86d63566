using SspPortal.Application.Common;

namespace SspPortal.Application.SetupFlow;

/// <summary>
/// One visitor's way through the setup flow, started by opening a ticket URL. The browser holds a random
/// session token in a cookie; only its SHA-256 is stored. A session never outlives its ticket's five hours.
/// </summary>
public sealed class FlowSession : ITenantOwned
{
    public Guid Id { get; init; }

    public required string TenantId { get; init; }

    /// <summary>The internal id of the ticket the session was started from.</summary>
    public Guid TicketId { get; init; }

    public required byte[] TokenHash { get; init; }

    public DateTime CreatedAt { get; init; }

    /// <summary>The ticket's first opening plus five hours.</summary>
    public DateTime ExpiresAt { get; init; }

    /// <summary>Set when the flow finished (or the session was ended otherwise).</summary>
    public DateTime? EndedAt { get; set; }

    /// <summary>The step the visitor is on (<see cref="FlowStep"/> as text).</summary>
    public string Step { get; set; } = nameof(FlowStep.GetStarted);

    /// <summary>The chosen strategy, once chosen.</summary>
    public string? Strategy { get; set; }

    /// <summary>The values entered so far (<see cref="FlowDraft"/> as JSON); the client secret in it is protected.</summary>
    public string? DraftJson { get; set; }

    /// <summary>The state of a running OIDC test sign-in (state, nonce, PKCE verifier) as JSON.</summary>
    public string? TestStateJson { get; set; }

    /// <summary>The last connection test report as JSON.</summary>
    public string? TestResultJson { get; set; }

    public DateTime? TestCompletedAt { get; set; }

    /// <summary>The connection the flow created or updated.</summary>
    public string? ConnectionId { get; set; }
}
