namespace SspPortal.Application.Tenants;

public sealed record TenantDto(
    string Id,
    string DisplayName,
    string Domain,
    IReadOnlyList<string> CustomDomains,
    int? MaxProfiles,
    string? EntraTenantId,
    string? LoginCallbackUrl,
    string? EntityIdTemplate = null
);

/// <summary>
/// A new tenant; <c>MaxProfiles</c> overrides <c>SelfService:MaxProfilesPerTenant</c> for it when set.
/// <c>EntraTenantId</c> maps portal users signing in through Entra ID (their <c>tid</c>) to this tenant;
/// <c>LoginCallbackUrl</c> is where the tenant's own sign-in system receives IdP responses, and
/// <c>EntityIdTemplate</c> its entity id for a connection (<c>{connection}</c> stands for the connection's name).
/// </summary>
public sealed record AddTenantRequest(
    string Id,
    string Domain,
    string? DisplayName,
    IReadOnlyList<string> CustomDomains,
    int? MaxProfiles = null,
    string? EntraTenantId = null,
    string? LoginCallbackUrl = null,
    string? EntityIdTemplate = null
);

/// <summary>
/// Changes to an existing tenant: a null value keeps the current one. <c>CustomDomains</c> replaces the whole list;
/// an empty <c>EntraTenantId</c>, <c>LoginCallbackUrl</c> or <c>EntityIdTemplate</c> clears it.
/// </summary>
public sealed record UpdateTenantRequest(
    string Id,
    string? Domain = null,
    string? DisplayName = null,
    IReadOnlyList<string>? CustomDomains = null,
    int? MaxProfiles = null,
    string? EntraTenantId = null,
    string? LoginCallbackUrl = null,
    string? EntityIdTemplate = null
);

/// <summary>Operator-level tenant administration (the <c>tenants</c> command) and lookups by the doors.</summary>
public interface ITenantDirectory
{
    Task<TenantDto?> FindAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>The tenant whose Entra tenant id is this <c>tid</c>.</summary>
    Task<TenantDto?> FindByEntraTenantIdAsync(string entraTenantId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TenantDto>> ListAsync(CancellationToken cancellationToken = default);

    Task<Common.Result<TenantDto>> AddAsync(AddTenantRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes an existing tenant (NotFound when there is none with that id).</summary>
    Task<Common.Result<TenantDto>> UpdateAsync(UpdateTenantRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates the tenant if missing, or updates its domain; used for the Development <c>dev</c> tenant.</summary>
    Task<TenantDto> EnsureAsync(AddTenantRequest request, CancellationToken cancellationToken = default);
}
