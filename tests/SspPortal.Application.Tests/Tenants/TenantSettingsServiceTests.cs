using Microsoft.Extensions.DependencyInjection;
using SspPortal.Application.Common;
using SspPortal.Application.Connections;
using SspPortal.Application.Tenants;
using SspPortal.Application.Tests.Tickets;
using SspPortal.Application.Tickets;

namespace SspPortal.Application.Tests.Tenants;

/// <summary>The Settings page's service: operator settings read-only, a tenant Admin's settings validated, saved and audited.</summary>
public class TenantSettingsServiceTests : TicketTestBase
{
    private ITenantSettingsService Settings => Services.GetRequiredService<ITenantSettingsService>();

    [Fact]
    public async Task Get_ReturnsOperatorSettingsAndDefaults_WhenTenantSetNothing()
    {
        var settings = (await Settings.GetAsync(Viewer)).Value;

        Assert.Equal(TenantDomain, settings.Domain);
        Assert.Equal([CustomDomain], settings.CustomDomains);
        Assert.Equal(1, settings.ProfileLimit);
        Assert.False(settings.ProfileLimitIsTenantOverride);
        Assert.Null(settings.LoginCallbackUrl);
        Assert.Null(settings.EntityIdTemplate);
        Assert.Null(settings.DefaultTicketLifetimeDays);
        Assert.Equal($"https://{TenantDomain}/login/callback", settings.EffectiveLoginCallbackUrl);
        Assert.Equal($"urn:sspportal:{TenantId}:{{connection}}", settings.EffectiveEntityIdTemplate);
        Assert.Equal(5, settings.EffectiveTicketLifetimeDays);
    }

    [Fact]
    public async Task Get_ReportsTheTenantsOwnProfileLimit_WhenOperatorSetOne()
    {
        await SetTenantMaxProfilesAsync(7);

        var settings = (await Settings.GetAsync(Viewer)).Value;

        Assert.Equal(7, settings.ProfileLimit);
        Assert.True(settings.ProfileLimitIsTenantOverride);
    }

