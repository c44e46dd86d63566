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
