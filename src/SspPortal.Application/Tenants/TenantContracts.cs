namespace SspPortal.Application.Tenants;

public sealed record TenantDto(
    string Id,
    string DisplayName,
    string Domain,
    IReadOnlyList<string> CustomDomains,
    int? MaxProfiles,
    string? EntraTenantId,
    string? LoginCallbackUrl
);

/// <summary>A new tenant; <c>MaxProfiles</c> overrides <c>SelfService:MaxProfilesPerTenant</c> for it when set.</summary>
public sealed record AddTenantRequest(
    string Id,
    string Domain,
    string? DisplayName,
    IReadOnlyList<string> CustomDomains,
    int? MaxProfiles = null
);

/// <summary>Operator-level tenant administration (the <c>tenants</c> command) and lookups by the doors.</summary>
public interface ITenantDirectory
{
    Task<TenantDto?> FindAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>The tenant whose Entra tenant id is this <c>tid</c>.</summary>
    Task<TenantDto?> FindByEntraTenantIdAsync(string entraTenantId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TenantDto>> ListAsync(CancellationToken cancellationToken = default);

    Task<Common.Result<TenantDto>> AddAsync(AddTenantRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates the tenant if missing, or updates its domain; used for the Development <c>dev</c> tenant.</summary>
    Task<TenantDto> EnsureAsync(AddTenantRequest request, CancellationToken cancellationToken = default);
}
