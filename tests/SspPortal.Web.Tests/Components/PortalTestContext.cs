using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SspPortal.Application.Common;
using SspPortal.Web.Authentication;

namespace SspPortal.Web.Tests.Components;

/// <summary>
/// The one base of the portal's component tests (bUnit): MudBlazor's services, JS interop in loose mode, the signed-in
/// user (anonymous until <see cref="SignIn"/>), <see cref="IPortalActorAccessor"/> and antiforgery. xunit 2 disposes test classes synchronously, which MudBlazor's async-only services refuse: the context is
/// disposed through <see cref="IAsyncLifetime"/>.
/// </summary>
public abstract class PortalTestContext : BunitContext, IAsyncLifetime
{
    private readonly SwitchableAuthenticationStateProvider _authentication = new();

    protected PortalTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddAuthorizationCore();
        Services.AddCascadingAuthenticationState();
        Services.AddSingleton<AuthenticationStateProvider>(_authentication);
        Services.AddSingleton<AntiforgeryStateProvider, TestAntiforgeryStateProvider>();
        Services.AddScoped<IPortalActorAccessor, PortalActorAccessor>();
        // No SetRendererInfo here: it builds the service provider, and derived test classes still add services.
    }

    /// <summary>Signs in a portal user of tenant <paramref name="tenantId"/> in <paramref name="role"/> and returns the actor.</summary>
    protected Actor SignIn(PortalRole role = PortalRole.Admin, string name = "Ada Admin", string tenantId = "acme", string tenantName = "Acme Corporation")
    {
        _authentication.User = PortalUser.CreatePrincipal($"test:{name}", name, tenantId, tenantName, role, SignInMethods.Development);
        return Actor.ForRole(tenantId, $"test:{name}", name, role);
    }

    /// <summary>
    /// Renders <typeparamref name="TComponent"/> beside MudBlazor's popover, dialog and snackbar providers (menus,
    /// dialogs and snackbars render into them) and returns the whole tree; the component is <c>FindComponent&lt;TComponent&gt;()</c>.
    /// </summary>
    protected IRenderedComponent<PortalHost> RenderWithProviders<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent =>
        Render<PortalHost>(host => host.Add<TComponent>(p => p.ChildContent, parameters ?? (_ => { })));

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    /// <summary>MudBlazor's providers, then the content under test.</summary>
    public sealed class PortalHost : ComponentBase
    {
        [Parameter]
        public RenderFragment? ChildContent { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(2);
            builder.CloseComponent();
            builder.AddContent(3, ChildContent);
        }
    }

    private sealed class SwitchableAuthenticationStateProvider : AuthenticationStateProvider
    {
        public ClaimsPrincipal User { get; set; } = new(new ClaimsIdentity());

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(User));
    }

    private sealed class TestAntiforgeryStateProvider : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}
