using SspPortal.Application.Common;

namespace SspPortal.Application.Connections;

/// <summary>An enterprise connection of a tenant (contract section 5).</summary>
public sealed class Connection : ITenantOwned
{
    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required string Name { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>Set when the flow chooses the identity provider; null while only reserved.</summary>
    public string? Strategy { get; set; }

    /// <summary>Strategy-specific options as a JSON object. Secrets in it are protected with Data Protection.</summary>
    public string OptionsJson { get; set; } = "{}";

    public List<string> DomainAliases { get; set; } = [];

    public List<string> EnabledClients { get; set; } = [];

    /// <summary>Enabled organizations as a JSON array of <c>{organization_id, assign_membership_on_login, show_as_button}</c>.</summary>
    public string EnabledOrganizationsJson { get; set; } = "[]";

    public bool IsDomainConnection { get; set; }

    public bool ShowAsButton { get; set; }

    public Dictionary<string, string?> Metadata { get; set; } = [];

    /// <summary>False until the setup flow finishes.</summary>
    public bool Enabled { get; set; }

    /// <summary>The internal id of the ticket that created (or reserved) it.</summary>
    public Guid? CreatedFromTicketId { get; set; }

    /// <summary>
    /// Whether the setup flow's last connection test before it saved these settings passed; null when the flow saved
    /// them without a test (or before tests were recorded).
    /// </summary>
    public bool? LastTestPassed { get; set; }

    /// <summary>When that test ran.</summary>
    public DateTime? LastTestedAt { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }
}
