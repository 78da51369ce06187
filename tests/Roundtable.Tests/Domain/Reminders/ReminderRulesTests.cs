using Roundtable.Web.Projects;
using Roundtable.Web.Reminders;
using Roundtable.Web.Tutorials;

namespace Roundtable.Tests.Domain.Reminders;

public class ReminderRulesTests
{
    private static readonly BankHolidayCalendar Holidays = ProjectCalendar.ShippedHolidays;

    [Fact]
    public void SessionTomorrow_DueTheDayBeforeInLondon_NotTwoDaysBefore_NotAfterItStarts()
    {
        var session = new DateTime(2026, 11, 24, 18, 0, 0, DateTimeKind.Utc);
        Assert.True(ReminderRules.SessionTomorrow(session, new DateTime(2026, 11, 23, 0, 30, 0, DateTimeKind.Utc)));
        Assert.False(ReminderRules.SessionTomorrow(session, new DateTime(2026, 11, 22, 23, 0, 0, DateTimeKind.Utc)));
        Assert.False(ReminderRules.SessionTomorrow(session, new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void SessionTomorrow_UsesLondonDates_InSummerTime()
    {
        // 23:30 UTC on 9 June is 00:30 on 10 June in London: a session on 11 June is "tomorrow".
        var session = new DateTime(2026, 6, 11, 8, 0, 0, DateTimeKind.Utc);
        Assert.True(ReminderRules.SessionTomorrow(session, new DateTime(2026, 6, 9, 23, 30, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void TutorialWindowClosing_FromTwoWeeksBeforeTheEnd_UntilTheEnd_OnlyWhenNotBooked()
    {
        var window = new TutorialWindow(new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 1));
        Assert.False(ReminderRules.TutorialWindowClosing(window, booked: false, new DateOnly(2026, 11, 16)));
        Assert.True(ReminderRules.TutorialWindowClosing(window, booked: false, new DateOnly(2026, 11, 17)));
        Assert.True(ReminderRules.TutorialWindowClosing(window, booked: false, new DateOnly(2026, 12, 1)));
        Assert.False(ReminderRules.TutorialWindowClosing(window, booked: false, new DateOnly(2026, 12, 2)));
        Assert.False(ReminderRules.TutorialWindowClosing(window, booked: true, new DateOnly(2026, 11, 20)));
    }

    [Fact]
    public void FeedbackOverdue_TwoThenFiveWorkingDaysLate_BankHolidaysExcluded()
    {
        // Tutorial on Monday 21 December 2026: due by Wednesday 23rd; 25th, 28th (Boxing Day substitute) are bank holidays.
        var tutorial = new DateOnly(2026, 12, 21);
        Assert.Empty(ReminderRules.FeedbackOverdueSteps(tutorial, false, new DateOnly(2026, 12, 24), Holidays));
        Assert.Empty(ReminderRules.FeedbackOverdueSteps(tutorial, false, new DateOnly(2026, 12, 28), Holidays));
        Assert.Equal([2], ReminderRules.FeedbackOverdueSteps(tutorial, false, new DateOnly(2026, 12, 29), Holidays));
        Assert.Equal([2], ReminderRules.FeedbackOverdueSteps(tutorial, false, new DateOnly(2026, 12, 31), Holidays));
        Assert.Equal([2, 5], ReminderRules.FeedbackOverdueSteps(tutorial, false, new DateOnly(2027, 1, 4), Holidays));
        Assert.Empty(ReminderRules.FeedbackOverdueSteps(tutorial, true, new DateOnly(2027, 1, 4), Holidays));
    }

    [Fact]
    public void InvoiceAwaiting_MoreThanFiveWorkingDays()
    {
        var submitted = new DateTime(2026, 11, 16, 12, 0, 0, DateTimeKind.Utc); // Monday
        Assert.False(ReminderRules.InvoiceAwaiting(submitted, new DateOnly(2026, 11, 23), Holidays));
        Assert.True(ReminderRules.InvoiceAwaiting(submitted, new DateOnly(2026, 11, 24), Holidays));
    }

    [Fact]
    public void PlacementDaysShort_FourWeeksBeforeThePlannedEnd_WhileFewerThanNine()
    {
        var end = new DateOnly(2026, 12, 1);
        Assert.False(ReminderRules.PlacementDaysShort(end, 3, new DateOnly(2026, 11, 2)));
        Assert.True(ReminderRules.PlacementDaysShort(end, 3, new DateOnly(2026, 11, 3)));
        Assert.False(ReminderRules.PlacementDaysShort(end, 9, new DateOnly(2026, 11, 20)));
        Assert.False(ReminderRules.PlacementDaysShort(end, 3, new DateOnly(2026, 12, 2)));
    }
}
