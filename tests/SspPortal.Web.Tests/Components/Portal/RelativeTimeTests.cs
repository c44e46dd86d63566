using SspPortal.Web.Components.Portal;

namespace SspPortal.Web.Tests.Components.Portal;

public sealed class RelativeTimeTests
{
    private static readonly DateTime Now = new(2026, 2, 13, 7, 23, 17, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(-59, "just now")]
    [InlineData(60, "in 1 minute")]
    [InlineData(-150, "3 minutes ago")]
    [InlineData(-89 * 60, "1 hour ago")]
    [InlineData(5 * 86_400 - 5, "in 5 days")]
    [InlineData(23 * 3_600 + 40 * 60, "in 1 day")]
    [InlineData(3_600, "in 1 hour")]
    [InlineData(-7_300, "2 hours ago")]
    [InlineData(3 * 86_400 + 3_600, "in 3 days")]
    [InlineData(-86_400, "1 day ago")]
    [InlineData(65 * 86_400, "in 2 months")]
    [InlineData(-800 * 86_400, "2 years ago")]
    public void Describe_SaysHowFarInTheLargestWholeUnit(int seconds, string expected) =>
        Assert.Equal(expected, RelativeTime.Describe(Now.AddSeconds(seconds), Now));

    [Fact]
    public void StartOfDayUtc_IsMidnightInTheBrowsersZone()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var saoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

        Assert.Equal(new DateTime(2026, 2, 12, 23, 0, 0, DateTimeKind.Utc), BrowserTimeZone.StartOfDayUtc(new DateTime(2026, 2, 13), berlin));
        Assert.Equal(new DateTime(2026, 7, 12, 22, 0, 0, DateTimeKind.Utc), BrowserTimeZone.StartOfDayUtc(new DateTime(2026, 7, 13, 15, 0, 0), berlin));
        Assert.Equal(new DateTime(2026, 2, 13, 3, 0, 0, DateTimeKind.Utc), BrowserTimeZone.StartOfDayUtc(new DateTime(2026, 2, 13), saoPaulo));
        Assert.Equal(new DateTime(2026, 2, 13, 0, 0, 0, DateTimeKind.Utc), BrowserTimeZone.StartOfDayUtc(new DateTime(2026, 2, 13), TimeZoneInfo.Utc));
    }
}
