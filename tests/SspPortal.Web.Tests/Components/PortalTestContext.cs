using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SspPortal.Application.Common;
using SspPortal.Web.Authentication;

namespace SspPortal.Web.Tests.Components;

/// <summary>
/// The one base of the portal's bUnit tests: a <see cref="BunitContext"/> with MudBlazor's services, loose JS interop
/// (MudBlazor calls its own scripts), the signed-in user of <see cref="SignIn"/> behind <see cref="IPortalActorAccessor"/>,
/// and <see cref="RenderWithProviders"/>, which renders a component beside the popover, dialog and snackbar providers so
/// that <c>IDialogService</c> dialogs and message boxes open in the same tree. xunit disposes the context through
/// <see cref="IAsyncLifetime"/>: a MudBlazor service is only <c>IAsyncDisposable</c>.
/// </summary>
public abstract class PortalTestContext : BunitContext, IAsyncLifetime
{
    private ClaimsPrincipal _user = new(new ClaimsIdentity());

    protected PortalTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<AuthenticationStateProvider>(new CurrentUserStateProvider(() => _user));
        Services.AddCascadingAuthenticationState();
        Services.AddScoped<IPortalActorAccessor, PortalActorAccessor>();
    }

    /// <summary>Signs in a portal user of tenant <paramref name="tenantId"/> in <paramref name="role"/> and returns the actor.</summary>
    protected Actor SignIn(PortalRole role = PortalRole.Admin, string name = "Ada Admin", string tenantId = "acme", string tenantName = "Acme Corporation")
    {
        _user = PortalUser.CreatePrincipal($"test:{name}", name, tenantId, tenantName, role, SignInMethods.Development);
        return Actor.ForRole(tenantId, $"test:{name}", name, role);
    }

    /// <summary>
    /// Renders <typeparamref name="TComponent"/> beside MudBlazor's popover, dialog and snackbar providers and returns the
    /// whole tree; the component itself is <c>FindComponent&lt;TComponent&gt;()</c>.
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

    private sealed class CurrentUserStateProvider(Func<ClaimsPrincipal> user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user()));
    }
}
