namespace Roundtable.Web.Infrastructure;

// Everything is stored in UTC and shown in UK time, whatever the server's own zone.
public static class LondonTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.UtcNow(), Zone));

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    // The first instant of the next UK day: the end of the day the instant falls on.
    public static DateTime EndOfDay(DateTime utc) =>
        TimeZoneInfo.ConvertTimeToUtc(DateOf(utc).AddDays(1).ToDateTime(TimeOnly.MinValue), Zone);

    // The instant with its UK offset, e.g. 2026-07-01T16:00:00+01:00: local and unambiguous.
    public static DateTimeOffset WithOffset(DateTime utc)
    {
        var local = ToLocal(utc);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    // A UK wall-clock time as UTC; false in the hour the clocks go forward, which never happens.
    // In the repeated hour when they go back, the first (summer time) reading is meant.
    public static bool TryToUtc(DateTime local, out DateTime utc)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        utc = default;
        if (Zone.IsInvalidTime(local))
        {
            return false;
        }
        if (Zone.IsAmbiguousTime(local))
        {
            var summerOffset = Zone.GetAmbiguousTimeOffsets(local).Max();
            utc = DateTime.SpecifyKind(local - summerOffset, DateTimeKind.Utc);
            return true;
        }
        utc = TimeZoneInfo.ConvertTimeToUtc(local, Zone);
        return true;
    }
}
