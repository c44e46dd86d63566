using FluentValidation;
using SspPortal.Application.Common.Validation;

namespace SspPortal.Application.Tickets;

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
