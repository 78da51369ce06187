using System.Globalization;

namespace Roundtable.Web.Pages.Shared;

// The GOV.UK date input: three boxes for day, month and year, bound as text so that "abc" is kept
// and explained rather than silently dropped.
public sealed class DateParts
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public static DateParts From(DateOnly date) => new()
    {
        Day = date.Day.ToString(CultureInfo.InvariantCulture),
        Month = date.Month.ToString(CultureInfo.InvariantCulture),
        Year = date.Year.ToString(CultureInfo.InvariantCulture),
    };

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    // Returns an error message in the Design System's wording, or null with the date.
    public string? TryGet(string what, out DateOnly date)
    {
        date = default;
        if (IsEmpty)
        {
            return $"Enter {what}";
        }
        var missing = new[] { ("day", Day), ("month", Month), ("year", Year) }.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count > 0)
        {
            return $"{Capitalise(what)} must include a {string.Join(" and ", missing)}";
        }
        if (!int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || !int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || y is < 2000 or > 2100 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return $"{Capitalise(what)} must be a real date, like 1 9 2026";
        }
        date = new DateOnly(y, m, d);
        return null;
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

public sealed record DateInputView(string Key, string Legend, string? Hint, DateParts Value);
