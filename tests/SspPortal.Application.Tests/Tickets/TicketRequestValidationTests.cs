using Microsoft.EntityFrameworkCore;
using SspPortal.Application.Tickets;

namespace SspPortal.Application.Tests.Tickets;

public sealed class TicketRequestValidationTests : TicketTestBase
{
    private static IssueTicketRequest WithConfig(ConnectionConfigInput config) => new() { ConnectionConfig = config };

    private static IssueTicketRequest WithOptions(ConnectionOptionsInput options) =>
        WithConfig(new ConnectionConfigInput { Name = "acme", Options = options });

    private static IssueTicketRequest WithProvisioning(ProvisioningConfigInput config) => new() { ProvisioningConfig = config };

    private static Dictionary<string, string?> Metadata(int keys, int valueLength = 1) =>
        Enumerable.Range(0, keys).ToDictionary(i => $"k{i}", _ => (string?)new string('v', valueLength));

    private static readonly EnabledOrganizationInput Org = new() { OrganizationId = "org_1" };

    public static TheoryData<string, IssueTicketRequest> ValidRequests =>
        new()
        {
            { "empty body", new IssueTicketRequest() },
            { "name 1 char", WithConfig(new ConnectionConfigInput { Name = "a" }) },
            { "name 128 chars", WithConfig(new ConnectionConfigInput { Name = new string('a', 128) }) },
            { "name with dashes", WithConfig(new ConnectionConfigInput { Name = "a-b-c1" }) },
            { "display name 128", WithConfig(new ConnectionConfigInput { Name = "a", DisplayName = new string('d', 128) }) },
            { "metadata 10 keys", WithConfig(new ConnectionConfigInput { Name = "a", Metadata = Metadata(10) }) },
            { "metadata value 255", WithConfig(new ConnectionConfigInput { Name = "a", Metadata = Metadata(1, 255) }) },
            {
                "metadata value null",
                WithConfig(new ConnectionConfigInput { Name = "a", Metadata = new Dictionary<string, string?> { ["k"] = null } })
            },
            { "icon https", WithOptions(new ConnectionOptionsInput { IconUrl = "https://cdn.acme.test/i.png" }) },
            { "icon null", WithOptions(new ConnectionOptionsInput { IconUrl = null }) },
            { "alias 255 chars", WithOptions(new ConnectionOptionsInput { DomainAliases = [new string('a', 63) + "." + new string('b', 63) + "." + new string('c', 63) + "." + new string('d', 63)] }) },
            { "idp samlp", WithOptions(new ConnectionOptionsInput { Idpinitiated = new IdpInitiatedInput { ClientProtocol = "samlp" } }) },
            { "idp wsfed", WithOptions(new ConnectionOptionsInput { Idpinitiated = new IdpInitiatedInput { ClientProtocol = "wsfed" } }) },
            {
                "idp oauth2 + query 256",
                WithOptions(
                    new ConnectionOptionsInput
                    {
                        Idpinitiated = new IdpInitiatedInput
                        {
                            Enabled = true,
                            ClientId = "c",
                            ClientProtocol = "oauth2",
                            ClientAuthorizequery = new string('q', 256),
                        },
                    }
                )
            },
            { "org id 50", new IssueTicketRequest { EnabledOrganizations = [new EnabledOrganizationInput { OrganizationId = "org_" + new string('a', 46) }] } },
            { "verification none", new IssueTicketRequest { DomainAliasesConfig = new DomainAliasesConfigInput { DomainVerification = "none" } } },
            {
                "pending with required",
                new IssueTicketRequest { DomainAliasesConfig = new DomainAliasesConfigInput { DomainVerification = "required", PendingDomains = ["a.test"] } }
            },
            { "scopes all ten", WithProvisioning(new ProvisioningConfigInput { Scopes = [.. TicketRequestRules.ProvisioningScopes] }) },
            { "token lifetime 900", WithProvisioning(new ProvisioningConfigInput { Scopes = ["get:users"], TokenLifetime = 900 }) },
            { "token lifetime null", WithProvisioning(new ProvisioningConfigInput { Scopes = ["get:users"], TokenLifetime = null }) },
            {
                "discovery with alias",
                new IssueTicketRequest
                {
                    UseForOrganizationDiscovery = true,
                    EnabledOrganizations = [Org],
                    ConnectionConfig = new ConnectionConfigInput { Name = "a", Options = new ConnectionOptionsInput { DomainAliases = ["a.test"] } },
                }
            },
            {
                "discovery with optional verification",
                new IssueTicketRequest
                {
                    UseForOrganizationDiscovery = true,
                    EnabledOrganizations = [Org],
                    DomainAliasesConfig = new DomainAliasesConfigInput { DomainVerification = "optional" },
                }
            },
            { "discovery false", new IssueTicketRequest { UseForOrganizationDiscovery = false } },
        };

