using SspPortal.Application.CustomTexts;

namespace SspPortal.Application.Tests.CustomTexts;

public sealed class IntroductionHtmlSanitizerTests
{
    [Theory]
    [InlineData("<b>bold</b> <strong>s</strong> <i>i</i> <em>e</em> <u>u</u>")]
    [InlineData("<p>one</p><p>two<br>three</p>")]
    [InlineData("<ul><li>a</li></ul><ol><li>b</li></ol>")]
    public void Sanitize_KeepsMarkup_WhenTagsAllowed(string html) => Assert.Equal(html, IntroductionHtmlSanitizer.Sanitize(html));

    [Theory]
    [InlineData("<a href=\"https://help.acme.test/sso\">help</a>", "https://help.acme.test/sso")]
    [InlineData("<a href=\"mailto:it@acme.test\">mail</a>", "mailto:it@acme.test")]
    public void Sanitize_KeepsLink_WhenHrefIsHttpsOrMailto(string html, string href)
    {
        var result = IntroductionHtmlSanitizer.Sanitize(html);

        Assert.Contains($"href=\"{href}\"", result, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"http://acme.test\">x</a>")]
    [InlineData("<a href=\"/relative\">x</a>")]
    [InlineData("<a href=\"//evil.test/x\">x</a>")]
    [InlineData("<a href=\"help/sso\">x</a>")]
    [InlineData("<a href=\"../up\">x</a>")]
    [InlineData("<a href=\"#top\">x</a>")]
    [InlineData("<a href=\"?page=2\">x</a>")]
    [InlineData("<a href=\"data:text/html,hi\">x</a>")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\">x</a>")]
    public void Sanitize_DropsHref_WhenSchemeNotAllowed(string html)
    {
        var result = IntroductionHtmlSanitizer.Sanitize(html);

        Assert.DoesNotContain("href", result, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("x", result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>hello", "hello")]
    [InlineData("<img src=x onerror=alert(1)>hello", "hello")]
    [InlineData("<b onclick=\"alert(1)\" style=\"color:red\" class=\"c\">hello</b>", "<b>hello</b>")]
    [InlineData("<div><span>hello</span></div>", "hello")]
    [InlineData("<style>b{color:red}</style><b>hello</b>", "<b>hello</b>")]
    [InlineData("<iframe src=\"https://evil.test\"></iframe>hello", "hello")]
    [InlineData("<svg><script>alert(1)</script></svg>hello", "hello")]
    [InlineData("<a href=\"https://ok.test\" target=\"_blank\" onclick=\"x()\">y</a>", "<a href=\"https://ok.test\" rel=\"noopener noreferrer nofollow\">y</a>")]
    public void Sanitize_StripsMarkup_WhenNotAllowlisted(string html, string expected) => Assert.Equal(expected, IntroductionHtmlSanitizer.Sanitize(html));

    [Fact]
    public void Sanitize_EncodesAndKeepsLineBreaks_WhenPlainText() =>
        Assert.Equal("Fish &amp; chips<br>&quot;quoted&quot; &gt; 3", IntroductionHtmlSanitizer.Sanitize("Fish & chips\n\"quoted\" > 3"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Sanitize_ReturnsEmpty_WhenNothingToShow(string? text) => Assert.Equal("", IntroductionHtmlSanitizer.Sanitize(text));
}
