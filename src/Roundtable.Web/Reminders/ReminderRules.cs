using Roundtable.Web.Projects;

namespace Roundtable.Web.Reminders;

// When each reminder is due, as pure functions of the facts and today's date in London. The job
// gathers facts, asks these, and leaves "already sent" to the unique key and opt-outs to the person.
public static class ReminderRules
{
    public const int WindowWarningDays = 14;
    public const int PlacementWarningDays = 28;
    public const int FeedbackFirstLateDays = 2;
    public const int FeedbackSecondLateDays = 5;
    public const int InvoiceWaitingWorkingDays = 5;
    // The placement's planned end is not recorded on its own; the programme's 18 months are.
    public const int ProgrammeMonths = 18;

    // The day before a session (London dates), until it starts.
    public static bool SessionTomorrow(DateTime sessionStartsAt, DateTime now) =>
        sessionStartsAt > now && LondonTime.DateOf(sessionStartsAt) == LondonTime.DateOf(now).AddDays(1);

    // From two weeks before the window ends until it ends, while the tutorial is not booked.
    public static bool TutorialWindowClosing(Tutorials.TutorialWindow window, bool booked, DateOnly today) =>
        !booked && today >= window.To.AddDays(-WindowWarningDays) && today <= window.To;

    // Working days late: feedback is due within TutorialQueries.FeedbackWorkingDays working days of the tutorial.
    public static int FeedbackWorkingDaysLate(DateOnly tutorialDate, DateOnly today, BankHolidayCalendar holidays) =>
        today <= tutorialDate ? 0
            : Math.Max(0, WorkingDays.Count(tutorialDate.AddDays(1), today, holidays).WorkingDays - Tutorials.TutorialQueries.FeedbackWorkingDays);

    // The steps reached (2 then 5 working days late): each is its own reminder, so each goes once.
    public static IReadOnlyList<int> FeedbackOverdueSteps(DateOnly tutorialDate, bool hasFeedback, DateOnly today, BankHolidayCalendar holidays)
    {
        if (hasFeedback)
        {
            return [];
        }
        var late = FeedbackWorkingDaysLate(tutorialDate, today, holidays);
        return late >= FeedbackSecondLateDays ? [FeedbackFirstLateDays, FeedbackSecondLateDays]
            : late >= FeedbackFirstLateDays ? [FeedbackFirstLateDays]
            : [];
    }

    // Waiting more than five working days since the day it was submitted.
    public static bool InvoiceAwaiting(DateTime submittedAt, DateOnly today, BankHolidayCalendar holidays)
    {
        var submitted = LondonTime.DateOf(submittedAt);
        return today > submitted && WorkingDays.Count(submitted.AddDays(1), today, holidays).WorkingDays > InvoiceWaitingWorkingDays;
    }

    public static DateOnly PlacementPlannedEnd(DateOnly courseStart) => courseStart.AddMonths(ProgrammeMonths);

    // From four weeks before the planned end until it, while fewer than nine working days are logged.
    public static bool PlacementDaysShort(DateOnly plannedEnd, int countedDays, DateOnly today) =>
        countedDays < ProjectRequirements.MinimumPlacementDays && today >= plannedEnd.AddDays(-PlacementWarningDays) && today <= plannedEnd;
}
