using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SspPortal.Application.Common;
using SspPortal.Application.Connections;
using SspPortal.Application.Tests.SetupFlow;
using SspPortal.Application.Tests.Tickets;
using SspPortal.Application.Tickets;

namespace SspPortal.Application.Tests.Connections;

/// <summary>The connection page's reads and an Admin's actions: disable, enable, delete, release; each audited.</summary>
public class ConnectionActionsTests : TicketTestBase
{
    private IConnectionService Connections => Services.GetRequiredService<IConnectionService>();

    [Fact]
    public async Task GetDetail_ShowsOptionsWithoutTheSecret_WhenConnectionHasOne()
    {
        var id = await SeedConfiguredAsync(new JsonObject { ["client_id"] = "cid", ["client_secret"] = "protected-value", ["discovery_url"] = "https://idp.example.com" });

        var detail = await Connections.GetDetailAsync(Viewer, id);

        AssertOk(detail);
        Assert.True(detail.Value.HasClientSecret);
        Assert.DoesNotContain("client_secret", detail.Value.Connection.OptionsJson, StringComparison.Ordinal);
        Assert.DoesNotContain("protected-value", detail.Value.Connection.OptionsJson, StringComparison.Ordinal);
        Assert.Contains("https://idp.example.com", detail.Value.Connection.OptionsJson, StringComparison.Ordinal);
        Assert.Equal(ConnectionState.Enabled, detail.Value.State);
        Assert.Null(detail.Value.Certificate);
        Assert.Null(detail.Value.LastTest);
    }

    [Fact]
    public async Task GetDetail_ReturnsNotFound_WhenConnectionBelongsToAnotherTenant()
    {
        var id = await SeedConnectionAsync("globex-conn", OtherTenantId);

        var detail = await Connections.GetDetailAsync(Admin, id);

        Assert.Equal(ResultStatus.NotFound, detail.Status);
    }

    [Fact]
    public async Task GetDetail_ReturnsInvalid_WhenIdMalformed() =>
        AssertInvalid(await Connections.GetDetailAsync(Viewer, "con_nope"), "id", null, ErrorCodes.InvalidUri);

    [Theory]
    [InlineData(400, CertificateHealth.Valid)]
    [InlineData(29, CertificateHealth.ExpiresSoon)]
    [InlineData(-1, CertificateHealth.Expired)]
    public async Task GetDetail_ReportsTheCertificateExpiry_WhenSamlConnectionHasACertificate(int daysLeft, CertificateHealth expected)
    {
        var now = Clock.GetUtcNow();
        using var certificate = SamlSamples.Certificate("CN=idp.acme.test", now.AddDays(-500), now.AddDays(daysLeft));
        var id = await SeedConfiguredAsync(
            new JsonObject { ["signInEndpoint"] = "https://idp.acme.test/sso", ["signingCert"] = Convert.ToBase64String(certificate.RawData) },
            "samlp"
        );

        var detail = (await Connections.GetDetailAsync(Viewer, id)).Value;

        Assert.NotNull(detail.Certificate);
        Assert.Equal(expected, detail.Certificate.Health);
        Assert.Equal("CN=idp.acme.test", detail.Certificate.Subject);
        Assert.Equal(certificate.NotAfter.ToUniversalTime(), detail.Certificate.NotAfter);
    }

    [Fact]
    public async Task GetDetail_ReportsUnreadable_WhenStoredCertificateIsBroken()
    {
        var id = await SeedConfiguredAsync(new JsonObject { ["signingCert"] = "bm90IGEgY2VydGlmaWNhdGU=" }, "samlp");

        var detail = (await Connections.GetDetailAsync(Viewer, id)).Value;

        Assert.Equal(CertificateHealth.Unreadable, detail.Certificate!.Health);
    }

    [Fact]
    public async Task GetDetail_ReportsTheLastTest_WhenTheFlowRecordedOne()
    {
        var id = await SeedConfiguredAsync(new JsonObject(), change: c =>
        {
            c.LastTestPassed = false;
            c.LastTestedAt = Clock.GetUtcNow().UtcDateTime;
        });

        var detail = (await Connections.GetDetailAsync(Viewer, id)).Value;

        Assert.Equal(new ConnectionTestOutcome(false, Clock.GetUtcNow().UtcDateTime), detail.LastTest);
    }

