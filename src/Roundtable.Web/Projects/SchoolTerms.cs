namespace Roundtable.Web.Projects;

public sealed record TermPeriod(string AcademicYear, string Name, DateOnly Start, DateOnly End);

public sealed record TwoTermsCheck(
    bool Met,
    bool TermDatesKnown,
    int SchoolDays,
    int RequiredSchoolDays,
    IReadOnlyList<string> TermsSpanned,
    string Detail);

public static class SchoolTerms
{
    public const string TwoTermsRule =
        "A project lasts at least two school terms when it runs for at least as many school days as two " +
        "consecutive terms that it overlaps. Terms differ in length, so we use the shortest such pair. " +
        "School days are the weekdays inside term dates, less bank holidays; half-term breaks are not " +
        "taken off, because term dates are kept without them.";

    // English holidays are at most about seven weeks; a longer gap between two terms means the term
    // dates for the period in between have not been entered, not that schools are closed.
    public const int LongestHolidayDays = 84;

    // Approximate English pattern for the default calendar: Autumn from about 3 September to the last
    // weekday on or before 20 December; Spring from the first week of January to the Friday a week
    // before Good Friday; Summer from the Monday a week after Easter Monday to about 22 July.
    // Half-terms are ignored. The programme team replaces these with the dates their schools use.
    public static IReadOnlyList<TermPeriod> EnglishDefaults { get; } =
    [
        new("2024/25", "Autumn 2024", new DateOnly(2024, 9, 3), new DateOnly(2024, 12, 20)),
        new("2024/25", "Spring 2025", new DateOnly(2025, 1, 6), new DateOnly(2025, 4, 11)),
        new("2024/25", "Summer 2025", new DateOnly(2025, 4, 28), new DateOnly(2025, 7, 22)),
        new("2025/26", "Autumn 2025", new DateOnly(2025, 9, 3), new DateOnly(2025, 12, 19)),
        new("2025/26", "Spring 2026", new DateOnly(2026, 1, 5), new DateOnly(2026, 3, 27)),
        new("2025/26", "Summer 2026", new DateOnly(2026, 4, 13), new DateOnly(2026, 7, 22)),
        new("2026/27", "Autumn 2026", new DateOnly(2026, 9, 3), new DateOnly(2026, 12, 18)),
        new("2026/27", "Spring 2027", new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 19)),
        new("2026/27", "Summer 2027", new DateOnly(2027, 4, 5), new DateOnly(2027, 7, 22)),
        new("2027/28", "Autumn 2027", new DateOnly(2027, 9, 6), new DateOnly(2027, 12, 17)),
        new("2027/28", "Spring 2028", new DateOnly(2028, 1, 4), new DateOnly(2028, 4, 7)),
        new("2027/28", "Summer 2028", new DateOnly(2028, 4, 24), new DateOnly(2028, 7, 21)),
        new("2028/29", "Autumn 2028", new DateOnly(2028, 9, 4), new DateOnly(2028, 12, 20)),
        new("2028/29", "Spring 2029", new DateOnly(2029, 1, 8), new DateOnly(2029, 3, 23)),
        new("2028/29", "Summer 2029", new DateOnly(2029, 4, 9), new DateOnly(2029, 7, 20)),
        new("2029/30", "Autumn 2029", new DateOnly(2029, 9, 3), new DateOnly(2029, 12, 20)),
        new("2029/30", "Spring 2030", new DateOnly(2030, 1, 7), new DateOnly(2030, 4, 12)),
        new("2029/30", "Summer 2030", new DateOnly(2030, 4, 29), new DateOnly(2030, 7, 19)),
    ];

    public static IReadOnlyList<string> Validate(IEnumerable<TermPeriod> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sorted = terms.OrderBy(t => t.Start).ToList();
        if (sorted.Count == 0)
        {
            errors.Add("No term dates have been entered.");
        }

        foreach (var term in sorted)
        {
            if (string.IsNullOrWhiteSpace(term.Name))
            {
                errors.Add($"The term starting {UkFormat.Date(term.Start)} has no name.");
            }
            else if (!names.Add(term.Name.Trim()))
            {
                errors.Add($"{term.Name} appears more than once.");
            }

            if (string.IsNullOrWhiteSpace(term.AcademicYear))
            {
                errors.Add($"{Label(term)} has no academic year.");
            }

            if (term.End < term.Start)
            {
                errors.Add($"{Label(term)} ends ({UkFormat.Date(term.End)}) before it starts ({UkFormat.Date(term.Start)}).");
            }
        }

        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].Start <= sorted[i - 1].End)
            {
                errors.Add($"{Label(sorted[i])} starts before {Label(sorted[i - 1])} has ended.");
            }
        }

        return errors;
    }

    public static int SchoolDays(TermPeriod term, BankHolidayCalendar holidays)
    {
        ArgumentNullException.ThrowIfNull(term);
        return SchoolDaysWithin(term, term.Start, term.End, holidays);
    }

    public static TwoTermsCheck CheckTwoTerms(
        DateOnly start,
        DateOnly plannedEnd,
        IEnumerable<TermPeriod> terms,
        BankHolidayCalendar holidays)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(holidays);

        var sorted = terms.OrderBy(t => t.Start).ToList();
        var errors = Validate(sorted);
        if (errors.Count > 0)
        {
            return Unknown("The term dates cannot be used: " + string.Join(" ", errors));
        }

        if (plannedEnd < start)
        {
            return new TwoTermsCheck(false, true, 0, 0, [],
                $"The planned end ({UkFormat.Date(plannedEnd)}) is before the start ({UkFormat.Date(start)}).");
        }

        var first = sorted[0];
        var last = sorted[^1];
        if (start < first.Start || plannedEnd > last.End)
        {
            var unknown = start < first.Start ? start : plannedEnd;
            return Unknown(
                $"Term dates are not known for {UkFormat.Date(unknown)}: the term calendar runs from " +
                $"{UkFormat.Date(first.Start)} to {UkFormat.Date(last.End)}. Ask the programme team to add them.");
        }

        for (var i = 1; i < sorted.Count; i++)
        {
            var gapStart = sorted[i - 1].End.AddDays(1);
            var gapEnd = sorted[i].Start.AddDays(-1);
            if (IsMissingData(sorted[i - 1], sorted[i]) && start <= gapEnd && plannedEnd >= gapStart)
            {
                return Unknown(
                    $"Term dates are not known between {UkFormat.Date(gapStart)} and {UkFormat.Date(gapEnd)}. " +
                    "Ask the programme team to add them.");
            }
        }

        var overlapped = Enumerable.Range(0, sorted.Count)
            .Where(i => sorted[i].Start <= plannedEnd && sorted[i].End >= start)
            .ToList();
        var schoolDays = overlapped.Sum(i => SchoolDaysWithin(sorted[i], start, plannedEnd, holidays));
        var spanned = overlapped.Select(i => sorted[i].Name).ToList();

        var pairs = CandidatePairs(sorted, overlapped, start)
            .Where(i => !IsMissingData(sorted[i], sorted[i + 1]))
            .Select(i => (First: sorted[i], Second: sorted[i + 1], Days: SchoolDays(sorted[i], holidays) + SchoolDays(sorted[i + 1], holidays)))
            .ToList();
        if (pairs.Count == 0)
        {
            return Unknown("Term dates are not known for the terms either side of these dates. Ask the programme team to add them.");
        }

        var shortest = pairs.MinBy(p => p.Days);
        var met = schoolDays >= shortest.Days;
        var where = spanned.Count switch
        {
            0 => "falls entirely in a school holiday",
            1 => $"spans {UkFormat.Plural(schoolDays, "school day", "school days")}, all within {spanned[0]}",
            _ => $"spans {UkFormat.Plural(schoolDays, "school day", "school days")} across {UkFormat.List(spanned)}",
        };
        var detail = $"The project {where}; two terms need at least {UkFormat.Number(shortest.Days)} " +
            $"({shortest.First.Name} and {shortest.Second.Name} together).";
        if (!holidays.Covers(start) || !holidays.Covers(plannedEnd))
        {
            detail += " Bank holidays are not known for part of this period, so none were taken off there.";
        }

        return new TwoTermsCheck(met, true, schoolDays, shortest.Days, spanned, detail);
    }

    // Pairs are identified by the index of their first term. Pairs of terms the project overlaps;
    // if it overlaps one term or none, the pairs that term (or the holiday) sits in.
    private static IEnumerable<int> CandidatePairs(List<TermPeriod> sorted, List<int> overlapped, DateOnly start)
    {
        if (overlapped.Count >= 2)
        {
            return Enumerable.Range(overlapped[0], overlapped.Count - 1);
        }

        if (overlapped.Count == 1)
        {
            var i = overlapped[0];
            return new[] { i - 1, i }.Where(p => p >= 0 && p + 1 < sorted.Count);
        }

        var before = sorted.FindLastIndex(t => t.End < start);
        return before >= 0 && before + 1 < sorted.Count ? [before] : [];
    }

    private static bool IsMissingData(TermPeriod earlier, TermPeriod later) =>
        later.Start.DayNumber - earlier.End.DayNumber - 1 > LongestHolidayDays;

    private static int SchoolDaysWithin(TermPeriod term, DateOnly from, DateOnly to, BankHolidayCalendar holidays)
    {
        var start = from > term.Start ? from : term.Start;
        var end = to < term.End ? to : term.End;
        return start > end ? 0 : WorkingDays.Count(start, end, holidays).WorkingDays;
    }

    private static string Label(TermPeriod term) =>
        string.IsNullOrWhiteSpace(term.Name) ? $"The term starting {UkFormat.Date(term.Start)}" : term.Name;

    private static TwoTermsCheck Unknown(string detail) => new(false, false, 0, 0, [], detail);
}
