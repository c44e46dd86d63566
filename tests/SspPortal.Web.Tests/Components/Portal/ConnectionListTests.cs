using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SspPortal.Application.Common;
using SspPortal.Application.Connections;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tickets;
using SspPortal.Web.Components.Pages.Connections;

namespace SspPortal.Web.Tests.Components.Portal;

/// <summary>The connections grid: the service query it sends and the rows it shows, with the app's real services.</summary>
public sealed class ConnectionListTests : PortalServicesTestContext
{
    [Fact]
    public void ToQuery_AsksForThePageWithTotalsAndReserved_WhenNoProviderChosen()
    {
        var state = new GridState<ConnectionDto> { Page = 3, PageSize = 25 };

        var query = ConnectionList.ToQuery(state, "", includeReserved: true);

        Assert.Equal(new ConnectionQuery(null, null, new PageRequest(3, 25, IncludeTotals: true), IncludeReserved: true), query);
    }

    [Fact]
    public void ToQuery_LeavesReservedOut_WhenAProviderIsChosen()
    {
        var state = new GridState<ConnectionDto> { Page = 0, PageSize = 10 };

        var query = ConnectionList.ToQuery(state, Strategies.Okta, includeReserved: true);

        Assert.Equal((Strategies.Okta, false), (query.Strategy, query.IncludeReserved));
    }

    [Fact]
    public async Task Grid_ShowsTheReservedConnectionLinkingToItsPage_WhenATicketReservedIt()
    {
        var profile = await CreateProfileAsync(new CreateProfileRequest { Name = "Partner SSO" });
        var issued = await AppServices.GetRequiredService<ISsoTicketService>().IssueAsync(
            Admin,
            profile.Id,
            new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = "acme-partner" } },
            null
        );
        Assert.True(issued.IsOk, issued.Message);
        SignIn(role: PortalRole.Viewer);

        var cut = Render<ConnectionList>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=connection-row]")));
        var row = cut.Find("[data-testid=connection-row]");
        Assert.Equal("acme-partner", row.GetAttribute("data-name"));
        Assert.StartsWith("connections/con_", row.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("Reserved", cut.Find("[data-testid=connection-status]").TextContent, StringComparison.Ordinal);
        Assert.Equal("1 connection", cut.Find("[data-testid=connection-total]").TextContent.Trim());
    }
}
