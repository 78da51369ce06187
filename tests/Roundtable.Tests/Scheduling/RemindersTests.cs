using System.Net;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Reminders;
using Roundtable.Web.Tutorials;

namespace Roundtable.Tests.Scheduling;

// Each reminder with the clock moved: not yet due, then due (except to whoever opted out), then
// already sent. The test clock starts on Monday 23 November 2026, 10:00 UTC.
public class RemindersTests(AppFactory app) : AppTest(app)
{
    private static readonly DateTimeOffset Start = TestClock.Start;

    [Fact]
    public async Task SessionTomorrow_ToMembersWithoutACard_AndTheChair_Once_NotToWhoOptedOut()
    {
        var (_, members, group) = await Data.GroupWithMembersAsync(App, size: 4);
        var session = await App.SessionAsync(group, TimeSpan.FromDays(1));
        await App.ChairAsync(session, members[0]);
        await App.CardAsync(session, members[0]);
        await App.CardAsync(session, members[1]);
        await App.OptOutAsync(members[3], ReminderKind.SessionTomorrow);

        App.Clock.Reset(Start.AddDays(-1));
        await App.QueueRemindersAsync();
        Assert.Empty(await App.QueuedAsync(ReminderKind.SessionTomorrow));

        App.Clock.Reset(Start);
        await App.QueueRemindersAsync();
        var queued = await App.QueuedAsync(ReminderKind.SessionTomorrow);
        Assert.Equal(["m1@test.example", "m3@test.example"], queued.Select(q => q.To).Order());
        Assert.StartsWith("You chair tomorrow", queued.Single(q => q.To == "m1@test.example").Subject, StringComparison.Ordinal);

        App.Clock.Advance(TimeSpan.FromHours(2));
        await App.QueueRemindersAsync();
        Assert.Equal(2, (await App.QueuedAsync(ReminderKind.SessionTomorrow)).Count);
    }

    [Fact]
    public async Task SessionTomorrow_NotForACancelledSession()
    {
        var (_, _, group) = await Data.GroupWithMembersAsync(App, size: 4);
        var session = await App.SessionAsync(group, TimeSpan.FromDays(1));
        await App.WithDbAsync(async db =>
        {
            var stored = await db.CommunitySessions.SingleAsync(s => s.Id == session.Id);
            Assert.Null(stored.Cancel(App.Clock.GetUtcNow().UtcDateTime.AddDays(-1)));
            await db.SaveChangesAsync();
        });

        App.Clock.Reset(Start);
        await App.QueueRemindersAsync();
        Assert.Empty(await App.QueuedAsync(ReminderKind.SessionTomorrow));
    }

    [Fact]
    public async Task TutorialWindowClosing_ToDelegatesWithoutTutorial1_TwoWeeksBeforeTheWindowEnds()
    {
        var cohort = await Data.CohortAsync(start: new DateOnly(2026, 9, 1));
        var unbooked = await Data.DelegateAsync(cohort, "unbooked@test.example");
        var booked = await Data.DelegateAsync(cohort, "booked@test.example");
        var optedOut = await Data.DelegateAsync(cohort, "optedout@test.example");
        await App.OptOutAsync(optedOut, ReminderKind.TutorialWindowClosing);
        var partner = await App.PartnerProfileAsync(await Data.PartnerAsync());
        await App.BookingAsync(await App.SlotAsync(partner, TimeSpan.FromDays(3)), booked);

        App.Clock.Reset(Start.AddDays(-10));
        await App.QueueRemindersAsync();
        Assert.Empty(await App.QueuedAsync(ReminderKind.TutorialWindowClosing));

        App.Clock.Reset(Start);
        await App.QueueRemindersAsync();
        await App.QueueRemindersAsync();
        var queued = Assert.Single(await App.QueuedAsync(ReminderKind.TutorialWindowClosing));
        Assert.Equal(unbooked.Email, queued.To);
        Assert.Contains("1 December 2026", queued.Subject, StringComparison.Ordinal);
    }

