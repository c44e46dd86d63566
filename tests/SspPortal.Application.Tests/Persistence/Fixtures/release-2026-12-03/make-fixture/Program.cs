// Makes the upgrade fixture with the release at commit 1153ca6: its own migrations, services and Data Protection.
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SspPortal.Application.Common;
using SspPortal.Application.Connections;
using SspPortal.Application.CustomTexts;
using SspPortal.Application.Profiles;
using SspPortal.Application.SetupFlow;
using SspPortal.Application.Tenants;
using SspPortal.Application.Tickets;
using SspPortal.Infrastructure;
using SspPortal.Infrastructure.Persistence;
using SspPortal.Infrastructure.SetupFlow;

var folder = Path.GetFullPath(args[0]);
var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", ContentRootPath = folder });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Path"] = Path.Combine(folder, "data", "sspportal.db") });
builder.AddInfrastructure();
SspPortal.Web.SetupFlow.SetupFlowHosting.AddSetupFlow(builder);
using var host = builder.Build();
var services = host.Services;
await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);

var created = new DateTime(2026, 12, 3, 9, 15, 30, 123, DateTimeKind.Utc);
var tenants = services.GetRequiredService<ITenantDirectory>();
var tenant = await tenants.AddAsync(new AddTenantRequest("acme", "acme.example.com", "Acme Corp", ["login.acme.test"], MaxProfiles: 5, EntityIdTemplate: "urn:acme:{connection}"));
if (!tenant.IsOk) throw new InvalidOperationException(tenant.Message);

var actor = Actor.ForRole("acme", "user-1", "Ada Admin", PortalRole.Admin);
var profiles = services.GetRequiredService<ISelfServiceProfileService>();
var profile = (await profiles.CreateAsync(actor, new CreateProfileRequest
{
    Name = "Acme SSO",
    Description = "Made by the 2026-12-03 release",
    UserAttributes = [new UserAttributeInput("email", "Work e-mail", false), new UserAttributeInput("department", "Département", true)],
    AllowedStrategies = ["oidc", "samlp"],
})).Value;
var texts = services.GetRequiredService<ICustomTextService>();
var text = await texts.SetAsync(actor, profile.Id, "fr", "get-started", new Dictionary<string, string?> { ["introduction"] = "Bienvenue chez <b>Acme</b> ✓" });
if (!text.IsOk) throw new InvalidOperationException(text.Message);

var tickets = services.GetRequiredService<ISsoTicketService>();
var opened = (await tickets.IssueAsync(actor, profile.Id, new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = "Acme-Okta" } }, null)).Value;
var unopened = (await tickets.IssueAsync(actor, profile.Id, new IssueTicketRequest(), "login.acme.test")).Value;
string Secret(string url) => new Uri(url).Query.Split("ticket=")[1];
TicketOpenResult session;
await using (var scope = services.CreateAsyncScope())
{
    session = await scope.ServiceProvider.GetRequiredService<ITicketFlowService>().OpenAsync(Secret(opened.Url));
}

// A finished connection as the flow stores it: the client secret protected for connections.
var secrets = services.GetRequiredService<FlowSecrets>();
await using (var db = services.GetRequiredService<SspDbContextFactory>().Unscoped())
{
    db.Connections.Add(new Connection
    {
        Id = "con_9Zx2Kq7Wm4Np8Rt3",
        TenantId = "acme",
        Name = "Acme-OIDC",
        DisplayName = "Acme OIDC",
        Strategy = "oidc",
        OptionsJson = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["type"] = "back_channel",
            ["discovery_url"] = "https://idp.acme.test/.well-known/openid-configuration",
            ["client_id"] = "acme-client",
            ["client_secret"] = secrets.ProtectForConnection("fixture-client-secret-4711"),
            ["scope"] = "openid profile email",
        }),
        DomainAliases = ["acme.test"],
        EnabledClients = ["client-1"],
        Metadata = new Dictionary<string, string?> { ["région"] = "eu-west", ["none"] = null },
        Enabled = true,
        CreatedFromTicketId = opened.TicketId,
        CreatedAt = created,
        UpdatedAt = created,
    });
    // The same name in another case: today's release allowed it (its unique index was case-sensitive).
    db.Connections.Add(new Connection
    {
        Id = "con_3Hs8Vb2Lp6Qw9Xy4",
        TenantId = "acme",
        Name = "acme-oidc",
        Strategy = "samlp",
        Enabled = false,
        CreatedAt = created.AddMinutes(1),
        UpdatedAt = created.AddMinutes(1),
    });
    await db.SaveChangesAsync();
}

var facts = new Dictionary<string, object?>
{
    ["profile_id"] = profile.Id,
    ["profile_version"] = profile.Version,
    ["opened_ticket_id"] = opened.TicketId,
    ["unopened_ticket_id"] = unopened.TicketId,
    ["unopened_ticket_secret"] = Secret(unopened.Url),
    ["session_token"] = session.SessionToken,
    ["session_expires_at"] = session.SessionExpiresAt,
};
await File.WriteAllTextAsync(Path.Combine(folder, "facts.json"), JsonSerializer.Serialize(facts, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine("done");
