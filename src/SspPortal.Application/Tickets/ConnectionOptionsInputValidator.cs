using FluentValidation;
using SspPortal.Application.Common.Validation;

namespace SspPortal.Application.Tickets;

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