    // Tutorial 2's window is two to three months after tutorial 1: a delegate whose tutorial 1 was
    // on 2 September (window 2 November to 2 December) is reminded from 18 November; one who has
    // booked tutorial 2, or whose tutorial 1 was too recent, is not.
    [Fact]
    public async Task TutorialWindowClosing_Tutorial2_TwoWeeksBeforeItsWindowEnds_OnlyWithoutABooking()
    {
        var cohort = await Data.CohortAsync(start: new DateOnly(2026, 6, 1));
        var unbooked = await Data.DelegateAsync(cohort, "unbooked2@test.example");
        var booked = await Data.DelegateAsync(cohort, "booked2@test.example");
        var recent = await Data.DelegateAsync(cohort, "recent@test.example");
        var partner = await App.PartnerProfileAsync(await Data.PartnerAsync());
        var twoSeptember = TimeSpan.FromDays(-82);
        await App.BookingAsync(await App.SlotAsync(partner, twoSeptember), unbooked, status: BookingStatus.Held);
        await App.BookingAsync(await App.SlotAsync(partner, twoSeptember + TimeSpan.FromHours(2)), booked, status: BookingStatus.Held);
        await App.BookingAsync(await App.SlotAsync(partner, TimeSpan.FromDays(3)), booked, project: 2);
        await App.BookingAsync(await App.SlotAsync(partner, TimeSpan.FromDays(-40)), recent, status: BookingStatus.Held);

        await App.QueueRemindersAsync();
        await App.QueueRemindersAsync();

        var queued = Assert.Single(await App.QueuedAsync(ReminderKind.TutorialWindowClosing));
        Assert.Equal(unbooked.Email, queued.To);
        Assert.Equal("Book tutorial 2: its window ends on 2 December 2026", queued.Subject);
    }

    [Fact]
    public async Task FeedbackOverdue_ToThePartnerAfterTwoWorkingDays_AgainAfterFive_ThenTheTeam()
    {
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.CohortAsync(start: new DateOnly(2026, 5, 1));
        var delegateUser = await Data.DelegateAsync(cohort, "d@test.example");
        var partner = await App.PartnerProfileAsync(await Data.PartnerAsync());
        // Thursday 12 November: Monday 23rd is seven working days later, five late.
        await App.BookingAsync(await App.SlotAsync(partner, TimeSpan.FromDays(-11)), delegateUser);

        App.Clock.Reset(Start.AddDays(-7)); // Monday 16th: two working days, not late
        await App.QueueRemindersAsync();
        Assert.Empty(await App.QueuedAsync(ReminderKind.FeedbackOverdue));

        App.Clock.Reset(Start.AddDays(-5)); // Wednesday 18th: four working days, two late
        await App.QueueRemindersAsync();
        Assert.Equal(["partner@test.example"], (await App.QueuedAsync(ReminderKind.FeedbackOverdue)).Select(q => q.To));

        App.Clock.Reset(Start);
        await App.QueueRemindersAsync();
        await App.QueueRemindersAsync();
        Assert.Equal(["partner@test.example", "partner@test.example", "team@test.example"],
            (await App.QueuedAsync(ReminderKind.FeedbackOverdue)).Select(q => q.To).Order());
    }

    [Fact]
    public async Task FeedbackOverdue_OptedOutPartner_GetsNone_FeedbackRecorded_NothingDue()
    {
        var cohort = await Data.CohortAsync(start: new DateOnly(2026, 5, 1));
        var delegateUser = await Data.DelegateAsync(cohort, "d@test.example");
        var partnerUser = await Data.PartnerAsync();
        var partner = await App.PartnerProfileAsync(partnerUser);
        var other = await App.PartnerProfileAsync(await Data.PartnerAsync("other@test.example"));
        await App.BookingAsync(await App.SlotAsync(partner, TimeSpan.FromDays(-11)), delegateUser);
        var withFeedback = await App.BookingAsync(await App.SlotAsync(other, TimeSpan.FromDays(-11)), delegateUser, project: 2);
        await App.FeedbackAsync(withFeedback);
        await App.OptOutAsync(partnerUser, ReminderKind.FeedbackOverdue);

        await App.QueueRemindersAsync();

        Assert.Empty(await App.QueuedAsync(ReminderKind.FeedbackOverdue));
    }

    [Fact]
    public async Task InvoiceAwaitingApproval_ADailyDigestToTheTeam_OfInvoicesWaitingMoreThanFiveWorkingDays()
    {
        await Data.ProgrammeTeamAsync();
        var optedOut = await Data.ProgrammeTeamAsync("team2@test.example");
        await App.OptOutAsync(optedOut, ReminderKind.InvoiceAwaitingApproval);
        var partnerUser = await Data.PartnerAsync();
        var partner = await App.PartnerProfileAsync(partnerUser);
        await App.InvoiceAsync(partner, partnerUser, new DateTime(2026, 11, 16, 12, 0, 0, DateTimeKind.Utc), 1);
        await App.InvoiceAsync(partner, partnerUser, new DateTime(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc), 2);

        App.Clock.Reset(Start);
        await App.QueueRemindersAsync();
        Assert.Empty(await App.QueuedAsync(ReminderKind.InvoiceAwaitingApproval));

        App.Clock.Reset(Start.AddDays(1));
        await App.QueueRemindersAsync();
        await App.QueueRemindersAsync();
        var digest = Assert.Single(await App.QueuedAsync(ReminderKind.InvoiceAwaitingApproval));
        Assert.Equal("team@test.example", digest.To);
        var body = await App.WithDbAsync(db => db.OutboxMessages.Select(m => m.TextBody).SingleAsync());
        Assert.Contains("RT-0001", body, StringComparison.Ordinal);
        Assert.DoesNotContain("RT-0002", body, StringComparison.Ordinal);

        App.Clock.Reset(Start.AddDays(2));
        await App.QueueRemindersAsync();
        Assert.Equal(2, (await App.QueuedAsync(ReminderKind.InvoiceAwaitingApproval)).Count);
    }

