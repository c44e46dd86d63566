using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SspPortal.Application.Common;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tickets;

namespace SspPortal.Application.Tests.Tickets;

public class TicketIssueTests : TicketTestBase
{
    [Fact]
    public async Task Issue_ReturnsUrlOnTenantDomain_WhenNoCustomDomain()
    {
        var (ticket, secret) = await IssueOkAsync();

        Assert.Equal($"https://{TenantDomain}/self-service/connections-flow?ticket={secret}", ticket.Url);
        Assert.True(Ids.IsTicketSecret(secret), secret);
        var (other, otherSecret) = await IssueOkAsync();
        Assert.NotEqual(secret, otherSecret);
        Assert.NotEqual(ticket.TicketId, other.TicketId);
    }

    [Fact]
    public async Task Issue_StoresOnlyHashOfTicketId_WhenIssued()
    {
        var request = new IssueTicketRequest { TtlSec = 600, EnabledClients = ["client-1"] };

        var (ticket, secret) = await IssueOkAsync(request);

        var stored = await StoredTicketAsync(ticket.TicketId);
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(secret)), stored.SecretHash);
        Assert.Equal(TenantId, stored.TenantId);
        Assert.Equal(Profile.Id, stored.ProfileId);
        Assert.Equal("Ada Editor (user-1)", stored.IssuedBy);
        Assert.Equal(TenantDomain, stored.Domain);
        Assert.Equal(0, stored.OpenCount);
        Assert.Null(stored.FirstOpenedAt);
        Assert.Null(stored.RevokedAt);
        Assert.Equal("{\"enabled_clients\":[\"client-1\"],\"ttl_sec\":600}", stored.RequestJson);
        var everything = await DbAsync(async db =>
            string.Join(
                "|",
                (await db.Tickets.IgnoreQueryFilters().Select(t => t.RequestJson + t.IssuedBy + t.Domain).ToListAsync())
                    .Concat(await db.AuditEntries.IgnoreQueryFilters().Select(a => a.Summary + a.TargetId).ToListAsync())
            )
        );
        Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_StoresFullRequestInWireShape_WhenEveryFieldSent()
    {
        var request = new IssueTicketRequest
        {
            ConnectionConfig = new ConnectionConfigInput
            {
                Name = "acme-corp",
                DisplayName = "Acme Corp",
                IsDomainConnection = true,
                ShowAsButton = false,
                Metadata = new Dictionary<string, string?> { ["Team"] = "IT", ["note"] = null },
                Options = new ConnectionOptionsInput
                {
                    IconUrl = "https://cdn.acme.test/icon.png",
                    DomainAliases = ["acme.test"],
                    Idpinitiated = new IdpInitiatedInput { Enabled = true, ClientId = "c1", ClientProtocol = "samlp", ClientAuthorizequery = "a=b" },
                },
            },
            EnabledOrganizations = [new EnabledOrganizationInput { OrganizationId = "org_abc", AssignMembershipOnLogin = true }],
            TtlSec = 0,
            DomainAliasesConfig = new DomainAliasesConfigInput { DomainVerification = "optional", PendingDomains = ["pending.acme.test"] },
            ProvisioningConfig = new ProvisioningConfigInput { Scopes = ["get:users", "post:groups"], TokenLifetime = 900 },
            UseForOrganizationDiscovery = true,
        };

        var (ticket, _) = await IssueOkAsync(request);

        var json = JsonDocument.Parse((await StoredTicketAsync(ticket.TicketId)).RequestJson).RootElement;
        Assert.Equal("acme-corp", json.GetProperty("connection_config").GetProperty("name").GetString());
        Assert.Equal("a=b", json.GetProperty("connection_config").GetProperty("options").GetProperty("idpinitiated").GetProperty("client_authorizequery").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("connection_config").GetProperty("metadata").GetProperty("note").ValueKind);
        Assert.Equal("optional", json.GetProperty("domain_aliases_config").GetProperty("domain_verification").GetString());
        Assert.Equal(900, json.GetProperty("provisioning_config").GetProperty("token_lifetime").GetInt32());
        Assert.True(json.GetProperty("use_for_organization_discovery").GetBoolean());
        Assert.Equal(0, json.GetProperty("ttl_sec").GetInt32());
        var roundTrip = TicketRequestJson.Deserialize(json.GetRawText());
        Assert.Equal("org_abc", roundTrip.EnabledOrganizations![0]!.OrganizationId);
        Assert.Equal(["get:users", "post:groups"], roundTrip.ProvisioningConfig!.Scopes!);
    }

    [Theory]
    [InlineData(null, 432_000)]
    [InlineData(0, 432_000)]
    [InlineData(1, 1)]
    [InlineData(3600, 3600)]
    [InlineData(432_000, 432_000)]
    public async Task Issue_SetsExpiry_WhenTtlGivenOrDefaulted(int? ttl, int expectedSeconds)
    {
        var (ticket, _) = await IssueOkAsync(new IssueTicketRequest { TtlSec = ttl });

        var expected = Clock.GetUtcNow().UtcDateTime.AddSeconds(expectedSeconds);
        Assert.Equal(expected, ticket.ExpiresAt);
        Assert.Equal(DateTimeKind.Utc, ticket.ExpiresAt.Kind);
        Assert.Equal(expected, (await StoredTicketAsync(ticket.TicketId)).ExpiresAt);
    }

    [Theory]
    [InlineData(-1, "Value must be at least 0")]
    [InlineData(432_001, "Value must be at most 432000")]
    public async Task Issue_ReturnsInvalid_WhenTtlOutOfRange(int ttl, string reason)
    {
        var result = await IssueAsync(new IssueTicketRequest { TtlSec = ttl });

        AssertInvalid(result, "ttl_sec", reason);
        Assert.Equal($"Payload validation error: '{reason}' on property ttl_sec.", ContractErrors.MessageFor(result));
    }

    [Theory]
    [InlineData(CustomDomain)]
    [InlineData("LOGIN.acme.TEST")]
    public async Task Issue_UsesCustomDomain_WhenConfiguredForTenant(string header)
    {
        var (ticket, secret) = await IssueOkAsync(customDomain: header);

        Assert.Equal($"https://{CustomDomain}/self-service/connections-flow?ticket={secret}", ticket.Url);
        Assert.Equal(CustomDomain, (await StoredTicketAsync(ticket.TicketId)).Domain);
    }

    [Theory]
    [InlineData("ab", "must be 3 to 255 characters")]
    [InlineData("evil.example.com", "is not configured for this tenant")]
    [InlineData("globex.example.com", "is not configured for this tenant")]
    public async Task Issue_ReturnsInvalid_WhenCustomDomainNotUsable(string header, string messagePart)
    {
        var result = await IssueAsync(customDomain: header);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains(messagePart, result.Message, StringComparison.Ordinal);
        Assert.Equal(0, await DbAsync(db => db.Tickets.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task Issue_ReturnsInvalid_WhenCustomDomainLongerThan255()
    {
        var result = await IssueAsync(customDomain: new string('a', 252) + ".com");

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains("(got 256)", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_AcceptsCustomDomain_WhenAtLengthEdges()
    {
        var longest = new string('a', 251) + ".com";
        await using (var db = Db())
        {
            var tenant = await db.Tenants.SingleAsync(t => t.Id == TenantId);
            tenant.CustomDomains = [CustomDomain, "a.b", longest];
            await db.SaveChangesAsync();
        }

        var (shortest, _) = await IssueOkAsync(customDomain: "a.b");
        var (longestTicket, _) = await IssueOkAsync(customDomain: longest);

        Assert.StartsWith("https://a.b/self-service/connections-flow?ticket=", shortest.Url, StringComparison.Ordinal);
        Assert.StartsWith($"https://{longest}/", longestTicket.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_ReturnsConflict_WhenNameReservedBetweenCheckAndSave()
    {
        ConcurrentWriter.Arm(() => SeedConnectionAsync("racy-name"));

        var result = await IssueAsync(new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = "racy-name" } });

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal(TicketRequestRules.ConnectionNameTakenMessage, result.Message);
        Assert.Equal(0, await DbAsync(db => db.Tickets.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task Issue_EditsExistingConnection_WhenConnectionIdKnown()
    {
        var connectionId = await SeedConnectionAsync();

        var (ticket, _) = await IssueOkAsync(new IssueTicketRequest { ConnectionId = connectionId });

        Assert.Equal(connectionId, (await StoredTicketAsync(ticket.TicketId)).ConnectionId);
        Assert.Equal(1, await DbAsync(db => db.Connections.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task Issue_ReturnsConnectionNotFound_WhenConnectionIdUnknownOrOfOtherTenant()
    {
        var otherTenants = await SeedConnectionAsync(tenantId: OtherTenantId);

        var unknown = await IssueAsync(new IssueTicketRequest { ConnectionId = Ids.NewConnectionId() });
        var foreign = await IssueAsync(new IssueTicketRequest { ConnectionId = otherTenants });

        foreach (var result in new[] { unknown, foreign })
        {
            Assert.Equal(ResultStatus.Invalid, result.Status);
            Assert.Equal("Connection not found", result.Message);
            Assert.Equal(ErrorCodes.InvalidBody, result.ErrorCode);
        }
    }

    [Theory]
    [InlineData("con_123")]
    [InlineData("abc")]
    [InlineData("con_0000000000000000")]
    public async Task Issue_ReturnsInvalid_WhenConnectionIdMalformed(string id)
    {
        var result = await IssueAsync(new IssueTicketRequest { ConnectionId = id });

        AssertInvalid(result, "connection_id", "String does not match pattern");
    }

    [Fact]
    public async Task Issue_ReturnsInvalid_WhenConnectionIdAndConnectionConfigBothSent()
    {
        var connectionId = await SeedConnectionAsync();

        var result = await IssueAsync(new IssueTicketRequest { ConnectionId = connectionId, ConnectionConfig = new ConnectionConfigInput { Name = "new-one" } });

        AssertInvalid(result, "connection_config", TicketRequestRules.ConnectionChoiceReason);
    }

    [Fact]
    public async Task Issue_ReservesDisabledConnection_WhenConnectionConfigSent()
    {
        var request = new IssueTicketRequest
        {
            ConnectionConfig = new ConnectionConfigInput
            {
                Name = "acme-corp",
                DisplayName = "Acme Corp",
                IsDomainConnection = true,
                Metadata = new Dictionary<string, string?> { ["team"] = "it" },
                Options = new ConnectionOptionsInput { DomainAliases = ["acme.test", "acme.example"], IconUrl = "https://cdn.acme.test/i.png" },
            },
            EnabledClients = ["client-1"],
            EnabledOrganizations = [new EnabledOrganizationInput { OrganizationId = "org_1" }],
        };

        var (ticket, _) = await IssueOkAsync(request);

        var connection = await DbAsync(db => db.Connections.IgnoreQueryFilters().SingleAsync());
        Assert.True(Ids.IsConnectionId(connection.Id), connection.Id);
        Assert.Equal(TenantId, connection.TenantId);
        Assert.Equal("acme-corp", connection.Name);
        Assert.Equal("Acme Corp", connection.DisplayName);
        Assert.False(connection.Enabled);
        Assert.Null(connection.Strategy);
        Assert.True(connection.IsDomainConnection);
        Assert.Equal(["acme.test", "acme.example"], connection.DomainAliases);
        Assert.Equal(["client-1"], connection.EnabledClients);
        Assert.Equal("it", connection.Metadata["team"]);
        Assert.Equal(ticket.TicketId, connection.CreatedFromTicketId);
        Assert.Contains("\"icon_url\":\"https://cdn.acme.test/i.png\"", connection.OptionsJson, StringComparison.Ordinal);
        var organization = JsonDocument.Parse(connection.EnabledOrganizationsJson).RootElement[0];
        Assert.Equal("org_1", organization.GetProperty("organization_id").GetString());
        Assert.True(organization.GetProperty("show_as_button").GetBoolean());
        Assert.False(organization.GetProperty("assign_membership_on_login").GetBoolean());
        Assert.Equal(connection.Id, (await StoredTicketAsync(ticket.TicketId)).ConnectionId);
    }

    [Theory]
    [InlineData("acme-corp")]
    [InlineData("ACME-CORP")]
    public async Task Issue_ReturnsConflict_WhenConnectionNameTaken(string secondName)
    {
        await IssueOkAsync(new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = "acme-corp" } });

        var result = await IssueAsync(new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = secondName } });

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal("A connection with this name already exists.", result.Message);
        Assert.Equal(1, await DbAsync(db => db.Tickets.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task Issue_ReleasesTheName_WhenTheReservingTicketWasRevoked()
    {
        var (first, _) = await IssueOkAsync(new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = "acme-corp" } });
        var firstConnection = (await StoredTicketAsync(first.TicketId)).ConnectionId;
        AssertOk(await Tickets.RevokeByIdAsync(Editor, first.TicketId));

        var (second, _) = await IssueOkAsync(new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = "ACME-corp" } });

        var connections = await DbAsync(db => db.Connections.IgnoreQueryFilters().ToListAsync());
        var connection = Assert.Single(connections);
        Assert.Equal("ACME-corp", connection.Name);
        Assert.NotEqual(firstConnection, connection.Id);
        Assert.Equal(connection.Id, (await StoredTicketAsync(second.TicketId)).ConnectionId);
        Assert.Contains(
            await DbAsync(db => db.AuditEntries.IgnoreQueryFilters().Select(a => a.Action).ToListAsync()),
            action => action == "connection.released"
        );
    }

    [Fact]
    public async Task Issue_ReleasesTheName_WhenTheReservingTicketExpiredUnopened()
    {
        await IssueOkAsync(new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = "acme-corp" }, TtlSec = 600 });
        Clock.Advance(TimeSpan.FromSeconds(601));

        var result = await IssueAsync(new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = "acme-corp" } });

        AssertOk(result);
    }

    [Fact]
    public async Task Issue_KeepsTheName_WhileAnOpenedTicketCanStillFinishTheFlow()
    {
        var (first, _) = await IssueOkAsync(new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = "acme-corp" }, TtlSec = 600 });
        await UpdateTicketAsync(first.TicketId, t => (t.FirstOpenedAt, t.OpenCount) = (Clock.GetUtcNow().UtcDateTime, 10));
        Clock.Advance(TimeSpan.FromHours(1));

        var result = await IssueAsync(new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = "acme-corp" } });

        Assert.Equal(ResultStatus.Conflict, result.Status);
    }

    [Fact]
    public async Task Issue_KeepsTheName_WhenTheConnectionWasSetUp()
    {
        await SeedConnectionAsync("acme-corp");

        var result = await IssueAsync(new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = "acme-corp" } });

        Assert.Equal(ResultStatus.Conflict, result.Status);
    }

    [Fact]
    public async Task Issue_ReservesConnection_WhenSameNameOnlyInAnotherTenant()
    {
        await SeedConnectionAsync("shared-name", OtherTenantId);

        var result = await IssueAsync(new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = "shared-name" } });

        AssertOk(result);
    }

    [Fact]
    public async Task Issue_ReturnsNotFound_WhenProfileMissing()
    {
        var id = Ids.NewProfileId();

        var result = await Tickets.IssueAsync(Editor, id, new IssueTicketRequest(), null);

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Equal($"Profile with ID: {id} not found", result.Message);
    }

    [Fact]
    public async Task Issue_ReturnsNotFound_WhenProfileOfOtherTenant()
    {
        var result = await Tickets.IssueAsync(OtherTenantEditor, Profile.Id, new IssueTicketRequest(), null);

        Assert.Equal(ResultStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task Issue_ReturnsInvalidUri_WhenProfileIdMalformed()
    {
        var result = await Tickets.IssueAsync(Editor, "ssp_x", new IssueTicketRequest(), null);

        AssertInvalid(result, "id", null, ErrorCodes.InvalidUri);
    }

    [Fact]
    public async Task Issue_ReturnsForbidden_WhenActorIsViewer()
    {
        var result = await IssueAsync(actor: Viewer);

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Equal("Insufficient scope, expected any of: create:sso_access_tickets", result.Message);
    }

    [Fact]
    public async Task Issue_WritesAuditEntriesWithoutTicketId_WhenIssued()
    {
        var (ticket, secret) = await IssueOkAsync(new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = "acme-corp" } });

        var entries = (await AuditEntriesAsync()).Skip(1).ToList();
        Assert.Equal(["connection.reserved", "ticket.issued"], entries.Select(e => e.Action));
        Assert.Equal(ticket.TicketId.ToString(), entries[1].TargetId);
        Assert.All(entries, e => Assert.Equal(Profile.Id, e.ProfileId));
        Assert.All(entries, e => Assert.DoesNotContain(secret, e.Summary + e.TargetId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Issue_AllowsGoogleWorkspace_WhenProfileAllowsGoogleApps()
    {
        var request = new IssueTicketRequest
        {
            ProvisioningConfig = new ProvisioningConfigInput { GoogleWorkspace = new GoogleWorkspaceInput { SyncUsers = true } },
        };

        var refused = await IssueAsync(request);
        await Profiles.UpdateAsync(
            Editor,
            Profile.Id,
            new UpdateProfileRequest { AllowedStrategies = new Optional<IReadOnlyList<string?>?>(["google-apps"]) }
        );
        var allowed = await IssueAsync(request);

        AssertInvalid(refused, "provisioning_config.google_workspace", TicketRequestRules.GoogleWorkspaceNotAllowedReason);
        AssertOk(allowed);
    }
}
