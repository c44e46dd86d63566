using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using SspPortal.Application.Common;
using SspPortal.Web.Authentication;
using SspPortal.Web.Components.Layout;

namespace SspPortal.Web.Tests.Components;

/// <summary>
/// The one base of the portal's component tests (bUnit): MudBlazor's services, JS interop in loose mode (MudBlazor's
/// own calls answer with defaults; a test verifies the calls it cares about with <c>JSInterop.VerifyInvoke</c>), the
/// signed-in user (anonymous until <see cref="SignIn"/>), <see cref="IPortalActorAccessor"/>, antiforgery, a fake clock,
/// and an interactive Server renderer (<see cref="RenderStatically"/> for static pages). Add your own services before the
/// first render. xunit 2 disposes test classes synchronously, which MudBlazor's async-only services refuse: the context
/// is disposed through <see cref="IAsyncLifetime"/>.
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
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddScoped<SspPortal.Web.Components.Portal.BrowserTimeZone>();
    }

    // The renderer (and with it the service provider) comes into being at the first render, so that test classes can
    // add their own services after this constructor; the renderer info is handed to it then.
    private RendererInfo _rendererInfo = new("Server", isInteractive: true);
    private bool _rendererReady;

    /// <summary>The clock the components see (2026-12-01 09:00 UTC until a test moves it).</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The signed-in user the components see; anonymous by default.</summary>
    protected ClaimsPrincipal User
    {
        get => _authentication.User;
        set => _authentication.User = value;
    }

    /// <summary>Signs in a portal user of tenant <paramref name="tenantId"/> in <paramref name="role"/> and returns the actor.</summary>
    protected Actor SignIn(PortalRole role = PortalRole.Admin, string name = "Ada Admin", string tenantId = "acme", string tenantName = "Acme Corporation")
    {
        User = PortalUser.CreatePrincipal($"test:{name}", name, tenantId, tenantName, role, SignInMethods.Development);
        return Actor.ForRole(tenantId, $"test:{name}", name, role);
    }

    /// <summary>Signs in a portal user named <paramref name="name"/>; the same as the other overload, name first.</summary>
    protected Actor SignIn(string name, string tenantId = "acme", string tenantName = "Acme Corporation", PortalRole role = PortalRole.Admin) =>
        SignIn(role, name, tenantId, tenantName);

    /// <summary>The popover provider of <see cref="RenderProviders"/>: the open lists of selects and menus render here.</summary>
    protected IRenderedComponent<MudPopoverProvider>? Popovers { get; private set; }

    /// <summary>The snackbar provider of <see cref="RenderProviders"/>: the messages of ISnackbar.</summary>
    protected IRenderedComponent<MudSnackbarProvider>? Snackbars { get; private set; }

    /// <summary>
    /// Renders the popover, dialog and snackbar providers on their own (as MainLayout does) and returns the dialog
    /// provider: dialogs opened through IDialogService, message boxes included, render inside it.
    /// </summary>
    protected IRenderedComponent<MudDialogProvider> RenderProviders()
    {
        Popovers = Render<MudPopoverProvider>();
        Snackbars = Render<MudSnackbarProvider>();
        return Render<MudDialogProvider>();
    }

    /// <summary>Renders as a static page would be (no circuit: <c>RendererInfo.IsInteractive</c> is false).</summary>
    protected void RenderStatically()
    {
        _rendererInfo = new RendererInfo("Static", isInteractive: false);
        if (_rendererReady)
        {
            SetRendererInfo(_rendererInfo);
        }
    }

    /// <summary>Renders <typeparamref name="TComponent"/> (bUnit's <c>Render</c>, with the renderer info applied first).</summary>
    protected new IRenderedComponent<TComponent> Render<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        PrepareRenderer();
        return base.Render(parameters);
    }

    /// <summary>Renders a fragment (bUnit's <c>Render</c>, with the renderer info applied first).</summary>
    protected new IRenderedComponent<Bunit.Rendering.ContainerFragment> Render(RenderFragment fragment)
    {
        PrepareRenderer();
        return base.Render(fragment);
    }

    private void PrepareRenderer()
    {
        if (!_rendererReady)
        {
            SetRendererInfo(_rendererInfo);
            _rendererReady = true;
        }
    }

    /// <summary>
    /// Renders <typeparamref name="TComponent"/> beside MudBlazor's popover, dialog and snackbar providers (menus,
    /// dialogs and snackbars render into them), under the visitor's <paramref name="theme"/> choice, and returns the whole
    /// tree; the component itself is <c>FindComponent&lt;TComponent&gt;()</c>.
    /// </summary>
    protected IRenderedComponent<PortalHost> RenderWithProviders<TComponent>(
        Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null,
        ThemeChoice theme = ThemeChoice.System
    )
        where TComponent : IComponent =>
        Render<PortalHost>(host => host.Add(p => p.Theme, theme).Add<TComponent>(p => p.ChildContent, parameters ?? (_ => { })));

    /// <summary>A render fragment with this markup (e.g. a layout's <c>Body</c>).</summary>
    protected static RenderFragment Markup(string html) => builder => builder.AddMarkupContent(0, html);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await DisposeTestAsync();
    }

    /// <summary>Anything a test class must clean up after the context is gone.</summary>
    protected virtual Task DisposeTestAsync() => Task.CompletedTask;

    /// <summary>
    /// Renders <typeparamref name="TComponent"/> with the visitor's <paramref name="theme"/> choice cascading to it but
    /// without providers (for components that bring their own, as <c>MainLayout</c> does).
    /// </summary>
    protected IRenderedComponent<PortalHost> RenderWithTheme<TComponent>(
        Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null,
        ThemeChoice theme = ThemeChoice.System
    )
        where TComponent : IComponent =>
        Render<PortalHost>(host => host.Add(p => p.Theme, theme).Add(p => p.MudProviders, false).Add<TComponent>(p => p.ChildContent, parameters ?? (_ => { })));

    /// <summary>MudBlazor's providers (unless <see cref="MudProviders"/> is false), then the content under test with the theme choice cascading to it.</summary>
    public sealed class PortalHost : ComponentBase
    {
        [Parameter]
        public ThemeChoice Theme { get; set; }

        [Parameter]
        public bool MudProviders { get; set; } = true;

        [Parameter]
        public RenderFragment? ChildContent { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            if (MudProviders)
            {
                builder.OpenComponent<MudPopoverProvider>(0);
                builder.CloseComponent();
                builder.OpenComponent<MudDialogProvider>(1);
                builder.CloseComponent();
                builder.OpenComponent<MudSnackbarProvider>(2);
                builder.CloseComponent();
            }

            builder.OpenComponent<CascadingValue<ThemeChoice>>(3);
            builder.AddComponentParameter(4, nameof(CascadingValue<ThemeChoice>.Value), Theme);
            builder.AddComponentParameter(5, nameof(CascadingValue<ThemeChoice>.Name), PortalTheme.CascadingName);
            builder.AddComponentParameter(6, nameof(CascadingValue<ThemeChoice>.ChildContent), ChildContent);
            builder.CloseComponent();
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
