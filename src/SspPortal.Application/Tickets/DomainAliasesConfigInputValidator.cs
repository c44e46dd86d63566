using FluentValidation;
using SspPortal.Application.Common.Validation;

namespace SspPortal.Application.Tickets;

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
