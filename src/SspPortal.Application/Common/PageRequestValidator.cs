using FluentValidation;
using SspPortal.Application.Common.Validation;

namespace SspPortal.Application.Common;

/// <summary>Paging parameters (failures are <c>invalid_query_string</c>).</summary>
public sealed class PageRequestValidator : AbstractValidator<PageRequest>
{
    public PageRequestValidator()
    {
        RuleFor(p => p.Page).GreaterThanOrEqualTo(0).WithMessage(WireRules.AtLeast(0)).OverridePropertyName("page");
        RuleFor(p => p.PerPage).GreaterThanOrEqualTo(1).WithMessage(WireRules.AtLeast(1)).OverridePropertyName("per_page");
        RuleFor(p => p.PerPage)
            .LessThanOrEqualTo(PageRequest.MaxPerPage)
            .WithMessage(WireRules.AtMost(PageRequest.MaxPerPage))
            .OverridePropertyName("per_page");
    }
}
