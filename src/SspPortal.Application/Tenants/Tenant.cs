namespace SspPortal.Application.Tenants;

/// <summary>A customer of SspPortal: its own profiles, tickets, connections and users.</summary>
public sealed class Tenant
{
    /// <summary>A slug: lower-case letters, digits and dashes (e.g. <c>acme</c>).</summary>
    public required string Id { get; init; }

    public required string DisplayName { get; set; }

    /// <summary>The host (with an optional port) ticket URLs use, e.g. <c>acme.example.com</c>.</summary>
    public required string Domain { get; set; }

    /// <summary>Extra hosts a ticket may be issued for (the <c>auth0-custom-domain</c> header).</summary>
    public List<string> CustomDomains { get; set; } = [];

    /// <summary>Overrides <c>SelfService:MaxProfilesPerTenant</c> for this tenant when set (1–20).</summary>
    public int? MaxProfiles { get; set; }

    /// <summary>The Entra ID (Azure AD) tenant id whose users sign in to this tenant's portal (<c>tid</c> claim).</summary>
    public string? EntraTenantId { get; set; }

    /// <summary>
    /// Where the tenant's own sign-in system receives IdP responses. Defaults to <c>https://{Domain}/login/callback</c>.
    /// </summary>
    public string? LoginCallbackUrl { get; set; }

    /// <summary>
    /// The entity id of a connection at the tenant's sign-in system, with <c>{connection}</c> standing for the
    /// connection's name. Defaults to <c>urn:sspportal:{tenant id}:{connection}</c>.
    /// </summary>
    public string? EntityIdTemplate { get; set; }

    /// <summary>
    /// How many days a ticket issued without <c>ttl_sec</c> stays usable before its first opening (1–5); null means
    /// the contract's default, the maximum of 5 days. A tenant Admin changes it on the Settings page.
    /// </summary>
    public int? DefaultTicketLifetimeDays { get; set; }

    public DateTime CreatedAt { get; init; }
}
