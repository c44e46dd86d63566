using SspPortal.Application.Common;
using SspPortal.Application.Tickets;

namespace SspPortal.Web.Api.Binding;

/// <summary>The wire schema of an SSO ticket request (contract section 4). Every object is closed.</summary>
public static class TicketBinding
{
    private static readonly string[] TicketFields =
    [
        "connection_id",
        "connection_config",
        "enabled_clients",
        "enabled_organizations",
        "ttl_sec",
        "domain_aliases_config",
        "provisioning_config",
        "use_for_organization_discovery",
        "enabled_features",
    ];

    private static readonly string[] ConnectionConfigFields =
    [
        "name",
        "display_name",
        "is_domain_connection",
        "show_as_button",
        "metadata",
        "options",
    ];

    private static readonly string[] OptionsFields = ["icon_url", "domain_aliases", "idpinitiated"];
    private static readonly string[] IdpInitiatedFields = ["enabled", "client_id", "client_protocol", "client_authorizequery"];
    private static readonly string[] OrganizationFields = ["organization_id", "assign_membership_on_login", "show_as_button"];
    private static readonly string[] DomainAliasesConfigFields = ["domain_verification", "pending_domains"];
    private static readonly string[] ProvisioningFields = ["scopes", "token_lifetime", "google_workspace"];
    private static readonly string[] GoogleWorkspaceFields = ["sync_users", "sync_groups"];
    private static readonly string[] FeatureFields = ["sso", "domain_verification", "provisioning"];

    public static Result<IssueTicketRequest> Issue(RequestBody.Read body) =>
        WireReader.Bind(
            body,
            TicketFields,
            o => new IssueTicketRequest
            {
                ConnectionId = o.String("connection_id"),
                ConnectionConfig = o.Object("connection_config", ConnectionConfigFields, ReadConnectionConfig),
                EnabledClients = o.Strings("enabled_clients"),
                EnabledOrganizations = o.Objects("enabled_organizations", OrganizationFields, ReadOrganization),
                TtlSec = o.Int("ttl_sec"),
                DomainAliasesConfig = o.Object("domain_aliases_config", DomainAliasesConfigFields, ReadDomainAliasesConfig),
                ProvisioningConfig = o.Object("provisioning_config", ProvisioningFields, ReadProvisioning),
                UseForOrganizationDiscovery = o.Bool("use_for_organization_discovery"),
                EnabledFeatures = o.Object("enabled_features", FeatureFields, ReadFeatures),
            }
        );

    private static ConnectionConfigInput ReadConnectionConfig(WireObject o) =>
        new()
        {
            Name = o.String("name"),
            DisplayName = o.String("display_name"),
            IsDomainConnection = o.Bool("is_domain_connection"),
            ShowAsButton = o.Bool("show_as_button"),
            Metadata = o.StringMap("metadata", nullValues: true),
            Options = o.Object("options", OptionsFields, ReadOptions),
        };

    private static ConnectionOptionsInput ReadOptions(WireObject o) =>
        new()
        {
            IconUrl = o.String("icon_url", nullable: true),
            DomainAliases = o.Strings("domain_aliases"),
            Idpinitiated = o.Object(
                "idpinitiated",
                IdpInitiatedFields,
                i => new IdpInitiatedInput
                {
                    Enabled = i.Bool("enabled"),
                    ClientId = i.String("client_id"),
                    ClientProtocol = i.String("client_protocol"),
                    ClientAuthorizequery = i.String("client_authorizequery"),
                }
            ),
        };

    private static EnabledOrganizationInput ReadOrganization(WireObject o) =>
        new()
        {
            OrganizationId = o.String("organization_id"),
            AssignMembershipOnLogin = o.Bool("assign_membership_on_login"),
            ShowAsButton = o.Bool("show_as_button"),
        };

    private static DomainAliasesConfigInput ReadDomainAliasesConfig(WireObject o) =>
        new() { DomainVerification = o.String("domain_verification"), PendingDomains = o.Strings("pending_domains") };

    private static ProvisioningConfigInput ReadProvisioning(WireObject o) =>
        new()
        {
            Scopes = o.Strings("scopes"),
            TokenLifetime = o.Int("token_lifetime", nullable: true),
            GoogleWorkspace = o.Object(
                "google_workspace",
                GoogleWorkspaceFields,
                g => new GoogleWorkspaceInput { SyncUsers = g.Bool("sync_users"), SyncGroups = g.Bool("sync_groups") }
            ),
        };

    private static EnabledFeaturesInput ReadFeatures(WireObject o) =>
        new()
        {
            Sso = o.Bool("sso"),
            DomainVerification = o.Bool("domain_verification"),
            Provisioning = o.Bool("provisioning"),
        };
}
