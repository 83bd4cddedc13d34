using System.Globalization;

namespace Dvc.Core.Reporting;

/// <summary>
/// The <c>Created</c> cell: <c>%I:%M %p</c> for a commit made today, <c>%b %d, %Y</c> otherwise,
/// and ISO 8601 (local time, no offset, as Python's naive <c>isoformat</c>) for CSV and JSON.
/// </summary>
internal static class ExpShowTime
{
    public static string Format(DateTimeOffset timestamp, TimeProvider clock)
    {
        var local = TimeZoneInfo.ConvertTime(timestamp, clock.LocalTimeZone);
        var today = clock.GetLocalNow().Date;
        var pattern = local.Date == today ? "hh:mm tt" : "MMM dd, yyyy";
        return local.ToString(pattern, CultureInfo.InvariantCulture);
    }

    public static string Iso(DateTimeOffset timestamp, TimeProvider clock)
    {
        var local = TimeZoneInfo.ConvertTime(timestamp, clock.LocalTimeZone);
        var text = local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var microseconds = local.Ticks % TimeSpan.TicksPerSecond / 10;
        return microseconds == 0 ? text : text + "." + microseconds.ToString("000000", CultureInfo.InvariantCulture);
    }
}
