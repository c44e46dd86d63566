namespace SspPortal.Web.Components.Layout;

/// <summary>The portal's light and dark themes (Radzen Material) and the cookie that remembers the choice.</summary>
public static class PortalTheme
{
    public const string Light = "material";
    public const string Dark = "material-dark";
    public const string CookieName = "SspPortal.Theme";

    /// <summary>The name of the cascading value carrying the current theme.</summary>
    public const string CascadingName = "PortalTheme";

    public static bool IsDark(string? theme) => theme == Dark;

    public static string FromRequest(HttpRequest request) => request.Cookies[CookieName] == Dark ? Dark : Light;
}
