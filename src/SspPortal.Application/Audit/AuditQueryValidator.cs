using FluentValidation;
using SspPortal.Application.Common;

namespace SspPortal.Application.Audit;

/// <summary>The audit log's filters and page (failures are <c>invalid_query_string</c>).</summary>
public sealed class AuditQueryValidator : AbstractValidator<AuditQuery>
{
    public const string ActionPath = "action";
    public const string ActorPath = "actor";
    public const string ActionMessage = "Choose an action from the list.";
    public const string ActorMessage = "Choose a person or client from the list.";

    /// <summary>The stored lengths of an entry's action and actor (longer values cannot match anything).</summary>
    public const int MaxActionLength = 64;
    public const int MaxActorLength = 300;

    public AuditQueryValidator()
    {
        ListRules.Paging(this, q => q.Page);
        RuleFor(q => q.ProfileId)
            .Must(id => id is null || Ids.IsProfileId(id))
            .WithMessage(ListRules.ProfileMessage)
            .OverridePropertyName(ListRules.ProfilePath);
        RuleFor(q => q.Action)
            .Must(a => a is null || a.Length is > 0 and <= MaxActionLength)
            .WithMessage(ActionMessage)
            .OverridePropertyName(ActionPath);
        RuleFor(q => q.ActorName)
            .Must(a => a is null || a.Length is > 0 and <= MaxActorLength)
            .WithMessage(ActorMessage)
            .OverridePropertyName(ActorPath);
        RuleFor(q => q.Search)
            .Must(s => s is null || s.Trim().Length <= ListRules.MaxSearchLength)
            .WithMessage(ListRules.SearchMessage)
            .OverridePropertyName(ListRules.SearchPath);
        RuleFor(q => q.To)
            .Must((q, to) => q.From is null || to is null || to.Value >= q.From.Value)
            .WithMessage(ListRules.RangeMessage)
            .OverridePropertyName(ListRules.ToPath);
    }
}
