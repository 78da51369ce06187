using System.Globalization;

namespace Roundtable.Web.Projects;

public sealed record TermInput(string? AcademicYear, string? Name, DateOnly? Start, DateOnly? End);

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
        && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var first)
        && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var second)
        && first is >= 2000 and < 2100 && (first + 1) % 100 == second;

    // What can be checked of one term on its own, for a form that could not read a date; Read also
    // needs both dates. Whether it fits with the other terms is SchoolTerms.Validate's question.
    public static Failure? Check(TermInput input)
    {
        var errors = new FieldErrors();
        Check(input, errors);
        return errors.ToFailure();
    }

    public static Result<TermPeriod> Read(TermInput input)
    {
        var errors = new FieldErrors();
        Check(input, errors);
        if (input.Start is null)
        {
            errors.Add(nameof(input.Start), "Enter the first day of term");
        }
        if (input.End is null)
        {
            errors.Add(nameof(input.End), "Enter the last day of term");
        }
        return errors.ToFailure() is { } invalid
            ? invalid
            : new TermPeriod(input.AcademicYear!.Trim(), input.Name!.Trim(), input.Start!.Value, input.End!.Value);
    }

    public void Set(TermPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        AcademicYear = period.AcademicYear;
        Name = period.Name;
        Start = period.Start;
        End = period.End;
    }

    private static void Check(TermInput input, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        var year = input.AcademicYear?.Trim();
        if (string.IsNullOrEmpty(year))
        {
            errors.Add(nameof(input.AcademicYear), "Enter the academic year");
        }
        else if (!IsValidAcademicYear(year))
        {
            errors.Add(nameof(input.AcademicYear), "Enter the academic year like 2027/28");
        }
        errors.Text(input.Name, nameof(input.Name), "the term's name", NameMaxLength, required: true);
        if (input.Start is { } start && input.End is { } end && end < start)
        {
            errors.Add(nameof(input.End), "The last day of term must be on or after the first day");
        }
    }
}