    [Fact]
    public async Task SetEnabled_DisablesThenEnables_AndAuditsBoth()
    {
        var id = await SeedConfiguredAsync(new JsonObject());

        var disabled = await Connections.SetEnabledAsync(Admin, id, enabled: false);
        var enabled = await Connections.SetEnabledAsync(Admin, id, enabled: true);

        Assert.Equal(ConnectionState.Disabled, disabled.Value.State);
        Assert.False(disabled.Value.Connection.Enabled);
        Assert.Equal(ConnectionState.Enabled, enabled.Value.State);
        var audit = await AuditEntriesAsync();
        Assert.Equal(["connection.disabled", "connection.enabled"], audit.Where(a => a.TargetId == id).Select(a => a.Action));
        Assert.Contains("Ann Admin", audit[^1].Actor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetEnabled_WritesNoAudit_WhenNothingChanges()
    {
        var id = await SeedConfiguredAsync(new JsonObject());

        AssertOk(await Connections.SetEnabledAsync(Admin, id, enabled: true));

        Assert.DoesNotContain(await AuditEntriesAsync(), a => a.TargetId == id);
    }

    [Fact]
    public async Task SetEnabled_ReturnsConflict_WhenConnectionIsOnlyReserved()
    {
        var id = await ReserveAsync("acme-reserved");

        var result = await Connections.SetEnabledAsync(Admin, id, enabled: true);

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Contains("only reserved", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_RemovesTheConnectionAndRevokesTicketsThatWouldEditIt()
    {
        var id = await SeedConfiguredAsync(new JsonObject());
        var editing = (await IssueAsync(new IssueTicketRequest { ConnectionId = id })).Value;

        var result = await Connections.DeleteAsync(Admin, id);

        AssertOk(result);
        Assert.Equal(ResultStatus.NotFound, (await Connections.GetDetailAsync(Admin, id)).Status);
        Assert.NotNull((await StoredTicketAsync(editing.TicketId)).RevokedAt);
        var entry = (await AuditEntriesAsync()).Last();
        Assert.Equal("connection.deleted", entry.Action);
        Assert.Equal(id, entry.TargetId);
        Assert.Contains("revoked 1 tickets", entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_ReturnsConflict_WhenConnectionIsOnlyReserved()
    {
        var id = await ReserveAsync("acme-reserved");

        var result = await Connections.DeleteAsync(Admin, id);

        Assert.Equal(ResultStatus.Conflict, result.Status);
        AssertOk(await Connections.GetDetailAsync(Admin, id));
    }

    [Fact]
    public async Task Delete_ReturnsNotFound_WhenConnectionBelongsToAnotherTenant()
    {
        var id = await SeedConnectionAsync("globex-conn", OtherTenantId);

        var result = await Connections.DeleteAsync(Admin, id);

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Equal(1, await DbAsync(db => db.Connections.IgnoreQueryFilters().CountAsync(c => c.Id == id)));
    }

    [Fact]
    public async Task Release_ReturnsConflict_WhileItsTicketCanStillBeUsed()
    {
        var id = await ReserveAsync("acme-reserved");

        var result = await Connections.ReleaseAsync(Admin, id);

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Contains("can still be used", result.Message, StringComparison.Ordinal);
        Assert.Equal(ConnectionState.Reserved, (await Connections.GetDetailAsync(Viewer, id)).Value.State);
    }

    [Fact]
    public async Task Release_FreesTheName_WhenItsTicketIsRevoked()
    {
        var id = await ReserveAsync("acme-reserved");
        var ticketId = (await DbAsync(db => db.Tickets.IgnoreQueryFilters().SingleAsync(t => t.ConnectionId == id))).Id;
        AssertOk(await Tickets.RevokeByIdAsync(Editor, ticketId));
        Assert.Equal(ConnectionState.ReservationUnusable, (await Connections.GetDetailAsync(Viewer, id)).Value.State);

        var result = await Connections.ReleaseAsync(Admin, id);

        AssertOk(result);
        Assert.Equal(ResultStatus.NotFound, (await Connections.GetDetailAsync(Viewer, id)).Status);
        var entry = (await AuditEntriesAsync()).Last();
        Assert.Equal("connection.released", entry.Action);
        Assert.Equal(id, entry.TargetId);
        AssertOk(await IssueAsync(new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = "acme-reserved" } }));
    }

    [Fact]
    public async Task State_IsUnusable_WhenTicketExpiredUnopened()
    {
        var id = await ReserveAsync("acme-reserved", ttlSec: 3600);

        Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(ConnectionState.ReservationUnusable, (await Connections.GetDetailAsync(Viewer, id)).Value.State);
    }

    [Fact]
    public async Task State_StaysReserved_WhileAUsedUpTicketsSessionsRun()
    {
        var id = await ReserveAsync("acme-reserved");
        var ticketId = (await DbAsync(db => db.Tickets.IgnoreQueryFilters().SingleAsync(t => t.ConnectionId == id))).Id;
        await UpdateTicketAsync(ticketId, t =>
        {
            t.OpenCount = TicketRules.MaxOpens;
            t.FirstOpenedAt = Clock.GetUtcNow().UtcDateTime;
        });

        var during = (await Connections.GetDetailAsync(Viewer, id)).Value.State;
        Clock.Advance(TicketRules.SessionLifetime);
        var after = (await Connections.GetDetailAsync(Viewer, id)).Value.State;

        Assert.Equal(ConnectionState.Reserved, during);
        Assert.Equal(ConnectionState.ReservationUnusable, after);
    }

    [Fact]
    public async Task Release_ReturnsConflict_WhenConnectionIsSetUp()
    {
        var id = await SeedConfiguredAsync(new JsonObject());

        var result = await Connections.ReleaseAsync(Admin, id);

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Contains("delete it instead", result.Message, StringComparison.Ordinal);
    }

    private async Task<string> ReserveAsync(string name, int? ttlSec = null)
    {
        var issued = await IssueAsync(new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = name }, TtlSec = ttlSec });
        AssertOk(issued);
        return (await StoredTicketAsync(issued.Value.TicketId)).ConnectionId!;
    }

    protected async Task<string> SeedConfiguredAsync(JsonObject options, string strategy = "oidc", Action<Connection>? change = null)
    {
        var id = Ids.NewConnectionId();
        var connection = new Connection
        {
            Id = id,
            TenantId = TenantId,
            Name = "acme-" + id[^6..].ToLowerInvariant(),
            Strategy = strategy,
            Enabled = true,
            OptionsJson = options.ToJsonString(),
            DomainAliases = ["acme.example.com"],
            CreatedAt = Clock.GetUtcNow().UtcDateTime,
            UpdatedAt = Clock.GetUtcNow().UtcDateTime,
        };
        change?.Invoke(connection);
        await using var db = Db();
        db.Connections.Add(connection);
        await db.SaveChangesAsync();
        return id;
    }
}
