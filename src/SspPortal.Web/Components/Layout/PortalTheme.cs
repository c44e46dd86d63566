using MudBlazor;

namespace SspPortal.Web.Components.Layout;

/// <summary>
/// The portal's MudBlazor theme (light and dark palettes that meet WCAG AA contrast) and the visitor's choice of mode.
/// The choice is a cookie: none means "follow the system setting", otherwise light or dark. Both palettes are in every
/// page (<see cref="DarkScope"/>), and <c>wwwroot-assets/js/theme.js</c> sets <c>data-theme</c> on the document before
/// the first paint, so the page never flashes in the wrong mode.
/// </summary>
public static class PortalTheme
{
    public const string CookieName = "SspPortal.Theme";

    /// <summary>The name of the cascading value carrying the visitor's <see cref="ThemeChoice"/>.</summary>
    public const string CascadingName = "PortalThemeChoice";

    /// <summary>The selector under which the dark palette's variables apply (theme.js sets the attribute).</summary>
    public const string DarkScope = ":root[data-theme=\"dark\"]";

    /// <summary>The theme: light palette on <c>:root</c>.</summary>
    public static MudTheme Theme { get; } = Create(":root");

    /// <summary>The same theme, its dark palette scoped to <see cref="DarkScope"/>.</summary>
    public static MudTheme DarkScoped { get; } = Create(DarkScope);

    /// <summary>The choice the cookie holds; the values of the earlier theme switch ("material", "material-dark") still count.</summary>
    public static ThemeChoice FromRequest(HttpRequest request) => Parse(request.Cookies[CookieName]);

    public static ThemeChoice Parse(string? cookieValue) =>
        cookieValue switch
        {
            "dark" or "material-dark" => ThemeChoice.Dark,
            "light" or "material" => ThemeChoice.Light,
            _ => ThemeChoice.System,
        };

    /// <summary>The value for the document's <c>data-theme-choice</c> attribute and the cookie (null: no cookie).</summary>
    public static string AttributeValue(ThemeChoice choice) =>
        choice switch
        {
            ThemeChoice.Light => "light",
            ThemeChoice.Dark => "dark",
            _ => "system",
        };

    /// <summary>What the theme switch does next: system, then light, then dark, then back to the system setting.</summary>
    public static ThemeChoice Next(ThemeChoice choice) =>
        choice switch
        {
            ThemeChoice.System => ThemeChoice.Light,
            ThemeChoice.Light => ThemeChoice.Dark,
            _ => ThemeChoice.System,
        };

    /// <summary>The theme switch's name: the mode now, and what a click does.</summary>
    public static string SwitchLabel(ThemeChoice choice) =>
        choice switch
        {
            ThemeChoice.Light => "Theme: light. Switch to dark",
            ThemeChoice.Dark => "Theme: dark. Switch to the system setting",
            _ => "Theme: as the system. Switch to light",
        };

    private static MudTheme Create(string scope) =>
        new()
        {
            PseudoCss = new PseudoCss { Scope = scope },
            PaletteLight = new PaletteLight
            {
                Primary = "#1d4ed8",
                PrimaryDarken = "#1e3a8a",
                PrimaryLighten = "#3b63e0",
                PrimaryContrastText = "#ffffff",
                Secondary = "#6d28d9",
                SecondaryDarken = "#4c1d95",
                SecondaryLighten = "#7c3aed",
                SecondaryContrastText = "#ffffff",
                Tertiary = "#0f766e",
                TertiaryDarken = "#115e59",
                TertiaryLighten = "#0d9488",
                TertiaryContrastText = "#ffffff",
                Info = "#0b63a8",
                InfoDarken = "#084a7e",
                InfoLighten = "#1473bd",
                InfoContrastText = "#ffffff",
                Success = "#1b7a3a",
                SuccessDarken = "#145c2c",
                SuccessLighten = "#218a43",
                SuccessContrastText = "#ffffff",
                Warning = "#8a4b00",
                WarningDarken = "#6b3a00",
                WarningLighten = "#9a5600",
                WarningContrastText = "#ffffff",
                Error = "#b3261e",
                ErrorDarken = "#8c1d17",
                ErrorLighten = "#c62f26",
                ErrorContrastText = "#ffffff",
                Dark = "#343a40",
                DarkDarken = "#212529",
                DarkLighten = "#495057",
                DarkContrastText = "#ffffff",
                TextPrimary = "#1b1f24",
                TextSecondary = "#4a5260",
                TextDisabled = "#6b7280",
                ActionDefault = "#4a5260",
                ActionDisabled = "#6b7280",
                ActionDisabledBackground = "#e5e7eb",
                Background = "#f5f6f8",
                BackgroundGray = "#eceef2",
                Surface = "#ffffff",
                AppbarBackground = "#17356e",
                AppbarText = "#ffffff",
                DrawerBackground = "#ffffff",
                DrawerText = "#1b1f24",
                DrawerIcon = "#4a5260",
                LinesDefault = "#d5d9e0",
                LinesInputs = "#6b7280",
                TableLines = "#e2e5ea",
                Divider = "#d5d9e0",
                DividerLight = "#e8eaee",
            },
            PaletteDark = new PaletteDark
            {
                Primary = "#8ab4f8",
                PrimaryDarken = "#aecbfa",
                PrimaryLighten = "#6f9ff0",
                PrimaryContrastText = "#111317",
                Secondary = "#c4a7f7",
                SecondaryDarken = "#d9c6fa",
                SecondaryLighten = "#b08df2",
                SecondaryContrastText = "#111317",
                Tertiary = "#5eead4",
                TertiaryDarken = "#99f6e4",
                TertiaryLighten = "#2dd4bf",
                TertiaryContrastText = "#111317",
                Info = "#7cc4fa",
                InfoDarken = "#a9d8fc",
                InfoLighten = "#5eb3f5",
                InfoContrastText = "#111317",
                Success = "#6fcf97",
                SuccessDarken = "#9de0b8",
                SuccessLighten = "#52c283",
                SuccessContrastText = "#111317",
                Warning = "#f5b85c",
                WarningDarken = "#f8cd8c",
                WarningLighten = "#f2a73a",
                WarningContrastText = "#111317",
                Error = "#f5948d",
                ErrorDarken = "#f8b4af",
                ErrorLighten = "#f27a71",
                ErrorContrastText = "#111317",
                Dark = "#c9ced6",
                DarkDarken = "#dde1e6",
                DarkLighten = "#b4bac4",
                DarkContrastText = "#111317",
                Black = "#0b0d10",
                TextPrimary = "#e8eaed",
                TextSecondary = "#b4bac4",
                TextDisabled = "#8c939e",
                ActionDefault = "#b4bac4",
                ActionDisabled = "#8c939e",
                ActionDisabledBackground = "#2c313a",
                Background = "#15181d",
                BackgroundGray = "#1b1e24",
                Surface = "#1e2229",
                AppbarBackground = "#1e2229",
                AppbarText = "#e8eaed",
                DrawerBackground = "#1b1e24",
                DrawerText = "#e8eaed",
                DrawerIcon = "#b4bac4",
                LinesDefault = "#3a404a",
                LinesInputs = "#8c939e",
                TableLines = "#353b44",
                Divider = "#3a404a",
                DividerLight = "#2c313a",
            },
        };
}
