using SspPortal.Application.Common;

namespace SspPortal.Application.Tenants;

/// <summary>
/// The tenant's settings as the portal's Settings page shows them. <c>Domain</c>, <c>CustomDomains</c> and the
/// profile limit are operator settings (the <c>tenants</c> command); the rest a tenant Admin may change. The
/// <c>Default…</c> values are what the setup flow and ticket issue use when the tenant has set nothing, the
/// <c>Effective…</c> values what they use now.
/// </summary>
public sealed record TenantSettingsDto(
    string TenantId,
    string DisplayName,
    string Domain,
    IReadOnlyList<string> CustomDomains,
    int ProfileLimit,
    bool ProfileLimitIsTenantOverride,
    string? LoginCallbackUrl,
    string? EntityIdTemplate,
    int? DefaultTicketLifetimeDays,
    string DefaultLoginCallbackUrl,
    string DefaultEntityIdTemplate,
    string EffectiveLoginCallbackUrl,
    string EffectiveEntityIdTemplate,
    int EffectiveTicketLifetimeDays
);

/// <summary>
/// What a tenant Admin changes on the Settings page. An empty <c>LoginCallbackUrl</c> or <c>EntityIdTemplate</c>
/// and a null <c>DefaultTicketLifetimeDays</c> go back to the default.
/// </summary>
public sealed class UpdateTenantSettingsRequest
{
    public string? LoginCallbackUrl { get; set; }

    public string? EntityIdTemplate { get; set; }

    public int? DefaultTicketLifetimeDays { get; set; }
}

/// <summary>The tenant's own settings, read by everyone in the portal and changed by Admins (<c>update:tenant_settings</c>).</summary>
public interface ITenantSettingsService
{
    Task<Result<TenantSettingsDto>> GetAsync(Actor actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves the settings (audited). Invalid with field errors on <c>login_callback_url</c>, <c>entity_id_template</c>
    /// and <c>default_ticket_lifetime_days</c>.
    /// </summary>
    Task<Result<TenantSettingsDto>> UpdateAsync(Actor actor, UpdateTenantSettingsRequest request, CancellationToken cancellationToken = default);
}