    [Theory]
    [MemberData(nameof(ValidRequests))]
    public async Task Issue_Succeeds_WhenRequestValid(string because, IssueTicketRequest request)
    {
        var result = await IssueAsync(request);

        Assert.True(result.IsOk, because + ": " + Describe(result));
    }

    [Theory]
    [InlineData("get:users")]
    [InlineData("post:users")]
    [InlineData("put:users")]
    [InlineData("patch:users")]
    [InlineData("delete:users")]
    [InlineData("get:groups")]
    [InlineData("post:groups")]
    [InlineData("put:groups")]
    [InlineData("patch:groups")]
    [InlineData("delete:groups")]
    public async Task Issue_AcceptsProvisioningScope_WhenInEnum(string scope) =>
        AssertOk(await IssueAsync(WithProvisioning(new ProvisioningConfigInput { Scopes = [scope] })));

    [Theory]
    [InlineData(null, true, false)]
    [InlineData(true, null, false)]
    [InlineData(false, false, false)]
    public async Task Issue_AcceptsEnabledFeatures_WhenWithConnectionId(bool? sso, bool? domainVerification, bool? provisioning)
    {
        var connectionId = await SeedConnectionAsync();

        var result = await IssueAsync(
            new IssueTicketRequest
            {
                ConnectionId = connectionId,
                EnabledFeatures = new EnabledFeaturesInput { Sso = sso, DomainVerification = domainVerification, Provisioning = provisioning },
            }
        );

        AssertOk(result);
    }

    [Fact]
    public async Task Issue_AcceptsProvisioningFeature_WhenProvisioningConfigSent()
    {
        var connectionId = await SeedConnectionAsync();

        var result = await IssueAsync(
            new IssueTicketRequest
            {
                ConnectionId = connectionId,
                EnabledFeatures = new EnabledFeaturesInput { Provisioning = true },
                ProvisioningConfig = new ProvisioningConfigInput { Scopes = ["get:users"] },
            }
        );

        AssertOk(result);
    }

