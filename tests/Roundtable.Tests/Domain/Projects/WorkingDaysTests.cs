using Roundtable.Web.Projects;
using Xunit;
using static Roundtable.Tests.Domain.Projects.ProjectTestData;

namespace Roundtable.Tests.Domain.Projects;

public class WorkingDaysTests
{
    [Fact]
    public void Count_NormalWeek_IsFive()
    {
        var result = WorkingDays.Count(D(2026, 3, 2), D(2026, 3, 6), Holidays);

        Assert.True(result.Succeeded);
        Assert.Equal(5, result.WorkingDays);
        Assert.Empty(result.Excluded);
        Assert.True(result.HolidayDataCoversRange);
    }

    [Fact]
    public void Count_SingleDay_IsInclusive()
    {
        Assert.Equal(1, WorkingDays.Count(D(2026, 3, 4), D(2026, 3, 4), Holidays).WorkingDays);
        Assert.Equal(0, WorkingDays.Count(D(2026, 3, 7), D(2026, 3, 7), Holidays).WorkingDays);
    }

    [Fact]
    public void Count_AcrossWeekend_ExcludesSaturdayAndSunday()
    {
        var result = WorkingDays.Count(D(2026, 3, 5), D(2026, 3, 10), Holidays);

        Assert.Equal(4, result.WorkingDays);
        Assert.Equal(
            [new ExcludedDay(D(2026, 3, 7), "Weekend"), new ExcludedDay(D(2026, 3, 8), "Weekend")],
            result.Excluded);
    }

    [Fact]
    public void Count_Christmas2021_UsesSubstituteDays()
    {
        var result = WorkingDays.Count(D(2021, 12, 24), D(2021, 12, 31), Holidays);

        Assert.Equal(4, result.WorkingDays);
        Assert.Equal(
        [
            new ExcludedDay(D(2021, 12, 25), "Weekend"),
            new ExcludedDay(D(2021, 12, 26), "Weekend"),
            new ExcludedDay(D(2021, 12, 27), "Christmas Day"),
            new ExcludedDay(D(2021, 12, 28), "Boxing Day"),
        ], result.Excluded);
    }

    [Fact]
    public void Classify_NewYearSubstitute2022()
    {
        Assert.Equal(new DayClassification(D(2022, 1, 3), false, "New Year’s Day"), WorkingDays.Classify(D(2022, 1, 3), Holidays));
        Assert.Equal(new DayClassification(D(2022, 1, 1), false, "Weekend"), WorkingDays.Classify(D(2022, 1, 1), Holidays));
        Assert.Equal(new DayClassification(D(2022, 1, 4), true, null), WorkingDays.Classify(D(2022, 1, 4), Holidays));
    }

    [Fact]
    public void Count_Easter2026_ExcludesGoodFridayAndEasterMonday()
    {
        var result = WorkingDays.Count(D(2026, 3, 30), D(2026, 4, 10), Holidays);

        Assert.Equal(8, result.WorkingDays);
        Assert.Contains(new ExcludedDay(D(2026, 4, 3), "Good Friday"), result.Excluded);
        Assert.Contains(new ExcludedDay(D(2026, 4, 6), "Easter Monday"), result.Excluded);
        Assert.Equal(4, result.Excluded.Count);
    }

    [Fact]
    public void Count_AcrossYearEnd2026()
    {
        var result = WorkingDays.Count(D(2026, 12, 21), D(2027, 1, 8), Holidays);

        // 15 weekdays less Christmas Day (Fri 25th), Boxing Day substitute (Mon 28th), New Year's Day (Fri 1st).
        Assert.Equal(12, result.WorkingDays);
        Assert.Equal(
            [D(2026, 12, 25), D(2026, 12, 28), D(2027, 1, 1)],
            result.Excluded.Where(d => d.Reason != "Weekend").Select(d => d.Date));
        Assert.Equal(4, result.Excluded.Count(d => d.Reason == "Weekend"));
    }

    [Fact]
    public void Count_FromAfterTo_IsAnError()
    {
        var result = WorkingDays.Count(D(2026, 3, 10), D(2026, 3, 9), Holidays);

        Assert.False(result.Succeeded);
        Assert.Equal("The start date (10 March 2026) is after the end date (9 March 2026).", result.Error);
        Assert.Equal(0, result.WorkingDays);
    }

    [Fact]
    public void Count_BeyondHolidayData_SaysSo()
    {
        var result = WorkingDays.Count(D(2031, 1, 6), D(2031, 1, 10), Holidays);

        Assert.Equal(5, result.WorkingDays);
        Assert.False(result.HolidayDataCoversRange);
    }

    [Fact]
    public void Classify_ClosureDay_DoesNotCountButWeekendAndHolidayReasonsComeFirst()
    {
        var closures = new HashSet<DateOnly> { D(2026, 4, 3), D(2026, 4, 4), D(2026, 4, 8) };

        Assert.Equal("Good Friday", WorkingDays.Classify(D(2026, 4, 3), Holidays, closures).Reason);
        Assert.Equal("Weekend", WorkingDays.Classify(D(2026, 4, 4), Holidays, closures).Reason);
        Assert.Equal(new DayClassification(D(2026, 4, 8), false, "Placement school closed"), WorkingDays.Classify(D(2026, 4, 8), Holidays, closures));
        Assert.True(WorkingDays.Classify(D(2026, 4, 9), Holidays, closures).Counts);
    }

    [Fact]
    public void CountPlacementDays_ExplainsEveryDayThatDoesNotCount()
    {
        DateOnly[] logged =
        [
            D(2026, 4, 9), D(2026, 4, 2), D(2026, 4, 3), D(2026, 4, 4),
            D(2026, 4, 8), D(2026, 4, 2), D(2026, 4, 7), D(2026, 4, 6),
        ];

        var result = WorkingDays.CountPlacementDays(logged, [D(2026, 4, 8)], Holidays);

        Assert.Equal(3, result.Counted);
        Assert.Equal([D(2026, 4, 2), D(2026, 4, 7), D(2026, 4, 9)], result.CountedDates);
        Assert.Equal(
        [
            new ExcludedDay(D(2026, 4, 3), "Good Friday"),
            new ExcludedDay(D(2026, 4, 4), "Weekend"),
            new ExcludedDay(D(2026, 4, 6), "Easter Monday"),
            new ExcludedDay(D(2026, 4, 8), "Placement school closed"),
        ], result.NotCounted);
        Assert.Equal(1, result.DuplicatesIgnored);
        Assert.True(result.HolidayDataCoversLog);
    }

    [Fact]
    public void CountPlacementDays_Empty_IsZero()
    {
        var result = WorkingDays.CountPlacementDays([], [], Holidays);

        Assert.Equal(0, result.Counted);
        Assert.Empty(result.NotCounted);
    }

    [Fact]
    public void IsWorkingDay_WithEmptyCalendar_OnlyWeekendsAreExcluded()
    {
        Assert.True(WorkingDays.IsWorkingDay(D(2026, 12, 25), BankHolidayCalendar.Empty));
        Assert.False(WorkingDays.IsWorkingDay(D(2026, 12, 25), Holidays));
    }
}
