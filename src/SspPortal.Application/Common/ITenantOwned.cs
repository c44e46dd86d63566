namespace SspPortal.Application.Common;

/// <summary>An entity that belongs to exactly one tenant. The data layer filters every query on it by tenant.</summary>
public interface ITenantOwned
{
    string TenantId { get; }
}
