using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SspPortal.Application.Common;
using SspPortal.Web.Authentication;

namespace SspPortal.Web.Tests.Components;

/// <summary>
/// The one base of the portal's bUnit tests: a <see cref="BunitContext"/> with MudBlazor's services, loose JS interop
/// (MudBlazor calls its own scripts), the signed-in user of <see cref="SignIn"/> behind <see cref="IPortalActorAccessor"/>,
/// and helpers that render a page beside the popover and dialog providers, so that <c>IDialogService</c> dialogs and
/// message boxes open. xunit awaits <see cref="DisposeAsync"/>: a MudBlazor service is only <c>IAsyncDisposable</c>.
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

    /// <summary>Makes a portal user with a tenant and a role the signed-in user (before the first render).</summary>
    protected void SignIn(PortalRole role, string name = "Ada Admin", string tenantId = "acme", string tenantName = "Acme Corporation") =>
        _user = PortalUser.CreatePrincipal($"test:{name}", name, tenantId, tenantName, role, SignInMethods.Development);

    /// <summary>The dialog provider, rendered once; message boxes and dialogs appear in its markup.</summary>
    protected IRenderedComponent<MudDialogProvider> Dialogs { get; private set; } = default!;

    /// <summary>Renders the popover and dialog providers, then <typeparamref name="TComponent"/>.</summary>
    protected IRenderedComponent<TComponent> RenderWithProviders<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        Render<MudPopoverProvider>();
        Dialogs = Render<MudDialogProvider>();
        return Render(parameters ?? (_ => { }));
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeTestAsync();
        await base.DisposeAsync();
    }

    /// <summary>Anything of the test class's own to dispose, before the context.</summary>
    protected virtual Task DisposeTestAsync() => Task.CompletedTask;

    private sealed class CurrentUserStateProvider(Func<ClaimsPrincipal> user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user()));
    }
}
