using Microsoft.AspNetCore.Components.Forms;
using SspPortal.Application.Tickets;
using SspPortal.Web.Components.Portal;

namespace SspPortal.Web.Components.Pages.Tickets;

public enum ConnectionMode
{
    New,
    Existing,
}

public enum LifetimeUnit
{
    Hours,
    Days,
}

/// <summary>An organization the new or edited connection is enabled for.</summary>
public sealed class OrganizationRow
{
    public Guid Key { get; } = Guid.NewGuid();

    public string OrganizationId { get; set; } = "";

    public bool AssignMembershipOnLogin { get; set; }

    public bool ShowAsButton { get; set; } = true;
}

/// <summary>The "Issue ticket" form. Turns into the same <see cref="IssueTicketRequest"/> the API receives.</summary>
public sealed class IssueTicketModel
{
    public const string OrganizationsField = "Organizations";
    public const string ScopesField = "Scopes";
    public const string FeaturesField = "Features";
    public const string GoogleWorkspaceField = "GoogleWorkspace";
    public const string GeneralField = "General";

    /// <summary>The provisioning scopes of the contract, in a stable order.</summary>
    public static readonly IReadOnlyList<string> AllScopes =
    [
        "get:users", "post:users", "put:users", "patch:users", "delete:users",
        "get:groups", "post:groups", "put:groups", "patch:groups", "delete:groups",
    ];

    public ConnectionMode Mode { get; set; } = ConnectionMode.New;

    public string ConnectionName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>One domain per line (commas work too).</summary>
    public string DomainAliases { get; set; } = "";

    public bool ShowAsButton { get; set; }

    public bool IsDomainConnection { get; set; }

    public string ExistingConnectionId { get; set; } = "";

    public bool FeatureSso { get; set; } = true;

    public bool FeatureDomainVerification { get; set; }

    public bool FeatureProvisioning { get; set; }

    public string EnabledClients { get; set; } = "";

    public List<OrganizationRow> Organizations { get; } = [];

    public int Lifetime { get; set; } = 5;

    public LifetimeUnit Unit { get; set; } = LifetimeUnit.Days;

    /// <summary>Empty: not sent. Otherwise none, optional or required.</summary>
    public string DomainVerification { get; set; } = "";

    public string PendingDomains { get; set; } = "";

    public bool ProvisioningEnabled { get; set; }

    public HashSet<string> Scopes { get; } = new(StringComparer.Ordinal);

    /// <summary>Seconds; empty means no limit.</summary>
    public int? TokenLifetime { get; set; }

    public bool GoogleWorkspace { get; set; }

    public bool GoogleSyncUsers { get; set; } = true;

    public bool GoogleSyncGroups { get; set; }

    public bool UseForOrganizationDiscovery { get; set; }

    /// <summary>Empty: the tenant's own domain.</summary>
    public string CustomDomain { get; set; } = "";

    /// <summary>
    /// The lifetime in seconds, as the API's <c>ttl_sec</c> (0: the default, 5 days). Computed without overflow: a
    /// huge number stays huge, so the shared validator reports it instead of a wrapped-around small value passing.
    /// </summary>
    public int TtlSeconds => (int)Math.Clamp((long)Lifetime * (Unit == LifetimeUnit.Hours ? 3600 : 86400), int.MinValue, int.MaxValue);

