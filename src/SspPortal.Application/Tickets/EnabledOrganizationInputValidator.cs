using FluentValidation;
using SspPortal.Application.Common.Validation;

namespace SspPortal.Application.Tickets;

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
