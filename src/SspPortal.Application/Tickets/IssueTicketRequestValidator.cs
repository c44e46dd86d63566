using FluentValidation;
using SspPortal.Application.Common;
using SspPortal.Application.Common.Validation;

namespace SspPortal.Application.Tickets;

/// <summary>POST /self-service-profiles/{id}/sso-ticket (contract section 4), every rule that needs only the request.</summary>
public sealed class IssueTicketRequestValidator : AbstractValidator<IssueTicketRequest>
{
    public IssueTicketRequestValidator()
    {
        RuleFor(r => r.ConnectionId)
            .Must(id => id is null || Ids.IsConnectionId(id))
            .WithMessage(WireRules.PatternMismatch(TicketRequestRules.ConnectionIdPattern))
            .OverridePropertyName("connection_id");
        RuleFor(r => r.ConnectionConfig)
            .Must((request, config) => config is null || request.ConnectionId is null)
            .WithMessage(TicketRequestRules.ConnectionChoiceReason)
            .SetValidator(new ConnectionConfigInputValidator()!)
            .OverridePropertyName("connection_config");

        RuleForEach(r => r.EnabledClients)
            .Must(client => client is not null)
            .WithMessage(WireRules.WrongType("string", "null"))
            .StringLength(1, int.MaxValue)
            .OverridePropertyName("enabled_clients");
        RuleForEach(r => r.EnabledOrganizations)
            .Must(organization => organization is not null)
            .WithMessage(WireRules.WrongType("object", "null"))
            .SetValidator(new EnabledOrganizationInputValidator()!)
            .OverridePropertyName("enabled_organizations");

        RuleFor(r => r.TtlSec)
            .Must(ttl => ttl is null || ttl >= 0)
            .WithMessage(WireRules.AtLeast(0))
            .Must(ttl => ttl is null || ttl <= TicketRules.MaxTtlSeconds)
            .WithMessage(WireRules.AtMost(TicketRules.MaxTtlSeconds))
            .OverridePropertyName("ttl_sec");

        RuleFor(r => r.DomainAliasesConfig).SetValidator(new DomainAliasesConfigInputValidator()!).OverridePropertyName("domain_aliases_config");
        RuleFor(r => r.ProvisioningConfig)
            .Must(p => p is null || p.Scopes is not null || p.GoogleWorkspace is not null)
            .WithMessage(TicketRequestRules.ProvisioningNeedsScopesOrWorkspaceReason)
            .SetValidator(new ProvisioningConfigInputValidator()!)
            .OverridePropertyName("provisioning_config");

        When(
            r => r.UseForOrganizationDiscovery == true,
            () =>
            {
                RuleFor(r => r.UseForOrganizationDiscovery)
                    .Must((request, _) => request.EnabledOrganizations is { Count: 1 })
                    .WithMessage(TicketRequestRules.DiscoveryNeedsOneOrganizationReason)
                    .Must((request, _) => HasDomainAliases(request) || VerifiesDomains(request))
                    .WithMessage(TicketRequestRules.DiscoveryNeedsDomainsReason)
                    .OverridePropertyName("use_for_organization_discovery");
            }
        );

        When(
            r => r.EnabledFeatures is not null,
            () =>
            {
                RuleFor(r => r.EnabledFeatures)
                    .Must((request, _) => request.ConnectionId is not null)
                    .WithMessage(TicketRequestRules.EnabledFeaturesNeedConnectionReason)
                    .Must(features => features!.Sso is not null || features.DomainVerification is not null || features.Provisioning is not null)
                    .WithMessage(TicketRequestRules.EnabledFeaturesEmptyReason)
                    .OverridePropertyName("enabled_features");
                RuleFor(r => r.EnabledFeatures!.Provisioning)
                    .Must((request, provisioning) => provisioning != true || request.ProvisioningConfig is not null)
                    .WithMessage(TicketRequestRules.ProvisioningNeedsConfigReason)
                    .OverridePropertyName("enabled_features.provisioning");
            }
        );
    }

    private static bool HasDomainAliases(IssueTicketRequest request) => request.ConnectionConfig?.Options?.DomainAliases is { Count: > 0 };

    private static bool VerifiesDomains(IssueTicketRequest request) =>
        request.DomainAliasesConfig?.DomainVerification is "optional" or "required";
}

/// <summary><c>connection_config</c>.</summary>
public sealed class ConnectionConfigInputValidator : AbstractValidator<ConnectionConfigInput>
{
    public ConnectionConfigInputValidator()
    {
        RuleFor(c => c.Name)
            .Required("name")
            .StringLength(1, TicketRequestRules.ConnectionNameMaxLength)
            .MatchesPattern(TicketRequestRules.ConnectionName(), TicketRequestRules.ConnectionNamePattern)
            .OverridePropertyName("name");
        RuleFor(c => c.DisplayName).StringLength(0, TicketRequestRules.DisplayNameMaxLength).OverridePropertyName("display_name");
        RuleFor(c => c.Metadata)
            .Must(metadata => metadata is null || metadata.Count <= TicketRequestRules.MetadataMaxKeys)
            .WithMessage((_, metadata) => TicketRequestRules.TooManyPropertiesReason(metadata!.Count, TicketRequestRules.MetadataMaxKeys))
            .OverridePropertyName("metadata");
        RuleFor(c => c.Metadata)
            .Custom(
                (metadata, context) =>
                {
                    foreach (var (key, value) in metadata ?? new Dictionary<string, string?>())
                    {
                        if (value is { Length: > TicketRequestRules.MetadataValueMaxLength })
                        {
                            context.AddFailure(
                                $"metadata.{key}",
                                WireRules.TooLong(value.Length, TicketRequestRules.MetadataValueMaxLength)
                            );
                        }
                    }
                }
            );
        RuleFor(c => c.Options).SetValidator(new ConnectionOptionsInputValidator()!).OverridePropertyName("options");
    }
}

