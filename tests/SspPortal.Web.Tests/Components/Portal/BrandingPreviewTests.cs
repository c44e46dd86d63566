using SspPortal.Web.Components.Portal;

namespace SspPortal.Web.Tests.Components.Portal;

public sealed class BrandingPreviewTests
{
    private static Dictionary<string, object?> Parameters(string? logo = null, string? color = null, string? intro = null, string language = "en") =>
        new()
        {
            [nameof(BrandingPreview.ProfileName)] = "Acme SSO",
            [nameof(BrandingPreview.LogoUrl)] = logo,
            [nameof(BrandingPreview.PrimaryColor)] = color,
            [nameof(BrandingPreview.Introduction)] = intro,
            [nameof(BrandingPreview.Language)] = language,
        };

    [Fact]
    public async Task Render_AppliesPrimaryColourAndLogo_WhenBrandingGiven()
    {
        await using var renderer = new PortalRenderer();

        var document = await renderer.RenderAsync<BrandingPreview>(Parameters("https://cdn.example.com/acme.png", "#C0FFEE"));

        var preview = document.QuerySelector("[data-testid=branding-preview]")!;
        var logo = Assert.Single(preview.QuerySelectorAll("img"));
        Assert.Equal("https://cdn.example.com/acme.png", logo.GetAttribute("src"));
        Assert.False(string.IsNullOrWhiteSpace(logo.GetAttribute("alt")));
        // A logo that fails to load gives way to the placeholder that waits, hidden, beside it.
        // (js/page-behaviour.js swaps them for an img marked data-ssp-logo: no inline handler, which the CSP refuses.)
        Assert.True(logo.HasAttribute("data-ssp-logo"));
        Assert.False(logo.HasAttribute("onerror"));
        Assert.True(preview.QuerySelector(".ssp-flow-logo-placeholder")!.HasAttribute("hidden"));
        Assert.Contains(preview.QuerySelectorAll("[style]"), e => e.GetAttribute("style")!.Contains("#C0FFEE", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Render_ShowsPlaceholderInsteadOfImage_WhenLogoUrlIsNotAnAddress()
    {
        await using var renderer = new PortalRenderer();

        var document = await renderer.RenderAsync<BrandingPreview>(Parameters("not a url", "#123456"));

        Assert.Empty(document.QuerySelectorAll("[data-testid=branding-preview] img"));
        var placeholder = document.QuerySelector("[data-testid=branding-preview] .ssp-flow-logo-placeholder");
        Assert.NotNull(placeholder);
        Assert.False(placeholder.HasAttribute("hidden"));
    }

    [Fact]
    public async Task Render_RemovesScriptsAndHandlers_WhenIntroductionContainsUnsafeHtml()
    {
        await using var renderer = new PortalRenderer();
        const string intro =
            "<p>Welcome <b>partner</b>, see <a href=\"https://help.example.com\">help</a>.</p>"
            + "<script>alert('x')</script><img src=x onerror=\"alert('y')\"><a href=\"javascript:alert('z')\">bad</a>"
            + "<div style=\"position:fixed\" onclick=\"steal()\">more</div>";

        var document = await renderer.RenderAsync<BrandingPreview>(Parameters(intro: intro));

        var preview = document.QuerySelector("[data-testid=branding-preview]")!;
        Assert.Empty(preview.QuerySelectorAll("script"));
        Assert.Empty(preview.QuerySelectorAll("[onerror], [onclick], [style*=fixed]"));
        Assert.DoesNotContain(preview.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("alert(", preview.InnerHtml, StringComparison.Ordinal);
        var bold = Assert.Single(preview.QuerySelectorAll("b"));
        Assert.Equal("partner", bold.TextContent);
        Assert.Contains(preview.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://help.example.com");
    }

    [Fact]
    public async Task Render_ShowsBuiltInIntroduction_WhenNoCustomText()
    {
        await using var renderer = new PortalRenderer();

        var document = await renderer.RenderAsync<BrandingPreview>(Parameters(intro: "  "));

        var text = document.QuerySelector("[data-testid=branding-preview]")!.TextContent;
        Assert.Contains("single sign-on", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Acme SSO", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_MarksThePreviewWithTheLanguage_WhenLanguageGiven()
    {
        await using var renderer = new PortalRenderer();

        var document = await renderer.RenderAsync<BrandingPreview>(Parameters(intro: "Willkommen", language: "de"));

        Assert.NotNull(document.QuerySelector("[data-testid=branding-preview] [lang=de]"));
        Assert.Contains("Willkommen", document.QuerySelector("[data-testid=branding-preview]")!.TextContent, StringComparison.Ordinal);
    }
}
