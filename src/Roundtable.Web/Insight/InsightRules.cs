using Roundtable.Web.Projects;

namespace Roundtable.Web.Insight;

public static class InsightRules
{
    // Feedback is overdue more than two working days after the tutorial's day (TutorialQueries):
    // the latest overdue day is found here, so the database only compares a start time with it.
    public static DateTime FeedbackOverdueBefore(DateOnly today, BankHolidayCalendar holidays)
    {
        var day = today.AddDays(-1);
        while (!Tutorials.TutorialQueries.IsFeedbackOverdue(day, today, holidays))
        {
            day = day.AddDays(-1);
        }
        return StartOfDayUtc(day.AddDays(1));
    }

    public static DateTime StartOfDayUtc(DateOnly date)
    {
        LondonTime.TryToUtc(date.ToDateTime(TimeOnly.MinValue), out var utc);
        return utc;
    }
}
