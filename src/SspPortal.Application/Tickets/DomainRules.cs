using FluentValidation;
using SspPortal.Application.Common.Validation;

namespace SspPortal.Application.Tickets;

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