    public IssueTicketRequest ToRequest()
    {
        var aliases = SplitList(DomainAliases);
        var clients = SplitList(EnabledClients);
        var pending = SplitList(PendingDomains);
        return new IssueTicketRequest
        {
            ConnectionId = Mode == ConnectionMode.Existing ? ExistingConnectionId.Trim() : null,
            ConnectionConfig = Mode == ConnectionMode.New
                ? new ConnectionConfigInput
                {
                    Name = ConnectionName.Trim(),
                    DisplayName = string.IsNullOrWhiteSpace(DisplayName) ? null : DisplayName.Trim(),
                    ShowAsButton = ShowAsButton,
                    IsDomainConnection = IsDomainConnection,
                    Options = aliases.Count == 0 ? null : new ConnectionOptionsInput { DomainAliases = aliases },
                }
                : null,
            EnabledFeatures = Mode == ConnectionMode.Existing
                ? new EnabledFeaturesInput
                {
                    Sso = FeatureSso,
                    DomainVerification = FeatureDomainVerification,
                    Provisioning = FeatureProvisioning,
                }
                : null,
            EnabledClients = clients.Count == 0 ? null : clients,
            EnabledOrganizations = Organizations.Count == 0
                ? null
                : Organizations
                    .Select(o => (EnabledOrganizationInput?)new EnabledOrganizationInput
                    {
                        OrganizationId = o.OrganizationId.Trim(),
                        AssignMembershipOnLogin = o.AssignMembershipOnLogin,
                        ShowAsButton = o.ShowAsButton,
                    })
                    .ToList(),
            TtlSec = TtlSeconds,
            DomainAliasesConfig = string.IsNullOrEmpty(DomainVerification)
                ? null
                : new DomainAliasesConfigInput
                {
                    DomainVerification = DomainVerification,
                    PendingDomains = pending.Count == 0 ? null : pending,
                },
            ProvisioningConfig = ProvisioningEnabled
                ? new ProvisioningConfigInput
                {
                    Scopes = Scopes.Count == 0 ? null : AllScopes.Where(Scopes.Contains).Cast<string?>().ToList(),
                    TokenLifetime = TokenLifetime,
                    GoogleWorkspace = GoogleWorkspace ? new GoogleWorkspaceInput { SyncUsers = GoogleSyncUsers, SyncGroups = GoogleSyncGroups } : null,
                }
                : null,
            UseForOrganizationDiscovery = UseForOrganizationDiscovery ? true : null,
        };
    }

    private static List<string?> SplitList(string text) =>
        [.. text.Split([',', '\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The form field a service error path points at; anything else shows above the form.</summary>
    public FieldIdentifier? MapPath(string path) =>
        FieldPath.Parse(path) switch
        {
            [{ Name: "connection_id" }] => new FieldIdentifier(this, nameof(ExistingConnectionId)),
            [{ Name: "connection_config" }, { Name: "name" }] => new FieldIdentifier(this, nameof(ConnectionName)),
            [{ Name: "connection_config" }, { Name: "display_name" }] => new FieldIdentifier(this, nameof(DisplayName)),
            [{ Name: "connection_config" }, { Name: "options" }, ..] => new FieldIdentifier(this, nameof(DomainAliases)),
            [{ Name: "connection_config" }, ..] => new FieldIdentifier(this, nameof(ConnectionName)),
            [{ Name: "enabled_features" }, ..] => new FieldIdentifier(this, FeaturesField),
            [{ Name: "enabled_clients" }, ..] => new FieldIdentifier(this, nameof(EnabledClients)),
            [{ Name: "enabled_organizations", Index: { } i }, ..] when i >= 0 && i < Organizations.Count =>
                new FieldIdentifier(Organizations[i], nameof(OrganizationRow.OrganizationId)),
            [{ Name: "enabled_organizations" }, ..] => new FieldIdentifier(this, OrganizationsField),
            [{ Name: "ttl_sec" }] => new FieldIdentifier(this, nameof(Lifetime)),
            [{ Name: "domain_aliases_config" }, { Name: "pending_domains" }, ..] => new FieldIdentifier(this, nameof(PendingDomains)),
            [{ Name: "domain_aliases_config" }, ..] => new FieldIdentifier(this, nameof(DomainVerification)),
            [{ Name: "provisioning_config" }, { Name: "token_lifetime" }] => new FieldIdentifier(this, nameof(TokenLifetime)),
            [{ Name: "provisioning_config" }, { Name: "google_workspace" }, ..] => new FieldIdentifier(this, GoogleWorkspaceField),
            [{ Name: "provisioning_config" }, ..] => new FieldIdentifier(this, ScopesField),
            [{ Name: "use_for_organization_discovery" }] => new FieldIdentifier(this, nameof(UseForOrganizationDiscovery)),
            [{ Name: var name }] when name.Contains("custom-domain", StringComparison.OrdinalIgnoreCase)
                || name.Contains("custom_domain", StringComparison.OrdinalIgnoreCase) => new FieldIdentifier(this, nameof(CustomDomain)),
            _ => null,
        };
}
