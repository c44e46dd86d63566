using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace SspPortal.Web.Tests.SetupFlow;

/// <summary>
/// Renders the setup flow's components with bUnit as the flow's static pages serve them (no circuit:
/// <c>RendererInfo.IsInteractive</c> is false) and hands the markup back as a document to query.
/// </summary>
internal sealed class FlowMarkupRenderer : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    public FlowMarkupRenderer(Action<IServiceCollection>? configure = null)
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        configure?.Invoke(_context.Services);
        _context.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
    }

    public Task<IDocument> RenderAsync<TComponent>(IDictionary<string, object?>? parameters = null)
        where TComponent : IComponent
    {
        var rendered = _context.Render(builder =>
        {
            builder.OpenComponent<TComponent>(0);
            foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
            {
                builder.AddComponentParameter(1, name, value);
            }

            builder.CloseComponent();
        });
        return Task.FromResult(Parse(rendered.Markup));
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>");

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
