namespace SspPortal.Application.SetupFlow;

/// <summary>
/// Which tenant a setup-flow request belongs to, for its rate-limit budget: the tenant of a usable ticket or of an
/// active session. Nothing is counted or changed; an unknown, spent or revoked credential belongs to no tenant.
/// </summary>
public interface IFlowTenantResolver
{
    /// <summary>The tenant of the ticket with this secret, when the ticket can still be opened; else null.</summary>
    Task<string?> TenantOfUsableTicketAsync(string ticketSecret, CancellationToken cancellationToken = default);

    /// <summary>The tenant of the session with this token, when it and its ticket are still usable; else null.</summary>
    Task<string?> TenantOfActiveSessionAsync(string sessionToken, CancellationToken cancellationToken = default);
}
