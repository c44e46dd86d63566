namespace SspPortal.Web.Components.Portal;

/// <summary>"in 3 days", "2 hours ago", "just now": how far a time is from now, in the largest whole unit.</summary>
public static class RelativeTime
{
    public static string Describe(DateTime value, DateTime now)
    {
        var difference = value - now;
        var span = difference.Duration();
        if (span < TimeSpan.FromMinutes(1))
        {
            return "just now";
        }

        // Rounded to the nearest whole unit: a ticket that lasts five days is "in 5 days" a moment after it is issued.
        var amount = Rounded(span.TotalMinutes) is var minutes and < 60 ? Count(minutes, "minute")
            : Rounded(span.TotalHours) is var hours and < 24 ? Count(hours, "hour")
            : Rounded(span.TotalDays) is var days and < 30 ? Count(days, "day")
            : Rounded(span.TotalDays / 30) is var months and < 12 ? Count(months, "month")
            : Count(Math.Max(1, Rounded(span.TotalDays / 365)), "year");
        return difference > TimeSpan.Zero ? $"in {amount}" : $"{amount} ago";
    }

    private static int Rounded(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

    private static string Count(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";
}
