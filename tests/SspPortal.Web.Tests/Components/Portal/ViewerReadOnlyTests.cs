using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using SspPortal.Application.Audit;
using SspPortal.Application.Common;
using SspPortal.Application.CustomTexts;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tenants;
using SspPortal.Application.Tickets;
using SspPortal.Web.Components.Pages.Profiles;
using SspPortal.Web.Tests.Testing;

namespace SspPortal.Web.Tests.Components.Portal;

/// <summary>
/// The editor as a Viewer sees it (the tickets grid: Components/Tickets/TicketsPanelTests), rendered with the app's real services on a real SQLite file.
/// </summary>
public sealed class ViewerReadOnlyTests : RenderTestBase, IAsyncLifetime
{
    private const string TenantId = "acme";

    private readonly SspWebApplicationFactory _app = new(
        "Testing",
        new Dictionary<string, string?>
        {
            ["Authentication:OpenIdConnect:Authority"] = "http://127.0.0.1:9",
            ["Authentication:OpenIdConnect:ClientId"] = "render-tests",
            ["Authentication:OpenIdConnect:ClientSecret"] = "render-tests-secret",
        }
    );

    private readonly Actor _admin = Actor.ForRole(TenantId, "admin-1", "Ada Admin", PortalRole.Admin);
    private readonly Actor _viewer = Actor.ForRole(TenantId, "viewer-1", "Vera Viewer", PortalRole.Viewer);
    private SelfServiceProfileDto _profile = default!;

    public async Task InitializeAsync()
    {
        var services = _app.Services;
        await services.GetRequiredService<ITenantDirectory>().EnsureAsync(new AddTenantRequest(TenantId, "acme.example.com", "Acme", []));
        var profiles = services.GetRequiredService<ISelfServiceProfileService>();
        _profile = (
            await profiles.CreateAsync(
                _admin,
                new CreateProfileRequest
                {
                    Name = "Partner SSO",
                    Description = "For partners",
                    UserAttributes = [new UserAttributeInput("email", "Work email", false)],
                    Branding = new BrandingInput("https://cdn.example.com/logo.png", new BrandingColorsInput("#0b6e4f")),
                }
            )
        ).Value;
        var ticket = await services.GetRequiredService<ISsoTicketService>().IssueAsync(_admin, _profile.Id, new IssueTicketRequest(), null);
        Assert.True(ticket.IsOk, ticket.Message);

        // The components get the app's own service instances.
        Services.AddSingleton(services.GetRequiredService<ISelfServiceProfileService>());
        Services.AddSingleton(services.GetRequiredService<ICustomTextService>());
        Services.AddSingleton(services.GetRequiredService<ISsoTicketService>());
        Services.AddSingleton(services.GetRequiredService<IAuditLogService>());
        Services.AddSingleton(services.GetRequiredService<ITenantDirectory>());
        Services.AddSingleton(services.GetRequiredService<IValidator<UpdateProfileRequest>>());
        Services.AddSingleton(services.GetRequiredService<IValidator<IssueTicketRequest>>());
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task ProfileEditor_ShowsNoWayToChangeAnything_WhenActorIsViewer()
    {
        SignIn("Vera Viewer", TenantId, "Acme", PortalRole.Viewer);

        var document = await RenderAsync<ProfileEdit>(new Dictionary<string, object?> { [nameof(ProfileEdit.Id)] = _profile.Id });

        Assert.NotNull(document.QuerySelector("[data-testid=read-only-notice]"));
        Assert.Equal("Partner SSO", document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(document.QuerySelector("[data-testid=save-profile]"));
        Assert.Null(document.QuerySelector("[data-testid=issue-ticket]"));
        Assert.Null(document.QuerySelector("[data-testid=delete-profile]"));
        Assert.Null(document.QuerySelector("[data-testid=add-attribute]"));
        Assert.Null(document.QuerySelector("[data-testid=custom-text-save]"));
        var inputs = document.QuerySelectorAll("[data-testid=profile-editor] input, [data-testid=profile-editor] textarea").ToList();
        Assert.NotEmpty(inputs);
        Assert.All(inputs, input => Assert.True(input.HasAttribute("disabled"), $"{input.OuterHtml} is editable"));
        // What a viewer reads is the real profile, preview included.
        Assert.Equal("email", document.QuerySelector("[data-testid=attribute-row] input")!.GetAttribute("value"));
        Assert.Contains("#0b6e4f", document.QuerySelector("[data-testid=branding-preview] [style]")!.GetAttribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfileEditor_OffersSaveAndTickets_WhenActorIsEditor()
    {
        SignIn("Eddie Editor", TenantId, "Acme", PortalRole.Editor);

        var document = await RenderAsync<ProfileEdit>(new Dictionary<string, object?> { [nameof(ProfileEdit.Id)] = _profile.Id });

        Assert.Null(document.QuerySelector("[data-testid=read-only-notice]"));
        Assert.NotNull(document.QuerySelector("[data-testid=save-profile]"));
        Assert.NotNull(document.QuerySelector("[data-testid=issue-ticket]"));
        Assert.False(document.QuerySelector("#profile-name")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task Services_RefuseTheViewer_WhenItForgesTheEditorsRequests()
    {
        var services = _app.Services;
        var profiles = services.GetRequiredService<ISelfServiceProfileService>();

        var update = await profiles.UpdateAsync(_viewer, _profile.Id, new UpdateProfileRequest { Name = "Hijacked", ExpectedVersion = _profile.Version });
        var delete = await profiles.DeleteAsync(_viewer, _profile.Id);
        var text = await services.GetRequiredService<ICustomTextService>()
            .SetAsync(_viewer, _profile.Id, "en", "get-started", new Dictionary<string, string?> { ["introduction"] = "x" });
        var issue = await services.GetRequiredService<ISsoTicketService>().IssueAsync(_viewer, _profile.Id, new IssueTicketRequest(), null);

        Assert.All([update, delete, text, issue], result => Assert.Equal(ResultStatus.Forbidden, result.Status));
        Assert.Equal("Partner SSO", (await profiles.GetAsync(_viewer, _profile.Id)).Value.Name);
    }
}