    [Fact]
    public async Task PlacementDaysShort_ToTheDelegateAndTutor_FourWeeksBeforeThePlannedEnd()
    {
        var tutor = await Data.TutorAsync();
        // Course start 1 June 2025: the 18 months end on 1 December 2026.
        var cohort = await Data.CohortAsync(start: new DateOnly(2025, 6, 1));
        var shortLog = await Data.DelegateAsync(cohort, "short@test.example", tutor: tutor);
        await Data.Project2Async(shortLog, TestData.NinePlacementDays.Take(3));
        var fullLog = await Data.DelegateAsync(cohort, "full@test.example", tutor: tutor);
        await Data.Project2Async(fullLog);
        var optedOut = await Data.DelegateAsync(cohort, "optedout@test.example");
        await App.OptOutAsync(optedOut, ReminderKind.PlacementDaysShort);

        App.Clock.Reset(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero));
        await App.QueueRemindersAsync();
        Assert.Empty(await App.QueuedAsync(ReminderKind.PlacementDaysShort));

        App.Clock.Reset(Start);
        await App.QueueRemindersAsync();
        await App.QueueRemindersAsync();
        Assert.Equal(["short@test.example", "tutor@test.example"], (await App.QueuedAsync(ReminderKind.PlacementDaysShort)).Select(q => q.To).Order());
    }

    [Fact]
    public async Task ReminderEmail_CarriesKindAndOneClickUnsubscribe_WhichTurnsThatKindOff()
    {
        var cohort = await Data.CohortAsync(start: new DateOnly(2026, 9, 1));
        var person = await Data.DelegateAsync(cohort, "unbooked@test.example");
        await App.QueueRemindersAsync();

        var mail = await App.Smtp.WaitForMessageToAsync("unbooked@test.example");
        Assert.Equal("tutorial-window-closing", mail.Headers[ReminderKind.Header]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var link = mail.Headers["List-Unsubscribe"]!.Trim().Trim('<', '>');
        Assert.StartsWith("http://localhost/unsubscribe/", link, StringComparison.Ordinal);
        var path = new Uri(link).PathAndQuery;

        var page = await Anonymous().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.ReminderOptOuts.CountAsync()));

        // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to the link, with no cookie or token.
        var oneClick = await Anonymous().PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        var again = await Anonymous().PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var optOut = await App.WithDbAsync(db => db.ReminderOptOuts.SingleAsync());
        Assert.Equal((person.Id, "tutorial-window-closing"), (optOut.UserId, optOut.Kind));
    }

    [Fact]
    public async Task Unsubscribe_ForgedToken_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous().GetAsync("/unsubscribe/not-a-token")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous().PostAsync("/unsubscribe/not-a-token", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))).StatusCode);
    }

    [Fact]
    public async Task MyReminders_SignedOut_RedirectsToSignIn_SignedIn_SavesOwnChoicesOnly()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await Anonymous().GetAsync("/Me/Reminders")).StatusCode);
        var cohort = await Data.CohortAsync();
        var me = await Data.DelegateAsync(cohort, "me@test.example");
        var other = await Data.DelegateAsync(cohort, "other@test.example");
        var client = await SignedInAsync("me@test.example");

        var saved = await client.PostFormAsync("/Me/Reminders", new() { ["On"] = "session-tomorrow" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var off = await App.WithDbAsync(db => db.ReminderOptOuts.Where(o => o.UserId == me.Id).Select(o => o.Kind).OrderBy(k => k).ToListAsync());
        Assert.Equal(ReminderKind.All.Select(k => k.Code).Where(c => c != "session-tomorrow").Order().ToList(), off);
        Assert.False(await App.WithDbAsync(db => db.ReminderOptOuts.AnyAsync(o => o.UserId == other.Id)));
        var page = await client.GetDocumentAsync("/Me/Reminders");
        Assert.NotNull(page.QuerySelector("#reminder-session-tomorrow[checked]"));
        Assert.Null(page.QuerySelector("#reminder-feedback-overdue[checked]"));
    }

    [Fact]
    public async Task SentReminderKey_IsUniqueInTheDatabase()
    {
        var user = await Data.TutorAsync();
        await App.WithDbAsync(async db =>
        {
            db.SentReminders.Add(new SentReminder { Kind = "session-tomorrow", UserId = user.Id, Subject = "session:1", SentAt = App.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => App.WithDbAsync(async db =>
        {
            db.SentReminders.Add(new SentReminder { Kind = "session-tomorrow", UserId = user.Id, Subject = "session:1", SentAt = App.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }));
    }
}
