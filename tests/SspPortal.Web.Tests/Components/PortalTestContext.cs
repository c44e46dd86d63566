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
/// The one bUnit test context of the portal's components: MudBlazor's services, JS interop in loose mode (calls
/// nobody set up answer the default), the signed-in user the components see, and the providers dialogs and popovers
/// render into. xunit awaits <see cref="BunitContext.DisposeAsync"/> (MudBlazor's services are only asynchronously
/// disposable).
/// </summary>
public abstract class PortalTestContext : BunitContext, IAsyncLifetime
{
    protected PortalTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<AuthenticationStateProvider>(_ => new FixedAuthenticationStateProvider(() => User));
        Services.AddCascadingAuthenticationState();
        Services.AddScoped<IPortalActorAccessor, PortalActorAccessor>();
        Services.AddSingleton(TimeProvider.System);
    }

    /// <summary>The signed-in user the components see (anonymous by default).</summary>
    protected ClaimsPrincipal User { get; set; } = new(new ClaimsIdentity());

    /// <summary>Makes a portal user with a tenant and a role the signed-in user; returns the actor the services see.</summary>
    protected Actor SignIn(string name = "Ada Admin", string tenantId = "acme", string tenantName = "Acme Corporation", PortalRole role = PortalRole.Admin)
    {
        User = PortalUser.CreatePrincipal($"test:{name}", name, tenantId, tenantName, role, SignInMethods.Development);
        return PortalActorAccessor.FromPrincipal(User)!;
    }

    /// <summary>Renders the popover and dialog providers (before the component under test); dialogs appear in the returned one.</summary>
    protected IRenderedComponent<MudDialogProvider> RenderProviders()
    {
        Render<MudPopoverProvider>();
        return Render<MudDialogProvider>();
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeTestAsync();
        await DisposeAsync();
    }

    /// <summary>What a derived class disposes besides the context.</summary>
    protected virtual Task DisposeTestAsync() => Task.CompletedTask;

    private sealed class FixedAuthenticationStateProvider(Func<ClaimsPrincipal> user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user()));
    }
}
