using FluentValidation;
using SspPortal.Application.Common.Validation;

namespace SspPortal.Application.Tickets;

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
