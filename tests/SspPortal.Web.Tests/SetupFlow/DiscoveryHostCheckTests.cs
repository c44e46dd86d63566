using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SspPortal.Application.Common;
using SspPortal.Application.Profiles;
using SspPortal.Application.SetupFlow;
using SspPortal.Infrastructure.SetupFlow;

namespace SspPortal.Web.Tests.SetupFlow;

/// <summary>
/// A discovery URL is stored and then served to the tenant's sign-in system: its host is checked where it resolves
/// when it is saved and again when the connection is stored. This machine's own name resolves to loopback or a private
/// address, like an internal host name would.
/// </summary>
public sealed class DiscoveryHostCheckTests : IAsyncLifetime
{
    private const string PrivateNetwork = "The address is not reachable from here (private network).";
    private readonly FlowTestApp _app = new();
    private SelfServiceProfileDto _profile = default!;

    private ITicketFlowService Flow => _app.Get<ITicketFlowService>();

    private static Uri InternalDiscoveryUrl => new($"https://{Dns.GetHostName()}/.well-known/openid-configuration");

    public async Task InitializeAsync()
    {
        await _app.StartAsync();
        _profile = await _app.CreateProfileAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SaveOidc_RefusesTheDiscoveryUrl_WhenItsHostNameResolvesToAPrivateOrLoopbackAddress()
    {
        var token = await OidcSessionAsync();

        var saved = await Flow.SaveOidcAsync(token, new OidcSettingsInput(InternalDiscoveryUrl.AbsoluteUri, null, "client-1", "secret-1"));

        Assert.Equal(ResultStatus.Invalid, saved.Status);
        var error = Assert.Single(saved.Errors);
        Assert.Equal("discovery_url", error.Path);
        Assert.Equal(PrivateNetwork, error.Reason);
        Assert.Null((await Flow.GetAsync(token)).Value.Draft.DiscoveryUrl);
    }

    [Fact]
    public async Task Finish_RefusesToStoreTheConnection_WhenTheDiscoveryHostNowResolvesToAPrivateAddress()
    {
        var token = await OidcSessionAsync();
        // What a draft saved while the name still pointed elsewhere holds.
        var draft = new FlowDraft
        {
            DiscoveryUrl = InternalDiscoveryUrl.AbsoluteUri,
            ClientId = "client-1",
            ProtectedClientSecret = _app.Get<FlowSecrets>().ProtectDraft("secret-1"),
        };
        await using (var db = _app.Db())
        {
            var session = await db.FlowSessions.IgnoreQueryFilters().SingleAsync();
            session.DraftJson = JsonSerializer.Serialize(draft, new JsonSerializerOptions(JsonSerializerDefaults.Web));
            await db.SaveChangesAsync();
        }

        var finished = await Flow.FinishAsync(token);

        Assert.Equal(ResultStatus.Invalid, finished.Status);
        Assert.Equal("discovery_url", Assert.Single(finished.Errors).Path);
        await using var check = _app.Db();
        Assert.False(await check.Connections.IgnoreQueryFilters().AnyAsync(c => c.Enabled));
    }

    private async Task<string> OidcSessionAsync()
    {
        var (secret, _) = await _app.IssueTicketAsync(_profile.Id);
        var opened = await Flow.OpenAsync(secret);
        Assert.True((await Flow.ChooseStrategyAsync(opened.SessionToken!, "oidc")).IsOk);
        return opened.SessionToken!;
    }
}
