using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SspPortal.Application.Common;
using SspPortal.Web.Authentication;

namespace SspPortal.Web.Tests.Components;

/// <summary>
/// The one bUnit base of the portal's component tests: MudBlazor's services, loose JS interop (MudBlazor calls its own
/// scripts), the signed-in user the components see through <see cref="IPortalActorAccessor"/>, and the providers that
/// dialogs, menus and selects render into. xunit 2 disposes synchronously, and a MudBlazor service is only
/// <see cref="IAsyncDisposable"/>: the context is disposed here, asynchronously.
/// </summary>
public abstract class PortalTestContext : BunitContext, IAsyncLifetime
{
    private ClaimsPrincipal _user = new(new ClaimsIdentity());

    protected PortalTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<AuthenticationStateProvider>(_ => new FixedAuthenticationStateProvider(() => _user));
        Services.AddCascadingAuthenticationState();
        Services.AddScoped<IPortalActorAccessor, PortalActorAccessor>();
    }

    /// <summary>Makes a portal user with a tenant and a role the signed-in user (before the first render).</summary>
    protected void SignIn(string name = "Ada Admin", string tenantId = "acme", string tenantName = "Acme Corporation", PortalRole role = PortalRole.Admin) =>
        _user = PortalUser.CreatePrincipal($"test:{name}", name, tenantId, tenantName, role, SignInMethods.Development);

    /// <summary>The popover provider of <see cref="RenderProviders"/>: the open lists of selects and menus render here.</summary>
    protected IRenderedComponent<MudPopoverProvider>? Popovers { get; private set; }

    /// <summary>
    /// Renders the popover, dialog and snackbar providers (as MainLayout does) and returns the dialog provider: dialogs
    /// opened through IDialogService, message boxes included, render inside it.
    /// </summary>
    protected IRenderedComponent<MudDialogProvider> RenderProviders()
    {
        Popovers = Render<MudPopoverProvider>();
        Snackbars = Render<MudSnackbarProvider>();
        return Render<MudDialogProvider>();
    }

    /// <summary>The snackbar provider of <see cref="RenderProviders"/>: the messages of ISnackbar.</summary>
    protected IRenderedComponent<MudSnackbarProvider>? Snackbars { get; private set; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await DisposeTestAsync();
    }

    /// <summary>Anything a test class must clean up after the context is gone.</summary>
    protected virtual Task DisposeTestAsync() => Task.CompletedTask;

    private sealed class FixedAuthenticationStateProvider(Func<ClaimsPrincipal> user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user()));
    }
}
