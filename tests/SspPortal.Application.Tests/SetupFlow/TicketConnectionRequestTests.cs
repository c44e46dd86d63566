using SspPortal.Application.SetupFlow;
using SspPortal.Application.Tickets;

namespace SspPortal.Application.Tests.SetupFlow;

public sealed class TicketConnectionRequestTests
{
    [Fact]
    public void Parse_ReadsConnectionConfig_WhenStoredByTheTicketService()
    {
        var json = TicketRequestJson.Serialize(
            new IssueTicketRequest
            {
                ConnectionConfig = new ConnectionConfigInput
                {
                    Name = "acme-sso",
                    DisplayName = "Acme",
                    IsDomainConnection = true,
                    Options = new ConnectionOptionsInput { DomainAliases = ["acme.com"], IconUrl = "https://acme.com/i.png" },
                },
                EnabledClients = ["c1", "c2"],
                EnabledOrganizations = [new EnabledOrganizationInput { OrganizationId = "org_1", AssignMembershipOnLogin = true }],
            }
        );

        var parsed = TicketConnectionRequest.Parse(json);

        Assert.Equal("acme-sso", parsed.Name);
        Assert.Equal("Acme", parsed.DisplayName);
        Assert.True(parsed.IsDomainConnection);
        Assert.Equal(["acme.com"], parsed.DomainAliases);
        Assert.Equal("https://acme.com/i.png", parsed.IconUrl);
        Assert.Equal(["c1", "c2"], parsed.EnabledClients);
        Assert.Equal("""[{"organization_id":"org_1","assign_membership_on_login":true,"show_as_button":true}]""", parsed.EnabledOrganizations.ToJsonString());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    public void Parse_ReturnsNothingToApply_WhenRequestHasNoConnectionParts(string json)
    {
        var parsed = TicketConnectionRequest.Parse(json);

        Assert.Null(parsed.Name);
        Assert.Empty(parsed.DomainAliases);
        Assert.Empty(parsed.EnabledClients);
        Assert.Empty(parsed.EnabledOrganizations);
    }
}
