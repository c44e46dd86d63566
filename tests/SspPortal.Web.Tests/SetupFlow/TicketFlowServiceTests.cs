using Microsoft.EntityFrameworkCore;
using SspPortal.Application.Common;
using SspPortal.Application.Profiles;
using SspPortal.Application.SetupFlow;
using SspPortal.Application.Tickets;

namespace SspPortal.Web.Tests.SetupFlow;

/// <summary>The flow's session rules over every ticket state, on the real app and database with a moved clock.</summary>
public sealed class TicketFlowServiceTests : IAsyncLifetime
{
    private readonly FlowTestApp _app = new();
    private SelfServiceProfileDto _profile = default!;

    private ITicketFlowService Flow => _app.Get<ITicketFlowService>();

    public async Task InitializeAsync()
    {
        await _app.StartAsync();
        _profile = await _app.CreateProfileAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Open_StartsSessionAndCountsTheOpen_WhenTicketIsFresh()
    {
        var (secret, id) = await _app.IssueTicketAsync(_profile.Id);

        var opened = await Flow.OpenAsync(secret);

        Assert.Equal(TicketOpenOutcome.Opened, opened.Outcome);
        var ticket = await _app.TicketAsync(id);
        Assert.Equal(1, ticket.OpenCount);
        Assert.Equal(Timestamps.Now(_app.Clock), ticket.FirstOpenedAt);
        Assert.Equal(ticket.FirstOpenedAt + TicketRules.SessionLifetime, opened.SessionExpiresAt);
        Assert.True((await Flow.PulseAsync(opened.SessionToken!)).Active);
        var view = await Flow.GetAsync(opened.SessionToken!);
        Assert.True(view.IsOk);
        Assert.Equal("Acme Partners", view.Value.ProfileName);
    }

    [Fact]
    public async Task Open_KeepsTheFirstOpeningTime_WhenTicketWasOpenedBefore()
    {
        var (secret, id) = await _app.IssueTicketAsync(_profile.Id);
        var first = await Flow.OpenAsync(secret);
        _app.Clock.Advance(TimeSpan.FromHours(1));

        var second = await Flow.OpenAsync(secret);

        Assert.Equal(TicketOpenOutcome.Opened, second.Outcome);
        var ticket = await _app.TicketAsync(id);
        Assert.Equal(2, ticket.OpenCount);
        Assert.Equal(first.SessionExpiresAt, second.SessionExpiresAt);
        Assert.NotEqual(first.SessionToken, second.SessionToken);
    }

    [Fact]
    public async Task Open_ResumesTheSessionWithoutCountingAnOpen_WhenTheBrowserHoldsAnActiveSessionOfTheTicket()
    {
        var (secret, id) = await _app.IssueTicketAsync(_profile.Id);
        var first = await Flow.OpenAsync(secret);
        AssertOk(await Flow.ChooseStrategyAsync(first.SessionToken!, Strategies.Okta));
        AssertOk(await Flow.SaveOidcAsync(first.SessionToken!, new OidcSettingsInput(null, "acme.okta.com", "cid", "secret")));
        AssertOk(await Flow.GoToStepAsync(first.SessionToken!, FlowStep.Attributes));
        _app.Clock.Advance(TimeSpan.FromHours(1));

        var again = await Flow.OpenAsync(secret, first.SessionToken);

        Assert.Equal(TicketOpenOutcome.Resumed, again.Outcome);
        Assert.Equal(first.SessionToken, again.SessionToken);
        Assert.Equal(first.SessionExpiresAt, again.SessionExpiresAt);
        Assert.Equal(1, (await _app.TicketAsync(id)).OpenCount);
        var view = (await Flow.GetAsync(again.SessionToken!)).Value;
        Assert.Equal(FlowStep.Attributes, view.Step);
        Assert.Equal("acme.okta.com", view.Draft.Domain);
        Assert.Equal("cid", view.Draft.ClientId);
        Assert.True(view.Draft.HasClientSecret);
    }

    [Fact]
    public async Task Open_StartsANewCountedSession_WhenTheBrowsersSessionBelongsToAnotherTicket()
    {
        var (otherSecret, _) = await _app.IssueTicketAsync(_profile.Id);
        var other = await Flow.OpenAsync(otherSecret);
        var (secret, id) = await _app.IssueTicketAsync(_profile.Id);

        var opened = await Flow.OpenAsync(secret, other.SessionToken);

        Assert.Equal(TicketOpenOutcome.Opened, opened.Outcome);
        Assert.NotEqual(other.SessionToken, opened.SessionToken);
        Assert.Equal(1, (await _app.TicketAsync(id)).OpenCount);
        Assert.Equal(FlowStep.GetStarted, (await Flow.GetAsync(opened.SessionToken!)).Value.Step);
    }

    [Fact]
    public async Task Open_StartsANewCountedSession_WhenTheBrowsersSessionOfTheTicketHasEnded()
    {
        var (secret, id) = await _app.IssueTicketAsync(_profile.Id);
        var first = await Flow.OpenAsync(secret);
        await using (var db = _app.Db())
        {
            var session = await db.FlowSessions.IgnoreQueryFilters().SingleAsync(s => s.TicketId == id);
            session.EndedAt = Timestamps.Now(_app.Clock);
            await db.SaveChangesAsync();
        }

        var again = await Flow.OpenAsync(secret, first.SessionToken);

        Assert.Equal(TicketOpenOutcome.Opened, again.Outcome);
        Assert.NotEqual(first.SessionToken, again.SessionToken);
        Assert.Equal(2, (await _app.TicketAsync(id)).OpenCount);
    }

    [Fact]
    public async Task Open_Succeeds_WhenItIsTheTenthOpen()
    {
        var (secret, id) = await _app.IssueTicketAsync(_profile.Id);
        for (var i = 0; i < 9; i++)
        {
            Assert.Equal(TicketOpenOutcome.Opened, (await Flow.OpenAsync(secret)).Outcome);
        }

        var tenth = await Flow.OpenAsync(secret);

        Assert.Equal(TicketOpenOutcome.Opened, tenth.Outcome);
        Assert.Equal(10, (await _app.TicketAsync(id)).OpenCount);
    }

    [Fact]
    public async Task Open_ReturnsGone_WhenItIsTheEleventhOpen()
    {
        var (secret, id) = await _app.IssueTicketAsync(_profile.Id);
        for (var i = 0; i < TicketRules.MaxOpens; i++)
        {
            Assert.Equal(TicketOpenOutcome.Opened, (await Flow.OpenAsync(secret)).Outcome);
        }

        var eleventh = await Flow.OpenAsync(secret);

        Assert.Equal(TicketOpenOutcome.Gone, eleventh.Outcome);
        Assert.Null(eleventh.SessionToken);
        Assert.Equal(10, (await _app.TicketAsync(id)).OpenCount);
    }

    [Fact]
    public async Task Open_ReturnsGone_WhenTtlPassedBeforeTheFirstOpen()
    {
        var (secret, id) = await _app.IssueTicketAsync(_profile.Id, new IssueTicketRequest { TtlSec = 3600 });
        _app.Clock.Advance(TimeSpan.FromHours(1));

        var opened = await Flow.OpenAsync(secret);

        Assert.Equal(TicketOpenOutcome.Gone, opened.Outcome);
        Assert.Equal(0, (await _app.TicketAsync(id)).OpenCount);
    }

    [Fact]
    public async Task Open_Succeeds_WhenTtlPassedAfterTheFirstOpen()
    {
        var (secret, _) = await _app.IssueTicketAsync(_profile.Id, new IssueTicketRequest { TtlSec = 3600 });
        _app.Clock.Advance(TimeSpan.FromMinutes(50));
        var first = await Flow.OpenAsync(secret);
        _app.Clock.Advance(TimeSpan.FromHours(2));

        var again = await Flow.OpenAsync(secret);

        Assert.Equal(TicketOpenOutcome.Opened, again.Outcome);
        Assert.True((await Flow.PulseAsync(first.SessionToken!)).Active);
    }

    [Fact]
    public async Task Open_ReturnsGoneAndSessionsEnd_WhenFiveHoursPassedSinceTheFirstOpen()
    {
        var (secret, _) = await _app.IssueTicketAsync(_profile.Id);
        var first = await Flow.OpenAsync(secret);
        _app.Clock.Advance(TicketRules.SessionLifetime - TimeSpan.FromMilliseconds(1));
        Assert.True((await Flow.PulseAsync(first.SessionToken!)).Active);
        _app.Clock.Advance(TimeSpan.FromMilliseconds(1));

        var late = await Flow.OpenAsync(secret);

        Assert.Equal(TicketOpenOutcome.Gone, late.Outcome);
        Assert.False((await Flow.PulseAsync(first.SessionToken!)).Active);
        Assert.Equal(ResultStatus.NotFound, (await Flow.GetAsync(first.SessionToken!)).Status);
    }

    [Fact]
    public async Task Open_ReturnsGoneAndSessionsEnd_WhenTicketIsRevoked()
    {
        var (secret, id) = await _app.IssueTicketAsync(_profile.Id);
        var opened = await Flow.OpenAsync(secret);

        await _app.RevokeAsync(id);

        Assert.Equal(TicketOpenOutcome.Gone, (await Flow.OpenAsync(secret)).Outcome);
        Assert.False((await Flow.PulseAsync(opened.SessionToken!)).Active);
        Assert.Equal(ResultStatus.NotFound, (await Flow.ChooseStrategyAsync(opened.SessionToken!, Strategies.Oidc)).Status);
    }

    [Fact]
    public async Task Open_ReturnsGoneAndSessionsEnd_WhenProfileIsDeleted()
    {
        var (secret, _) = await _app.IssueTicketAsync(_profile.Id);
        var opened = await Flow.OpenAsync(secret);

        AssertOk(await _app.Get<ISelfServiceProfileService>().DeleteAsync(_app.Admin, _profile.Id));

        Assert.Equal(TicketOpenOutcome.Gone, (await Flow.OpenAsync(secret)).Outcome);
        Assert.False((await Flow.PulseAsync(opened.SessionToken!)).Active);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345")]
    public async Task Open_ReturnsUnknown_WhenNoTicketMatches(string secret)
    {
        await _app.IssueTicketAsync(_profile.Id);

        Assert.Equal(TicketOpenOutcome.Unknown, (await Flow.OpenAsync(secret)).Outcome);
    }

    [Fact]
    public async Task Pulse_ReportsEnded_WhenTokenIsUnknown()
    {
        Assert.False((await Flow.PulseAsync("x")).Active);
        Assert.False((await Flow.PulseAsync(Ids.NewTicketSecret())).Active);
    }

    [Fact]
    public async Task ChooseStrategy_ReturnsInvalid_WhenProfileDoesNotAllowIt()
    {
        var profile = await RecreateProfileAsync([Strategies.Okta, Strategies.Samlp]);
        var token = await OpenAsync(profile.Id);

        var result = await Flow.ChooseStrategyAsync(token, Strategies.Oidc);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        var view = await Flow.GetAsync(token);
        Assert.Equal([Strategies.Samlp, Strategies.Okta], view.Value.AllowedStrategies);
    }

    [Fact]
    public async Task SaveOidc_ReturnsFieldErrors_WhenValuesAreMissingOrNotHttps()
    {
        var token = await OpenAsync(_profile.Id);
        AssertOk(await Flow.ChooseStrategyAsync(token, Strategies.Oidc));

        var empty = await Flow.SaveOidcAsync(token, new OidcSettingsInput(null, null, null, null));
        var plainHttp = await Flow.SaveOidcAsync(token, new OidcSettingsInput("http://idp.example.com", null, "client", "secret"));

        Assert.Equal(ResultStatus.Invalid, empty.Status);
        Assert.Contains(empty.Errors, e => e.Path == "discovery_url");
        Assert.Contains(empty.Errors, e => e.Path == "client_id");
        Assert.Contains(empty.Errors, e => e.Path == "client_secret");
        Assert.Equal(ResultStatus.Invalid, plainHttp.Status);
        Assert.Contains(plainHttp.Errors, e => e.Path == "discovery_url" && e.Reason.Contains("https", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SaveOidc_StoresTheSecretProtected_WhenValuesAreValid()
    {
        var token = await OpenAsync(_profile.Id);
        AssertOk(await Flow.ChooseStrategyAsync(token, Strategies.Okta));

        var saved = await Flow.SaveOidcAsync(token, new OidcSettingsInput(null, "acme.okta.com", "0oa-client", "very-secret-value"));

        AssertOk(saved);
        Assert.Equal("https://acme.okta.com/.well-known/openid-configuration", saved.Value.DiscoveryUrl);
        Assert.True(saved.Value.HasClientSecret);
        await using var db = _app.Db();
        var session = await db.FlowSessions.IgnoreQueryFilters().SingleAsync();
        Assert.DoesNotContain("very-secret-value", session.DraftJson!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_HasNoTestReport_WhenTheStoredReportHasTheOlderShapeWithEnglishNames()
    {
        var token = await OpenAsync(_profile.Id);
        AssertOk(await Flow.ChooseStrategyAsync(token, Strategies.Samlp));
        await using (var db = _app.Db())
        {
            var session = await db.FlowSessions.IgnoreQueryFilters().SingleAsync();
            session.TestResultJson = """{"passed":true,"checks":[{"name":"Sign-in URL uses https","passed":true,"detail":null}],"claims":null,"at":"2026-03-02T09:00:00Z"}""";
            session.TestStateJson = """{"state":"s","nonce":"n","codeVerifier":"v","redirectUri":"https://x","discoveryChecks":[{"name":"Discovery document fetched","passed":true,"detail":"https://x"}]}""";
            await db.SaveChangesAsync();
        }

        var view = await Flow.GetAsync(token);
        var completed = await Flow.CompleteOidcTestAsync(token, "s", "code", null);

        AssertOk(view);
        Assert.Null(view.Value.TestReport);
        Assert.Equal(ResultStatus.Invalid, completed.Status);
    }

    [Fact]
    public async Task Finish_CreatesEnabledConnectionFromTheTicketConfig_AndEndsTheSession()
    {
        var request = new IssueTicketRequest
        {
            ConnectionConfig = new ConnectionConfigInput
            {
                Name = "acme-okta",
                DisplayName = "Acme Okta",
                ShowAsButton = true,
                Metadata = new Dictionary<string, string?> { ["team"] = "it" },
                Options = new ConnectionOptionsInput { DomainAliases = ["acme.example.com"], IconUrl = "https://cdn.acme.example.com/i.png" },
            },
            EnabledClients = ["client-a"],
            EnabledOrganizations = [new EnabledOrganizationInput { OrganizationId = "org_123" }],
        };
        var (secret, ticketId) = await _app.IssueTicketAsync(_profile.Id, request);
        var token = (await Flow.OpenAsync(secret)).SessionToken!;
        AssertOk(await Flow.ChooseStrategyAsync(token, Strategies.Okta));
        AssertOk(await Flow.SaveOidcAsync(token, new OidcSettingsInput(null, "acme.okta.com", "0oa-client", "very-secret-value")));

        var finished = await Flow.FinishAsync(token);

        AssertOk(finished);
        Assert.True(finished.Value.Created);
        await using var db = _app.Db();
        Assert.Equal(1, await db.Connections.IgnoreQueryFilters().CountAsync());
        var connection = await db.Connections.IgnoreQueryFilters().SingleAsync(c => c.Id == finished.Value.ConnectionId);
        Assert.Equal("acme-okta", connection.Name);
        Assert.Equal("Acme Okta", connection.DisplayName);
        Assert.Equal(Strategies.Okta, connection.Strategy);
        Assert.True(connection.Enabled);
        Assert.True(connection.ShowAsButton);
        Assert.Equal(["acme.example.com"], connection.DomainAliases);
        Assert.Equal(["client-a"], connection.EnabledClients);
        Assert.Contains("org_123", connection.EnabledOrganizationsJson, StringComparison.Ordinal);
        Assert.Equal(ticketId, connection.CreatedFromTicketId);
        Assert.DoesNotContain("very-secret-value", connection.OptionsJson, StringComparison.Ordinal);
        var ticket = await _app.TicketAsync(ticketId);
        Assert.NotNull(ticket.CompletedAt);
        Assert.Equal(connection.Id, ticket.ConnectionId);
        Assert.False((await Flow.PulseAsync(token)).Active);
        Assert.Equal(TicketOpenOutcome.Gone, (await Flow.OpenAsync(secret)).Outcome);
        var audit = await db.AuditEntries.IgnoreQueryFilters().Where(a => a.TargetId == connection.Id).ToListAsync();
        Assert.Contains(audit, a => a.Action == "connection.created");
    }

    [Fact]
    public async Task Finish_UpdatesTheTicketsConnection_WhenTicketHasConnectionId()
    {
        var existing = new Application.Connections.Connection
        {
            Id = Ids.NewConnectionId(),
            TenantId = FlowTestApp.TenantId,
            Name = "existing-conn",
            Strategy = Strategies.Samlp,
            Enabled = true,
            CreatedAt = Timestamps.Now(_app.Clock),
            UpdatedAt = Timestamps.Now(_app.Clock),
        };
        await using (var seed = _app.Db())
        {
            seed.Connections.Add(existing);
            await seed.SaveChangesAsync();
        }

        var (secret, _) = await _app.IssueTicketAsync(_profile.Id, new IssueTicketRequest { ConnectionId = existing.Id });
        var token = (await Flow.OpenAsync(secret)).SessionToken!;
        Assert.Equal("existing-conn", (await Flow.GetAsync(token)).Value.ConnectionName);
        AssertOk(await Flow.ChooseStrategyAsync(token, Strategies.Oidc));
        AssertOk(await Flow.SaveOidcAsync(token, new OidcSettingsInput("https://idp.example.com", null, "cid", "secret")));

        var finished = await Flow.FinishAsync(token);

        AssertOk(finished);
        Assert.False(finished.Value.Created);
        Assert.Equal(existing.Id, finished.Value.ConnectionId);
        await using var db = _app.Db();
        Assert.Equal(1, await db.Connections.IgnoreQueryFilters().CountAsync());
        Assert.Equal(Strategies.Oidc, (await db.Connections.IgnoreQueryFilters().SingleAsync()).Strategy);
    }

    [Fact]
    public async Task Finish_RecordsTheLastTestOnTheConnection_WhenTheFlowTestedTheSettings()
    {
        var token = await OpenAsync(_profile.Id);
        AssertOk(await Flow.ChooseStrategyAsync(token, Strategies.Samlp));
        AssertOk(await Flow.SaveSamlAsync(token, new SamlSettingsInput(null, null, "https://idp.acme.test/sso", SigningCertificatePem())));
        var report = await Flow.TestSamlAsync(token);
        AssertOk(report);
        Assert.True(report.Value.Passed);

        var finished = await Flow.FinishAsync(token);

        AssertOk(finished);
        await using var db = _app.Db();
        var connection = await db.Connections.IgnoreQueryFilters().SingleAsync(c => c.Id == finished.Value.ConnectionId);
        Assert.True(connection.LastTestPassed);
        Assert.Equal(Timestamps.Truncate(report.Value.At), connection.LastTestedAt);
    }

    [Fact]
    public async Task Finish_RecordsNoTest_WhenTheFlowFinishedWithoutOne()
    {
        var token = await OpenAsync(_profile.Id);
        AssertOk(await Flow.ChooseStrategyAsync(token, Strategies.Samlp));
        AssertOk(await Flow.SaveSamlAsync(token, new SamlSettingsInput(null, null, "https://idp.acme.test/sso", SigningCertificatePem())));

        var finished = await Flow.FinishAsync(token);

        AssertOk(finished);
        await using var db = _app.Db();
        var connection = await db.Connections.IgnoreQueryFilters().SingleAsync(c => c.Id == finished.Value.ConnectionId);
        Assert.Null(connection.LastTestPassed);
        Assert.Null(connection.LastTestedAt);
    }

    private string SigningCertificatePem()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=idp.acme.test",
            key,
            System.Security.Cryptography.HashAlgorithmName.SHA256,
            System.Security.Cryptography.RSASignaturePadding.Pkcs1
        );
        using var certificate = request.CreateSelfSigned(_app.Clock.GetUtcNow().AddDays(-1), _app.Clock.GetUtcNow().AddYears(1));
        return certificate.ExportCertificatePem();
    }

    [Fact]
    public async Task Finish_ReturnsInvalid_WhenNothingWasConfigured()
    {
        var token = await OpenAsync(_profile.Id);
        AssertOk(await Flow.ChooseStrategyAsync(token, Strategies.Oidc));

        var finished = await Flow.FinishAsync(token);

        Assert.Equal(ResultStatus.Invalid, finished.Status);
        Assert.True((await Flow.PulseAsync(token)).Active);
    }

    [Fact]
    public async Task Logs_NeverContainTheTicketSecretOrItsId_WhenTicketIsUsedThroughout()
    {
        var (secret, id) = await _app.IssueTicketAsync(_profile.Id, new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = "log-check" } });
        var token = (await Flow.OpenAsync(secret)).SessionToken!;
        AssertOk(await Flow.ChooseStrategyAsync(token, Strategies.Oidc));
        AssertOk(await Flow.SaveOidcAsync(token, new OidcSettingsInput("https://idp.example.com", null, "cid", "top-secret-1")));
        AssertOk(await Flow.FinishAsync(token));
        await Flow.OpenAsync(secret);
        await Flow.OpenAsync("ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ");

        Assert.NotEmpty(_app.LogLines);
        Assert.DoesNotContain(_app.LogLines, line => line.Contains(secret, StringComparison.Ordinal));
        // The flow's own lines do not even name the ticket's internal handle.
        Assert.DoesNotContain(
            _app.LogLines.Where(line => line.Contains(".SetupFlow.", StringComparison.Ordinal)),
            line => line.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase)
        );
        Assert.DoesNotContain(_app.LogLines, line => line.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(_app.LogLines, line => line.Contains("top-secret-1", StringComparison.Ordinal));
    }

    private async Task<SelfServiceProfileDto> RecreateProfileAsync(IReadOnlyList<string> strategies)
    {
        AssertOk(await _app.Get<ISelfServiceProfileService>().DeleteAsync(_app.Admin, _profile.Id));
        return await _app.CreateProfileAsync(new CreateProfileRequest { Name = "Restricted", AllowedStrategies = strategies });
    }

    private async Task<string> OpenAsync(string profileId)
    {
        var (secret, _) = await _app.IssueTicketAsync(profileId);
        var opened = await Flow.OpenAsync(secret);
        Assert.Equal(TicketOpenOutcome.Opened, opened.Outcome);
        return opened.SessionToken!;
    }

    private static void AssertOk(Result result) =>
        Assert.True(result.IsOk, $"{result.Status} {result.Message} {string.Join("; ", result.Errors.Select(e => $"{e.Path}: {e.Reason}"))}");
}
