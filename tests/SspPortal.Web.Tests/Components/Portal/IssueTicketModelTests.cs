using SspPortal.Application.Tickets;
using SspPortal.Web.Components.Pages.Tickets;

namespace SspPortal.Web.Tests.Components.Portal;

/// <summary>The issue-ticket form's model: what it sends, and where the shared validator's messages land.</summary>
public sealed class IssueTicketModelTests
{
    private readonly IssueTicketRequestValidator _validator = new();

    [Theory]
    [InlineData(12, LifetimeUnit.Hours, 43_200)]
    [InlineData(5, LifetimeUnit.Days, 432_000)]
    [InlineData(0, LifetimeUnit.Days, 0)]
    public void ToRequest_SendsTheLifetimeInSeconds_WhenUnitIsChosen(int lifetime, LifetimeUnit unit, int expected)
    {
        var model = new IssueTicketModel { Lifetime = lifetime, Unit = unit };

        var request = model.ToRequest();

        Assert.Equal(expected, request.TtlSec);
    }

    [Theory]
    [InlineData(6, LifetimeUnit.Days)]
    [InlineData(121, LifetimeUnit.Hours)]
    [InlineData(49_711, LifetimeUnit.Days)]
    [InlineData(int.MaxValue, LifetimeUnit.Hours)]
    public void Validate_RefusesTheLifetimeBesideItsField_WhenLongerThanFiveDays(int lifetime, LifetimeUnit unit)
    {
        var model = new IssueTicketModel { Lifetime = lifetime, Unit = unit, ConnectionName = "acme-partner" };

        var result = _validator.Validate(model.ToRequest());

        var error = Assert.Single(result.Errors);
        Assert.Equal("ttl_sec", error.PropertyName);
        Assert.Equal(nameof(IssueTicketModel.Lifetime), model.MapPath(error.PropertyName)!.Value.FieldName);
    }
}
