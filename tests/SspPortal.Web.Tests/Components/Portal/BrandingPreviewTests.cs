using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Bunit;
using SspPortal.Web.Components.Portal;

namespace SspPortal.Web.Tests.Components.Portal;

public sealed class BrandingPreviewTests : PortalTestContext
{
    private IDocument RenderPreview(string? logo = null, string? color = null, string? intro = null, string language = "en")
    {
        var cut = Render<BrandingPreview>(ps =>
            ps.Add(p => p.ProfileName, "Acme SSO")
                .Add(p => p.LogoUrl, logo)
                .Add(p => p.PrimaryColor, color)
                .Add(p => p.Introduction, intro)
                .Add(p => p.Language, language)
        );
        var document = new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{cut.Markup}</body></html>");
        return document;
    }

    [Fact]
    public void Render_FollowsNewValues_WhenParametersChange()
    {
        var cut = Render<BrandingPreview>(ps => ps.Add(p => p.ProfileName, "Acme SSO").Add(p => p.PrimaryColor, "#112233"));

        cut.Render(ps => ps.Add(p => p.ProfileName, "Globex SSO").Add(p => p.PrimaryColor, "#445566").Add(p => p.Introduction, "Hello partners"));

        var preview = cut.Find("[data-testid=branding-preview]");
        Assert.Contains("Globex SSO", preview.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hello partners", preview.TextContent, StringComparison.Ordinal);
        Assert.Contains(cut.FindAll("[data-testid=branding-preview] [style]"), e => e.GetAttribute("style")!.Contains("#445566", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("#112233", cut.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_AppliesPrimaryColourAndLogo_WhenBrandingGiven()
    {

        var document = RenderPreview("https://cdn.example.com/acme.png", "#C0FFEE");

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
    public void Render_ShowsPlaceholderInsteadOfImage_WhenLogoUrlIsNotAnAddress()
    {

        var document = RenderPreview("not a url", "#123456");

        Assert.Empty(document.QuerySelectorAll("[data-testid=branding-preview] img"));
        var placeholder = document.QuerySelector("[data-testid=branding-preview] .ssp-flow-logo-placeholder");
        Assert.NotNull(placeholder);
        Assert.False(placeholder.HasAttribute("hidden"));
    }

    [Fact]
    public void Render_RemovesScriptsAndHandlers_WhenIntroductionContainsUnsafeHtml()
    {
        const string intro =
            "<p>Welcome <b>partner</b>, see <a href=\"https://help.example.com\">help</a>.</p>"
            + "<script>alert('x')</script><img src=x onerror=\"alert('y')\"><a href=\"javascript:alert('z')\">bad</a>"
            + "<div style=\"position:fixed\" onclick=\"steal()\">more</div>";

        var document = RenderPreview(intro: intro);

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
    public void Render_ShowsBuiltInIntroduction_WhenNoCustomText()
    {

        var document = RenderPreview(intro: "  ");

        var text = document.QuerySelector("[data-testid=branding-preview]")!.TextContent;
        Assert.Contains("single sign-on", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Acme SSO", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MarksThePreviewWithTheLanguage_WhenLanguageGiven()
    {

        var document = RenderPreview(intro: "Willkommen", language: "de");

        Assert.NotNull(document.QuerySelector("[data-testid=branding-preview] [lang=de]"));
        Assert.Contains("Willkommen", document.QuerySelector("[data-testid=branding-preview]")!.TextContent, StringComparison.Ordinal);
    }
}