    public static TheoryData<IssueTicketRequest, string, string> InvalidRequests =>
        new()
        {
            { WithConfig(new ConnectionConfigInput()), "connection_config.name", "Missing required property: name" },
            { WithConfig(new ConnectionConfigInput { Name = "" }), "connection_config.name", "String is too short (0 chars), minimum 1" },
            { WithConfig(new ConnectionConfigInput { Name = new string('a', 129) }), "connection_config.name", "String is too long (129 chars), maximum 128" },
            { WithConfig(new ConnectionConfigInput { Name = "-abc" }), "connection_config.name", "String does not match pattern: ^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$" },
            { WithConfig(new ConnectionConfigInput { Name = "abc-" }), "connection_config.name", "String does not match pattern" },
            { WithConfig(new ConnectionConfigInput { Name = "a--b" }), "connection_config.name", "String does not match pattern" },
            { WithConfig(new ConnectionConfigInput { Name = "a_b" }), "connection_config.name", "String does not match pattern" },
            { WithConfig(new ConnectionConfigInput { Name = "a b" }), "connection_config.name", "String does not match pattern" },
            {
                WithConfig(new ConnectionConfigInput { Name = "a", DisplayName = new string('d', 129) }),
                "connection_config.display_name",
                "String is too long (129 chars), maximum 128"
            },
            {
                WithConfig(new ConnectionConfigInput { Name = "a", Metadata = Metadata(11) }),
                "connection_config.metadata",
                "Too many properties defined (11), maximum 10"
            },
            {
                WithConfig(new ConnectionConfigInput { Name = "a", Metadata = Metadata(1, 256) }),
                "connection_config.metadata.k0",
                "String is too long (256 chars), maximum 255"
            },
            { WithOptions(new ConnectionOptionsInput { IconUrl = "http://cdn.acme.test/i.png" }), "connection_config.options.icon_url", "https" },
            { WithOptions(new ConnectionOptionsInput { IconUrl = "icon.png" }), "connection_config.options.icon_url", "https" },
            { WithOptions(new ConnectionOptionsInput { DomainAliases = ["nodot"] }), "connection_config.options.domain_aliases[0]", "String is not a valid domain name: \"nodot\"" },
            { WithOptions(new ConnectionOptionsInput { DomainAliases = ["ok.test", "-bad.test"] }), "connection_config.options.domain_aliases[1]", "not a valid domain" },
            { WithOptions(new ConnectionOptionsInput { DomainAliases = ["https://acme.test"] }), "connection_config.options.domain_aliases[0]", "not a valid domain" },
            { WithOptions(new ConnectionOptionsInput { DomainAliases = [""] }), "connection_config.options.domain_aliases[0]", "String is too short (0 chars), minimum 1" },
            { WithOptions(new ConnectionOptionsInput { DomainAliases = [new string('a', 252) + ".com"] }), "connection_config.options.domain_aliases[0]", "String is too long (256 chars), maximum 255" },
            { WithOptions(new ConnectionOptionsInput { DomainAliases = [null] }), "connection_config.options.domain_aliases[0]", "Expected type string but found type null" },
            {
                WithOptions(new ConnectionOptionsInput { Idpinitiated = new IdpInitiatedInput { ClientProtocol = "saml" } }),
                "connection_config.options.idpinitiated.client_protocol",
                "No enum match for: \"saml\""
            },
            {
                WithOptions(new ConnectionOptionsInput { Idpinitiated = new IdpInitiatedInput { ClientAuthorizequery = new string('q', 257) } }),
                "connection_config.options.idpinitiated.client_authorizequery",
                "String is too long (257 chars), maximum 256"
            },
            { new IssueTicketRequest { EnabledClients = [null] }, "enabled_clients[0]", "Expected type string but found type null" },
            { new IssueTicketRequest { EnabledClients = [""] }, "enabled_clients[0]", "String is too short" },
            { new IssueTicketRequest { EnabledOrganizations = [null] }, "enabled_organizations[0]", "Expected type object but found type null" },
            { new IssueTicketRequest { EnabledOrganizations = [new EnabledOrganizationInput()] }, "enabled_organizations[0].organization_id", "Missing required property: organization_id" },
            {
                new IssueTicketRequest { EnabledOrganizations = [new EnabledOrganizationInput { OrganizationId = "org_" + new string('a', 47) }] },
                "enabled_organizations[0].organization_id",
                "String is too long (51 chars), maximum 50"
            },
            {
                new IssueTicketRequest { EnabledOrganizations = [Org, new EnabledOrganizationInput { OrganizationId = "acme" }] },
                "enabled_organizations[1].organization_id",
                "String does not match pattern: ^org_[A-Za-z0-9]+$"
            },
            { new IssueTicketRequest { DomainAliasesConfig = new DomainAliasesConfigInput() }, "domain_aliases_config.domain_verification", "Missing required property: domain_verification" },
            {
                new IssueTicketRequest { DomainAliasesConfig = new DomainAliasesConfigInput { DomainVerification = "maybe" } },
                "domain_aliases_config.domain_verification",
                "No enum match for: \"maybe\""
            },
            {
                new IssueTicketRequest { DomainAliasesConfig = new DomainAliasesConfigInput { DomainVerification = "none", PendingDomains = ["a.test"] } },
                "domain_aliases_config.pending_domains",
                TicketRequestRules.PendingDomainsNeedVerificationReason
            },
            {
                new IssueTicketRequest { DomainAliasesConfig = new DomainAliasesConfigInput { DomainVerification = "optional", PendingDomains = ["bad"] } },
                "domain_aliases_config.pending_domains[0]",
                "not a valid domain"
            },
            { WithProvisioning(new ProvisioningConfigInput()), "provisioning_config", TicketRequestRules.ProvisioningNeedsScopesOrWorkspaceReason },
            { WithProvisioning(new ProvisioningConfigInput { TokenLifetime = 900 }), "provisioning_config", TicketRequestRules.ProvisioningNeedsScopesOrWorkspaceReason },
            { WithProvisioning(new ProvisioningConfigInput { Scopes = [] }), "provisioning_config.scopes", "Array is too short (0), minimum 1" },
            { WithProvisioning(new ProvisioningConfigInput { Scopes = ["read:users"] }), "provisioning_config.scopes[0]", "No enum match for: \"read:users\"" },
            { WithProvisioning(new ProvisioningConfigInput { Scopes = ["get:users", "get:users"] }), "provisioning_config.scopes", "Array items are not unique" },
            { WithProvisioning(new ProvisioningConfigInput { Scopes = ["get:users"], TokenLifetime = 899 }), "provisioning_config.token_lifetime", "Value must be at least 900" },
            {
                WithProvisioning(new ProvisioningConfigInput { GoogleWorkspace = new GoogleWorkspaceInput { SyncGroups = true } }),
                "provisioning_config.google_workspace.sync_users",
                "Missing required property: sync_users"
            },
            { new IssueTicketRequest { UseForOrganizationDiscovery = true }, "use_for_organization_discovery", TicketRequestRules.DiscoveryNeedsOneOrganizationReason },
            {
                new IssueTicketRequest
                {
                    UseForOrganizationDiscovery = true,
                    EnabledOrganizations = [Org, new EnabledOrganizationInput { OrganizationId = "org_2" }],
                    DomainAliasesConfig = new DomainAliasesConfigInput { DomainVerification = "required" },
                },
                "use_for_organization_discovery",
                TicketRequestRules.DiscoveryNeedsOneOrganizationReason
            },
            {
                new IssueTicketRequest
                {
                    UseForOrganizationDiscovery = true,
                    EnabledOrganizations = [Org],
                    DomainAliasesConfig = new DomainAliasesConfigInput { DomainVerification = "none" },
                },
                "use_for_organization_discovery",
                TicketRequestRules.DiscoveryNeedsDomainsReason
            },
            {
                new IssueTicketRequest { EnabledFeatures = new EnabledFeaturesInput { Sso = true } },
                "enabled_features",
                TicketRequestRules.EnabledFeaturesNeedConnectionReason
            },
        };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Issue_ReturnsInvalid_WhenRequestBreaksRule(IssueTicketRequest request, string path, string reason)
    {
        var result = await IssueAsync(request);

        AssertInvalid(result, path, reason);
        Assert.Equal(0, await DbAsync(db => db.Tickets.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task Issue_ReturnsInvalid_WhenEnabledFeaturesEmpty()
    {
        var connectionId = await SeedConnectionAsync();

        var result = await IssueAsync(new IssueTicketRequest { ConnectionId = connectionId, EnabledFeatures = new EnabledFeaturesInput() });

        AssertInvalid(result, "enabled_features", "Too few properties defined (0), minimum 1");
    }

    [Fact]
    public async Task Issue_ReturnsInvalid_WhenProvisioningFeatureWithoutConfig()
    {
        var connectionId = await SeedConnectionAsync();

        var result = await IssueAsync(
            new IssueTicketRequest { ConnectionId = connectionId, EnabledFeatures = new EnabledFeaturesInput { Provisioning = true } }
        );

        AssertInvalid(result, "enabled_features.provisioning", TicketRequestRules.ProvisioningNeedsConfigReason);
    }
}
