using System.Security.Claims;
using AngleSharp;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using Radzen;
using SspPortal.Application.Common;
using SspPortal.Web.Authentication;

namespace SspPortal.Web.Tests.Components;

/// <summary>
/// Renders components to static HTML with <see cref="HtmlRenderer"/> and parses it with AngleSharp.
/// Registers what portal components need (logging, Radzen, a no-op JS runtime, navigation, antiforgery,
/// the authentication state and <see cref="IPortalActorAccessor"/>); add your own services to <see cref="Services"/>
/// before the first render. Static output only: no events, no JS, no after-render (clicks belong to the e2e tests).
/// </summary>
public abstract class RenderTestBase : IAsyncDisposable
{
    private ServiceProvider? _provider;

    protected RenderTestBase()
    {
        Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        Services.AddRadzenComponents();
        Services.AddSingleton<IJSRuntime, NoOpJSRuntime>();
        Services.AddSingleton<NavigationManager>(_ => new TestNavigationManager(BaseUri));
        Services.AddSingleton<AntiforgeryStateProvider, TestAntiforgeryStateProvider>();
        Services.AddSingleton<AuthenticationStateProvider>(_ => new FixedAuthenticationStateProvider(() => User));
        Services.AddCascadingAuthenticationState();
        Services.AddScoped<IPortalActorAccessor, PortalActorAccessor>();
        Services.AddSingleton(TimeProvider.System);
    }

    protected const string BaseUri = "http://127.0.0.1/";

    /// <summary>Services for the components; change before the first render.</summary>
    protected IServiceCollection Services { get; } = new ServiceCollection();

    /// <summary>The signed-in user the components see (anonymous by default).</summary>
    protected ClaimsPrincipal User { get; set; } = new(new ClaimsIdentity());

    /// <summary>Makes a portal user with a tenant and a role the signed-in user.</summary>
    protected void SignIn(string name = "Ada Admin", string tenantId = "acme", string tenantName = "Acme Corporation", PortalRole role = PortalRole.Admin) =>
        User = PortalUser.CreatePrincipal($"test:{name}", name, tenantId, tenantName, role, SignInMethods.Development);

    /// <summary>Renders <typeparamref name="TComponent"/> with these parameters and returns the parsed document.</summary>
    protected async Task<IDocument> RenderAsync<TComponent>(IDictionary<string, object?>? parameters = null)
        where TComponent : IComponent
    {
        _provider ??= Services.BuildServiceProvider();
        await using var scope = _provider.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var view = parameters is null ? ParameterView.Empty : ParameterView.FromDictionary(parameters);
            var output = await renderer.RenderComponentAsync<TComponent>(view);
            return output.ToHtmlString();
        });

        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html).Address(BaseUri));
    }

    /// <summary>A render fragment with this markup (e.g. a layout's <c>Body</c>).</summary>
    protected static RenderFragment Markup(string html) => builder => builder.AddMarkupContent(0, html);

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private sealed class NoOpJSRuntime : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(default(TValue)!);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            ValueTask.FromResult(default(TValue)!);
    }

    private sealed class TestNavigationManager : NavigationManager
    {
        public TestNavigationManager(string baseUri) => Initialize(baseUri, baseUri);

        protected override void NavigateToCore(string uri, NavigationOptions options) => Uri = ToAbsoluteUri(uri).ToString();
    }

    private sealed class TestAntiforgeryStateProvider : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }

    private sealed class FixedAuthenticationStateProvider(Func<ClaimsPrincipal> user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user()));
    }
}
