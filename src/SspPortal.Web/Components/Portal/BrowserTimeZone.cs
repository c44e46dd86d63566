using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace SspPortal.Web.Components.Portal;

/// <summary>
/// The signed-in browser's time zone, asked once per circuit (a scoped service) through <c>js/time-zone.js</c>.
/// Until it is known, and when the browser's zone is unknown to this server, times are shown in UTC.
/// </summary>
public sealed class BrowserTimeZone(IJSRuntime js)
{
    private Task<TimeZoneInfo>? _lookup;

    /// <summary>The zone once it has been asked; null before.</summary>
    public TimeZoneInfo? Known { get; private set; }

    /// <summary>The zone; the first call asks the browser (call it after the first render, when there is a browser).</summary>
    public Task<TimeZoneInfo> GetAsync(ResourceAssetCollection assets)
    {
        ArgumentNullException.ThrowIfNull(assets);
        return _lookup ??= AskAsync(assets[ModuleAsset] is var path && path.StartsWith('/') ? path : "./" + path);
    }

    /// <summary>The module that answers the browser's zone (served fingerprinted from wwwroot-assets).</summary>
    public const string ModuleAsset = "js/time-zone.js";

    private async Task<TimeZoneInfo> AskAsync(string modulePath)
    {
        TimeZoneInfo zone;
        try
        {
            var module = await js.InvokeAsync<IJSObjectReference?>("import", modulePath);
            if (module is null)
            {
                zone = TimeZoneInfo.Utc;
            }
            else
            {
                await using (module)
                {
                    var id = await module.InvokeAsync<string?>("timeZone");
                    zone = id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;
                }
            }
        }
        catch (JSException)
        {
            zone = TimeZoneInfo.Utc;
        }
        catch (JSDisconnectedException)
        {
            _lookup = null;
            return TimeZoneInfo.Utc;
        }

        Known = zone;
        return zone;
    }

    /// <summary>The UTC instant at which <paramref name="date"/> begins in <paramref name="zone"/> (a skipped midnight moves on).</summary>
    public static DateTime StartOfDayUtc(DateTime date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = DateTime.SpecifyKind(date.Date, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
