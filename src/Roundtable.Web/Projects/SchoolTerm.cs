namespace Roundtable.Web.Projects;

// Term dates the programme team keeps per academic year (English defaults until they change them).
public class SchoolTerm
{
    public const int AcademicYearMaxLength = 9;
    public const int NameMaxLength = 50;

    public int Id { get; set; }
    public string AcademicYear { get; set; } = "";
    public string Name { get; set; } = "";
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }

    public TermPeriod ToPeriod() => new(AcademicYear, Name, Start, End);

    public static SchoolTerm From(TermPeriod period) =>
        new() { AcademicYear = period.AcademicYear, Name = period.Name, Start = period.Start, End = period.End };

    // "2026/27": the year it starts, a slash, and the last two digits of the next year.
    public static bool IsValidAcademicYear(string? text) =>
        text is { Length: 7 } && text[4] == '/'
        && int.TryParse(text.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var first)
        && int.TryParse(text.AsSpan(5, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var second)
        && first is >= 2000 and < 2100 && (first + 1) % 100 == second;
}
