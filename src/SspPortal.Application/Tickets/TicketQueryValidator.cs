using FluentValidation;
using SspPortal.Application.Common;

namespace SspPortal.Application.Tickets;

/// <summary>The ticket list's filters, sort and page (failures are <c>invalid_query_string</c>).</summary>
public sealed class TicketQueryValidator : AbstractValidator<TicketQuery>
{
    public const string StatusPath = "status";
    public const string SortPath = "sort";
    public const string StatusMessage = "Choose a status from the list.";
    public const string SortMessage = "Tickets can be sorted by creation or expiry time only.";

    public TicketQueryValidator()
    {
        ListRules.Paging(this, q => q.Page);
        RuleFor(q => q.ProfileId)
            .Must(id => id is null || Ids.IsProfileId(id))
            .WithMessage(ListRules.ProfileMessage)
            .OverridePropertyName(ListRules.ProfilePath);
        RuleFor(q => q.Statuses)
            .Must(statuses => statuses is null || statuses.All(Enum.IsDefined))
            .WithMessage(StatusMessage)
            .OverridePropertyName(StatusPath);
        RuleFor(q => q.Search)
            .Must(s => s is null || s.Trim().Length <= ListRules.MaxSearchLength)
            .WithMessage(ListRules.SearchMessage)
            .OverridePropertyName(ListRules.SearchPath);
        RuleFor(q => q.CreatedTo)
            .Must((q, to) => q.CreatedFrom is null || to is null || to.Value >= q.CreatedFrom.Value)
            .WithMessage(ListRules.RangeMessage)
            .OverridePropertyName(ListRules.ToPath);
        RuleFor(q => q.Sort).IsInEnum().WithMessage(SortMessage).OverridePropertyName(SortPath);
    }
}
