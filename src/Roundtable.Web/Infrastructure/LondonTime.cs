namespace Roundtable.Web.Infrastructure;

// Everything is stored in UTC and shown in UK time, whatever the server's own zone.
public static class LondonTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, Zone));
}
