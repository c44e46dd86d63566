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

        var amount = span switch
        {
            _ when span < TimeSpan.FromHours(1) => Count((int)span.TotalMinutes, "minute"),
            _ when span < TimeSpan.FromDays(1) => Count((int)span.TotalHours, "hour"),
            _ when span < TimeSpan.FromDays(30) => Count((int)span.TotalDays, "day"),
            _ when span < TimeSpan.FromDays(365) => Count((int)(span.TotalDays / 30), "month"),
            _ => Count((int)(span.TotalDays / 365), "year"),
        };
        return difference > TimeSpan.Zero ? $"in {amount}" : $"{amount} ago";
    }

    private static string Count(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";
}
