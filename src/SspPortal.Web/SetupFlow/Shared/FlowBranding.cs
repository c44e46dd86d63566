using System.Globalization;
using System.Text.RegularExpressions;
using SspPortal.Application.Profiles;

namespace SspPortal.Web.SetupFlow.Shared;

/// <summary>Turns a profile's branding into values that are safe to put into markup and styles.</summary>
public static partial class FlowBranding
{
    /// <summary>The primary colour when a profile sets none (or an unusable one).</summary>
    public const string DefaultPrimary = "#3949ab";

    /// <summary>The profile's primary colour as <c>#RRGGBB</c>, or the default one.</summary>
    public static string Primary(BrandingDto? branding)
    {
        var value = branding?.Colors?.Primary?.Trim();
        if (value is null || !HexColor().IsMatch(value))
        {
            return DefaultPrimary;
        }

        return value.Length == 4 ? $"#{value[1]}{value[1]}{value[2]}{value[2]}{value[3]}{value[3]}".ToLowerInvariant() : value.ToLowerInvariant();
    }

    /// <summary>Black or white, whichever reads better on <paramref name="primary"/>.</summary>
    public static string OnPrimary(string primary)
    {
        var r = Channel(primary, 1);
        var g = Channel(primary, 3);
        var b = Channel(primary, 5);
        var luminance = (0.2126 * r) + (0.7152 * g) + (0.0722 * b);
        // Contrast against white vs. against black (WCAG relative luminance).
        return (1.05 / (luminance + 0.05)) >= ((luminance + 0.05) / 0.05) ? "#ffffff" : "#000000";
    }

    /// <summary>The logo URL when it is an absolute https URL; otherwise null (the placeholder is shown).</summary>
    public static string? LogoUrl(BrandingDto? branding)
    {
        var value = branding?.LogoUrl;
        return value is not null && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri.AbsoluteUri
            : null;
    }

    /// <summary>One or two letters for the logo placeholder.</summary>
    public static string Initials(string? name)
    {
        var words = (name ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var letters = words.Take(2).Select(w => char.ToUpperInvariant(w[0]));
        var initials = string.Concat(letters);
        return initials.Length == 0 ? "SSO" : initials;
    }

    /// <summary>The CSS custom properties the flow's styles read.</summary>
    public static string CssVariables(BrandingDto? branding)
    {
        var primary = Primary(branding);
        return $"--flow-primary:{primary};--flow-on-primary:{OnPrimary(primary)};";
    }

    private static double Channel(string hex, int start)
    {
        var value = int.Parse(hex.AsSpan(start, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
        return value <= 0.03928 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
    }

    [GeneratedRegex("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex HexColor();
}
