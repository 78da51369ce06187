namespace Roundtable.Web.Projects;

public sealed record ExcludedDay(DateOnly Date, string Reason);

public sealed record WorkingDayCount(int WorkingDays, IReadOnlyList<ExcludedDay> Excluded, bool HolidayDataCoversRange, string? Error)
{
    public bool Succeeded => Error is null;
}

// Counts is false for weekends, bank holidays and the placement school's closure days; Reason says which.
public sealed record DayClassification(DateOnly Date, bool Counts, string? Reason);

public sealed record PlacementDayCount(
    int Counted,
    IReadOnlyList<DateOnly> CountedDates,
    IReadOnlyList<ExcludedDay> NotCounted,
    int DuplicatesIgnored,
    bool HolidayDataCoversLog);

public static class WorkingDays
{
    public const string WeekendReason = "Weekend";
    public const string ClosureReason = "Placement school closed";

    public static bool IsWorkingDay(DateOnly date, BankHolidayCalendar holidays) => Classify(date, holidays).Counts;

    public static DayClassification Classify(DateOnly date, BankHolidayCalendar holidays) =>
        Classify(date, holidays, closureDays: null);

    public static DayClassification Classify(DateOnly date, BankHolidayCalendar holidays, IReadOnlySet<DateOnly>? closureDays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return new DayClassification(date, false, WeekendReason);
        }

        if (holidays.TryGetTitle(date, out var title))
        {
            return new DayClassification(date, false, title);
        }

        if (closureDays is not null && closureDays.Contains(date))
        {
            return new DayClassification(date, false, ClosureReason);
        }

        return new DayClassification(date, true, null);
    }

    // Both ends inclusive.
    public static WorkingDayCount Count(DateOnly from, DateOnly to, BankHolidayCalendar holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        if (from > to)
        {
            return new WorkingDayCount(0, [], true,
                $"The start date ({UkFormat.Date(from)}) is after the end date ({UkFormat.Date(to)}).");
        }

        var working = 0;
        var excluded = new List<ExcludedDay>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var classification = Classify(day, holidays);
            if (classification.Counts)
            {
                working++;
            }
            else
            {
                excluded.Add(new ExcludedDay(day, classification.Reason!));
            }

            if (day == DateOnly.MaxValue)
            {
                break;
            }
        }

        return new WorkingDayCount(working, excluded, holidays.Covers(from) && holidays.Covers(to), null);
    }

    public static PlacementDayCount CountPlacementDays(
        IEnumerable<DateOnly> loggedDates,
        IEnumerable<DateOnly> closureDays,
        BankHolidayCalendar holidays)
    {
        ArgumentNullException.ThrowIfNull(loggedDates);
        ArgumentNullException.ThrowIfNull(closureDays);
        ArgumentNullException.ThrowIfNull(holidays);

        var closures = closureDays.ToHashSet();
        var logged = loggedDates.ToList();
        var distinct = logged.Distinct().Order().ToList();
        var counted = new List<DateOnly>();
        var notCounted = new List<ExcludedDay>();
        foreach (var date in distinct)
        {
            var classification = Classify(date, holidays, closures);
            if (classification.Counts)
            {
                counted.Add(date);
            }
            else
            {
                notCounted.Add(new ExcludedDay(date, classification.Reason!));
            }
        }

        return new PlacementDayCount(
            counted.Count,
            counted,
            notCounted,
            logged.Count - distinct.Count,
            distinct.TrueForAll(holidays.Covers));
    }
}
