namespace SspPortal.Application.Common;

/// <summary>Times are stored and shown in UTC with millisecond precision, as the contract prints them.</summary>
public static class Timestamps
{
    public static DateTime Now(TimeProvider clock) => Truncate(clock.GetUtcNow().UtcDateTime);

    public static DateTime Truncate(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    /// <summary>The same instant marked as UTC (values read back from the database come without a kind).</summary>
    public static DateTime AsUtc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    /// <summary>The same instant marked as UTC; null stays null.</summary>
    public static DateTime? AsUtc(DateTime? value) => value is { } v ? AsUtc(v) : null;

    /// <summary>ISO-8601 UTC with milliseconds, e.g. <c>2026-02-13T07:23:17.157Z</c>.</summary>
    public static string Format(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
