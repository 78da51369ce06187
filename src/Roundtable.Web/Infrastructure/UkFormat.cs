using System.Globalization;

namespace Roundtable.Web.Infrastructure;

// How dates, times and numbers are written for people: British English, UK time.
// ISO forms are for the API and files.
public static class UkFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    public const string IsoDate = "yyyy-MM-dd";
    public const string IsoLocalDateTime = "yyyy-MM-dd'T'HH:mm:ss";

    // 1 September 2026
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public static string Date(DateTime utc) => Date(LondonTime.DateOf(utc));

    // Tuesday 1 September 2026
    public static string DayAndDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", Culture);

    // 1 September
    public static string DayAndMonth(int day, int month) => new DateOnly(2000, month, day).ToString("d MMMM", Culture);

    // September 2026
    public static string Month(DateOnly date) => date.ToString("MMMM yyyy", Culture);

    // 1 September 2026, 4:30pm (UK time)
    public static string DateTime(DateTime utc) => Date(LondonTime.DateOf(utc)) + ", " + Time(utc);

    // 4:30pm (UK time)
    public static string Time(DateTime utc) => Time(TimeOnly.FromDateTime(LondonTime.ToLocal(utc)));

    public static string Time(TimeOnly local) => local.ToString("h:mmtt", Culture)
        .Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal);

    // 16:30, for agendas and clocks
    public static string Clock(DateTime local) => local.ToString("HH:mm", Culture);

    public static string Iso(DateOnly date) => date.ToString(IsoDate, CultureInfo.InvariantCulture);

    // A UK wall-clock time without an offset, as the API writes instants.
    public static string IsoLocal(DateTime utc) => LondonTime.ToLocal(utc).ToString(IsoLocalDateTime, CultureInfo.InvariantCulture);

    public static bool TryParseIsoDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, IsoDate, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    // 2,500
    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    // 1 day, 2 days
    public static string Plural(long count, string one, string many) => $"{Number(count)} {(count == 1 ? one : many)}";

    // a, b and c
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => $"{Math.Ceiling(bytes / 1024.0).ToString("N0", CultureInfo.InvariantCulture)} KB",
        _ => $"{(bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture)} MB",
    };
}
