using System.Globalization;
using MudBlazor;
using MudBlazor.Utilities;
using SspPortal.Web.Components.Layout;

namespace SspPortal.Web.Tests.Components;

/// <summary>The palettes meet WCAG AA (4.5:1 for text) where the portal puts text on colour, in light and dark.</summary>
public sealed class PortalThemeTests
{
    public static TheoryData<string> Modes => ["light", "dark"];

    [Theory]
    [MemberData(nameof(Modes))]
    public void Palette_MeetsAaContrast_ForTextOnSurfacesAndColours(string mode)
    {
        Palette palette = mode == "dark" ? PortalTheme.Theme.PaletteDark : PortalTheme.Theme.PaletteLight;

        var pairs = new List<(string What, MudColor Text, MudColor Background)>
        {
            ("text on surface", palette.TextPrimary, palette.Surface),
            ("text on background", palette.TextPrimary, palette.Background),
            ("secondary text on surface", palette.TextSecondary, palette.Surface),
            ("secondary text on background", palette.TextSecondary, palette.Background),
            ("disabled text on surface", palette.TextDisabled, palette.Surface),
            ("app bar text", palette.AppbarText, palette.AppbarBackground),
            ("drawer text", palette.DrawerText, palette.DrawerBackground),
            ("link (primary) on surface", palette.Primary, palette.Surface),
            ("link (primary) on background", palette.Primary, palette.Background),
        };
        foreach (var (name, color, contrast, darken) in Colours(palette))
        {
            pairs.Add(($"{name} button/chip text", contrast, color));
            pairs.Add(($"{name} as text on surface", color, palette.Surface));
            pairs.Add(($"{name} alert text on surface", darken, palette.Surface));
        }

        var failing = pairs
            .Select(p => (p.What, Ratio: ContrastRatio(p.Text, p.Background)))
            .Where(p => p.Ratio < 4.5)
            .Select(p => $"{p.What}: {p.Ratio.ToString("0.00", CultureInfo.InvariantCulture)}:1")
            .ToList();
        Assert.True(failing.Count == 0, $"Below 4.5:1 in {mode} mode: {string.Join("; ", failing)}");
    }

    [Fact]
    public void ContrastRatio_IsTwentyOneForBlackOnWhite_SoThatTheCheckCanFail()
    {
        Assert.Equal(21.0, ContrastRatio(new MudColor("#000000"), new MudColor("#ffffff")), 2);
        Assert.True(ContrastRatio(new MudColor("#777777"), new MudColor("#ffffff")) < 4.5);
    }

    [Theory]
    [InlineData(null, ThemeChoice.System)]
    [InlineData("", ThemeChoice.System)]
    [InlineData("light", ThemeChoice.Light)]
    [InlineData("dark", ThemeChoice.Dark)]
    [InlineData("material", ThemeChoice.Light)]
    [InlineData("material-dark", ThemeChoice.Dark)]
    [InlineData("purple", ThemeChoice.System)]
    public void Parse_ReadsTheCookieIncludingEarlierValues(string? cookie, ThemeChoice expected)
    {
        var choice = PortalTheme.Parse(cookie);

        Assert.Equal(expected, choice);
    }

    [Fact]
    public void DarkScoped_PutsTheDarkPaletteUnderTheDataThemeAttribute()
    {
        Assert.Equal(":root", PortalTheme.Theme.PseudoCss.Scope);
        Assert.Equal(":root[data-theme=\"dark\"]", PortalTheme.DarkScoped.PseudoCss.Scope);
        Assert.Equal(PortalTheme.Theme.PaletteDark.Primary.Value, PortalTheme.DarkScoped.PaletteDark.Primary.Value);
    }

    private static IEnumerable<(string Name, MudColor Color, MudColor Contrast, MudColor Darken)> Colours(Palette p) =>
    [
        ("primary", p.Primary, p.PrimaryContrastText, new MudColor(p.PrimaryDarken)),
        ("secondary", p.Secondary, p.SecondaryContrastText, new MudColor(p.SecondaryDarken)),
        ("tertiary", p.Tertiary, p.TertiaryContrastText, new MudColor(p.TertiaryDarken)),
        ("info", p.Info, p.InfoContrastText, new MudColor(p.InfoDarken)),
        ("success", p.Success, p.SuccessContrastText, new MudColor(p.SuccessDarken)),
        ("warning", p.Warning, p.WarningContrastText, new MudColor(p.WarningDarken)),
        ("error", p.Error, p.ErrorContrastText, new MudColor(p.ErrorDarken)),
        ("dark", p.Dark, p.DarkContrastText, new MudColor(p.DarkDarken)),
    ];

    private static double ContrastRatio(MudColor a, MudColor b)
    {
        var (lighter, darker) = (Luminance(a), Luminance(b)) is var (x, y) && x > y ? (x, y) : (y, x);
        return (lighter + 0.05) / (darker + 0.05);
    }

    private static double Luminance(MudColor color)
    {
        static double Channel(byte value)
        {
            var c = value / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(color.R)) + (0.7152 * Channel(color.G)) + (0.0722 * Channel(color.B));
    }
}
