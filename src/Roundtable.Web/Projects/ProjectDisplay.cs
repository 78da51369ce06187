using System.Globalization;

namespace Roundtable.Web.Projects;

// British formats for the detail strings shown to delegates; invariant culture keeps the
// English month names and thousands commas regardless of the server's locale.
internal static class ProjectDisplay
{
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string DayAndDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Plural(int count, string singular, string plural) =>
        $"{Number(count)} {(count == 1 ? singular : plural)}";

    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
