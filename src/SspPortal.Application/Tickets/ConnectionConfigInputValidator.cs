using FluentValidation;
using SspPortal.Application.Common.Validation;

namespace SspPortal.Application.Tickets;

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
