using System.Globalization;

namespace SspPortal.Web.Components.Portal;

/// <summary>How the portal shows times: UTC, to the minute, the same for every user.</summary>
public static class PortalFormat
{
    public static string Time(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Time(DateTime? value, string empty = "—") => value is { } v ? Time(v) : empty;

    /// <summary>The machine-readable form for a <c>&lt;time datetime&gt;</c> attribute.</summary>
    public static string Iso(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
