using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using Radzen;

namespace SspPortal.Web.Tests.Components.Portal;

/// <summary>
/// Renders portal components to static HTML (HtmlRenderer) and parses it with AngleSharp. Static output only:
/// no events, no JS, no after-render work.
/// </summary>
internal sealed class PortalRenderer : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly HtmlRenderer _renderer;

    public PortalRenderer(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRadzenComponents();
        services.AddSingleton<IJSRuntime, SilentJsRuntime>();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
        _renderer = new HtmlRenderer(_services, _services.GetRequiredService<ILoggerFactory>());
    }

    public IServiceProvider Services => _services;

    public Task<IDocument> RenderAsync<TComponent>(IDictionary<string, object?>? parameters = null)
        where TComponent : IComponent =>
        _renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await _renderer.RenderComponentAsync<TComponent>(
                parameters is null ? ParameterView.Empty : ParameterView.FromDictionary(parameters)
            );
            return Parse(output.ToHtmlString());
        });

    /// <summary>Renders any fragment, e.g. a component inside an EditForm.</summary>
    public Task<IDocument> RenderFragmentAsync(RenderFragment fragment) =>
        RenderAsync<FragmentHost>(new Dictionary<string, object?> { [nameof(FragmentHost.ChildContent)] = fragment });

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>");

    public async ValueTask DisposeAsync()
    {
        await _renderer.DisposeAsync();
        await _services.DisposeAsync();
    }

    /// <summary>Hosts a render fragment as a component.</summary>
    internal sealed class FragmentHost : ComponentBase
    {
        [Parameter]
        public RenderFragment? ChildContent { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, ChildContent);
    }

    /// <summary>Radzen components take an IJSRuntime; static rendering never calls it for real.</summary>
    private sealed class SilentJsRuntime : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(default(TValue)!);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            ValueTask.FromResult(default(TValue)!);
    }
}