    [Fact]
    public async Task Update_SavesAndAudits_WhenValuesAreValid()
    {
        var request = new UpdateTenantSettingsRequest
        {
            LoginCallbackUrl = " https://login.acme.test/callback ",
            EntityIdTemplate = "urn:acme:{connection}",
            DefaultTicketLifetimeDays = 2,
        };

        var result = await Settings.UpdateAsync(Admin, request);

        AssertOk(result);
        Assert.Equal("https://login.acme.test/callback", result.Value.LoginCallbackUrl);
        Assert.Equal("https://login.acme.test/callback", result.Value.EffectiveLoginCallbackUrl);
        Assert.Equal("urn:acme:{connection}", result.Value.EffectiveEntityIdTemplate);
        Assert.Equal(2, result.Value.EffectiveTicketLifetimeDays);
        var entry = (await AuditEntriesAsync()).Last();
        Assert.Equal("tenant.settings_updated", entry.Action);
        Assert.Equal(TenantId, entry.TargetId);
        Assert.Contains("default ticket lifetime default → 2 days", entry.Summary, StringComparison.Ordinal);
        Assert.Contains("Ann Admin", entry.Actor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_ReachesTheSetupFlowsValues_WhenCallbackAndTemplateAreSet()
    {
        AssertOk(
            await Settings.UpdateAsync(
                Admin,
                new UpdateTenantSettingsRequest { LoginCallbackUrl = "https://login.acme.test/cb", EntityIdTemplate = "https://login.acme.test/{connection}" }
            )
        );

        var values = (await Services.GetRequiredService<IConnectionService>().ServiceProviderValuesAsync(TenantId, "acme-okta")).Value;

        Assert.Equal("https://login.acme.test/cb", values.CallbackUrl);
        Assert.Equal("https://login.acme.test/acme-okta", values.EntityId);
    }

    [Fact]
    public async Task Update_GoesBackToTheDefaults_WhenValuesAreEmpty()
    {
        AssertOk(await Settings.UpdateAsync(Admin, new UpdateTenantSettingsRequest { LoginCallbackUrl = "https://a.test/cb", DefaultTicketLifetimeDays = 1 }));

        var result = await Settings.UpdateAsync(Admin, new UpdateTenantSettingsRequest { LoginCallbackUrl = "  " });

        Assert.Null(result.Value.LoginCallbackUrl);
        Assert.Null(result.Value.DefaultTicketLifetimeDays);
        Assert.Equal($"https://{TenantDomain}/login/callback", result.Value.EffectiveLoginCallbackUrl);
    }

    [Fact]
    public async Task Update_WritesNoAudit_WhenNothingChanged()
    {
        AssertOk(await Settings.UpdateAsync(Admin, new UpdateTenantSettingsRequest()));

        Assert.DoesNotContain(await AuditEntriesAsync(), a => a.Action == "tenant.settings_updated");
    }

    [Theory]
    [InlineData("http://login.acme.test/cb", "must use https")]
    [InlineData("/login/callback", "is not an absolute URL")]
    [InlineData("https://login.acme.test/cb#part", "is not an absolute URL")]
    public async Task Update_RefusesTheCallbackUrl_WhenItIsNotAnAbsoluteHttpsUrl(string url, string reason)
    {
        var result = await Settings.UpdateAsync(Admin, new UpdateTenantSettingsRequest { LoginCallbackUrl = url });

        AssertInvalid(result, "login_callback_url", reason);
        Assert.Null((await Settings.GetAsync(Viewer)).Value.LoginCallbackUrl);
    }

    [Theory]
    [InlineData("http://localhost:5000/login/callback")]
    [InlineData("http://127.0.0.1:8080/cb")]
    public async Task Update_AllowsPlainHttp_WhenHostIsLoopback(string url) =>
        AssertOk(await Settings.UpdateAsync(Admin, new UpdateTenantSettingsRequest { LoginCallbackUrl = url }));

    [Theory]
    [InlineData("urn:acme:sso", "must contain {connection} exactly once")]
    [InlineData("urn:acme:{connection}:{connection}", "must contain {connection} exactly once")]
    [InlineData("urn:acme:{tenant}:{connection}", "only {connection} is replaced")]
    [InlineData("not a uri {connection}", "is not an absolute URI")]
    public async Task Update_RefusesTheTemplate_WhenPlaceholdersAreNotTheFlows(string template, string reason) =>
        AssertInvalid(await Settings.UpdateAsync(Admin, new UpdateTenantSettingsRequest { EntityIdTemplate = template }), "entity_id_template", reason);

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public async Task Update_RefusesTheLifetime_WhenOutsideOneToFiveDays(int days) =>
        AssertInvalid(
            await Settings.UpdateAsync(Admin, new UpdateTenantSettingsRequest { DefaultTicketLifetimeDays = days }),
            "default_ticket_lifetime_days",
            "from 1 to 5"
        );

    [Fact]
    public async Task Update_ReportsEveryBadField_WhenSeveralAreWrong()
    {
        var result = await Settings.UpdateAsync(
            Admin,
            new UpdateTenantSettingsRequest { LoginCallbackUrl = "ftp://x", EntityIdTemplate = "x", DefaultTicketLifetimeDays = 9 }
        );

        Assert.Equal(["login_callback_url", "entity_id_template", "default_ticket_lifetime_days"], result.Errors.Select(e => e.Path));
    }

    [Fact]
    public async Task IssueTicket_UsesTheTenantsDefaultLifetime_WhenRequestHasNoTtl()
    {
        AssertOk(await Settings.UpdateAsync(Admin, new UpdateTenantSettingsRequest { DefaultTicketLifetimeDays = 2 }));
        var now = Timestamps.Now(Clock);

        var absent = (await IssueAsync()).Value;
        var zero = (await IssueAsync(new IssueTicketRequest { TtlSec = 0 })).Value;
        var explicitTtl = (await IssueAsync(new IssueTicketRequest { TtlSec = 600 })).Value;

        Assert.Equal(now.AddDays(2), absent.ExpiresAt);
        Assert.Equal(now.AddDays(2), zero.ExpiresAt);
        Assert.Equal(now.AddSeconds(600), explicitTtl.ExpiresAt);
    }

    [Fact]
    public async Task IssueTicket_LastsFiveDays_WhenTenantSetNoDefault()
    {
        var now = Timestamps.Now(Clock);

        var issued = (await IssueAsync()).Value;

        Assert.Equal(now.AddSeconds(TicketRules.MaxTtlSeconds), issued.ExpiresAt);
    }
}