/// <summary><c>connection_config.options</c>.</summary>
public sealed class ConnectionOptionsInputValidator : AbstractValidator<ConnectionOptionsInput>
{
    public ConnectionOptionsInputValidator()
    {
        RuleFor(o => o.IconUrl)
            .Must(url => url is null || WireRules.IsHttpsUrl(url))
            .WithMessage("String is not a valid https URL (it must start with https:// and be an absolute URI)")
            .OverridePropertyName("icon_url");
        RuleForEach(o => o.DomainAliases).Domain().OverridePropertyName("domain_aliases");
        RuleFor(o => o.Idpinitiated).SetValidator(new IdpInitiatedInputValidator()!).OverridePropertyName("idpinitiated");
    }
}

/// <summary><c>connection_config.options.idpinitiated</c>.</summary>
public sealed class IdpInitiatedInputValidator : AbstractValidator<IdpInitiatedInput>
{
    public IdpInitiatedInputValidator()
    {
        RuleFor(i => i.ClientProtocol).OneOf(TicketRequestRules.ClientProtocols).OverridePropertyName("client_protocol");
        RuleFor(i => i.ClientAuthorizequery)
            .StringLength(0, TicketRequestRules.AuthorizeQueryMaxLength)
            .OverridePropertyName("client_authorizequery");
    }
}

/// <summary>One item of <c>enabled_organizations</c>.</summary>
public sealed class EnabledOrganizationInputValidator : AbstractValidator<EnabledOrganizationInput>
{
    public EnabledOrganizationInputValidator() =>
        RuleFor(o => o.OrganizationId)
            .Required("organization_id")
            .StringLength(1, TicketRequestRules.OrganizationIdMaxLength)
            .MatchesPattern(TicketRequestRules.OrganizationId(), TicketRequestRules.OrganizationIdPattern)
            .OverridePropertyName("organization_id");
}

/// <summary><c>domain_aliases_config</c>.</summary>
public sealed class DomainAliasesConfigInputValidator : AbstractValidator<DomainAliasesConfigInput>
{
    public DomainAliasesConfigInputValidator()
    {
        RuleFor(d => d.DomainVerification)
            .Required("domain_verification")
            .OneOf(TicketRequestRules.DomainVerifications)
            .OverridePropertyName("domain_verification");
        RuleFor(d => d.PendingDomains)
            .Must((config, pending) => pending is null || config.DomainVerification is "optional" or "required")
            .WithMessage(TicketRequestRules.PendingDomainsNeedVerificationReason)
            .OverridePropertyName("pending_domains");
        RuleForEach(d => d.PendingDomains).Domain().OverridePropertyName("pending_domains");
    }
}

/// <summary><c>provisioning_config</c>.</summary>
public sealed class ProvisioningConfigInputValidator : AbstractValidator<ProvisioningConfigInput>
{
    public ProvisioningConfigInputValidator()
    {
        RuleFor(p => p.Scopes)
            .ArrayLength<ProvisioningConfigInput, string?>(1, TicketRequestRules.ProvisioningScopes.Count)
            .UniqueItems()
            .OverridePropertyName("scopes");
        RuleForEach(p => p.Scopes)
            .Must(scope => scope is not null)
            .WithMessage(WireRules.WrongType("string", "null"))
            .OneOf(TicketRequestRules.ProvisioningScopes)
            .OverridePropertyName("scopes");
        RuleFor(p => p.TokenLifetime)
            .Must(lifetime => lifetime is null || lifetime >= TicketRequestRules.MinTokenLifetime)
            .WithMessage(WireRules.AtLeast(TicketRequestRules.MinTokenLifetime))
            .OverridePropertyName("token_lifetime");
        RuleFor(p => p.GoogleWorkspace).SetValidator(new GoogleWorkspaceInputValidator()!).OverridePropertyName("google_workspace");
    }
}

/// <summary><c>provisioning_config.google_workspace</c>.</summary>
public sealed class GoogleWorkspaceInputValidator : AbstractValidator<GoogleWorkspaceInput>
{
    public GoogleWorkspaceInputValidator() => RuleFor(g => g.SyncUsers).Required("sync_users").OverridePropertyName("sync_users");
}

internal static class DomainRules
{
    /// <summary>A domain item: a string of 1–255 characters that is a host name with at least one dot.</summary>
    public static IRuleBuilderOptions<T, string?> Domain<T>(this IRuleBuilderInitialCollection<T, string?> rule) =>
        rule.Must(domain => domain is not null)
            .WithMessage(WireRules.WrongType("string", "null"))
            .StringLength(1, TicketRequestRules.DomainMaxLength)
            .Must(domain => domain is null || domain.Length is 0 or > TicketRequestRules.DomainMaxLength || TicketRequestRules.IsDomain(domain))
            .WithMessage((_, domain) => TicketRequestRules.NotADomainReason(domain ?? ""));
}
