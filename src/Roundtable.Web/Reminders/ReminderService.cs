using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Email;
using Roundtable.Web.Projects;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Reminders;

// One reminder to one person about one subject, before the checks for "already sent" and "opted out".
public sealed record DueReminder(ReminderKind Kind, string UserId, string Subject, string Email, string Name, string MailSubject, string Body);

public sealed record ReminderRun(int Due, int Queued);

// Gathers the facts for every kind in a few set-based queries, asks ReminderRules which are due,
// drops those already sent or opted out of, and saves each reminder's key and its outbox row in
// one SaveChanges. A second run (or a second server) finds the keys and queues nothing.
public sealed class ReminderService(AppDbContext db, TimeProvider time, ProjectCalendar calendar, ReminderLinks links, UnsubscribeTokens tokens)
{
    public async Task<ReminderRun> QueueDueAsync(CancellationToken ct = default)
    {
        var due = await DueAsync(ct);
        var queued = await QueueAsync(due, ct);
        return new ReminderRun(due.Count, queued);
    }

    public async Task<List<DueReminder>> DueAsync(CancellationToken ct = default)
    {
        var now = time.UtcNow();
        var today = LondonTime.Today(time);
        var holidays = await calendar.HolidaysAsync(ct);
        var due = new List<DueReminder>();
        due.AddRange(await SessionTomorrowAsync(now, ct));
        due.AddRange(await TutorialWindowsAsync(today, ct));
        due.AddRange(await FeedbackOverdueAsync(now, today, holidays, ct));
        due.AddRange(await InvoiceDigestAsync(today, holidays, ct));
        due.AddRange(await PlacementDaysAsync(today, holidays, ct));
        return due;
    }

    private async Task<int> QueueAsync(List<DueReminder> due, CancellationToken ct)
    {
        if (due.Count == 0)
        {
            return 0;
        }
        var userIds = due.Select(d => d.UserId).Distinct().ToList();
        var optedOut = (await db.ReminderOptOuts.AsNoTracking().Where(o => userIds.Contains(o.UserId))
            .Select(o => new { o.UserId, o.Kind }).ToListAsync(ct))
            .Select(o => (o.UserId, o.Kind)).ToHashSet();
        var subjects = due.Select(d => d.Subject).Distinct().ToList();
        var sent = (await db.SentReminders.AsNoTracking().Where(r => subjects.Contains(r.Subject))
            .Select(r => new { r.Kind, r.UserId, r.Subject }).ToListAsync(ct))
            .Select(r => (r.Kind, r.UserId, r.Subject)).ToHashSet();
        var now = time.UtcNow();
        var queued = 0;
        foreach (var d in due.DistinctBy(d => (d.Kind.Code, d.UserId, d.Subject)))
        {
            if (optedOut.Contains((d.UserId, d.Kind.Code)) || sent.Contains((d.Kind.Code, d.UserId, d.Subject)))
            {
                continue;
            }
            db.SentReminders.Add(new SentReminder { Kind = d.Kind.Code, UserId = d.UserId, Subject = d.Subject, SentAt = now });
            db.QueueEmail(Message(d), time);
            queued++;
        }
        // Another server may have queued some of these since they were read: then its keys stand,
        // this whole batch is dropped, and the next run queues whatever is still missing.
        return await db.TrySaveUniqueAsync(ct) ? queued : 0;
    }

    private EmailMessage Message(DueReminder d)
    {
        var unsubscribe = links.Unsubscribe(tokens.Create(d.UserId, d.Kind));
        var body = $"{d.Body}\n\n—\nYou receive this because '{d.Kind.Name}' reminders are on for you. "
            + $"Stop them: {unsubscribe}\nChoose which reminders you get: {links.Preferences()}\n";
        return new EmailMessage(d.Email, d.Name, d.MailSubject, body, new Dictionary<string, string>
        {
            [ReminderKind.Header] = d.Kind.Code,
            ["List-Unsubscribe"] = $"<{unsubscribe}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        });
    }

    private async Task<IEnumerable<DueReminder>> SessionTomorrowAsync(DateTime now, CancellationToken ct)
    {
        var horizon = now.AddHours(48);
        var sessions = await db.CommunitySessions.AsNoTracking()
            .Where(s => s.StartsAt > now && s.StartsAt <= horizon && s.CancelledAt == null && s.Group.Published)
            .Select(s => new
            {
                s.Id, s.StartsAt, s.ChairId, Group = s.Group.Name,
                Members = s.Group.Members.Where(m => m.User.Email != null).Select(m => new { m.UserId, m.User.Email, m.User.FullName }).ToList(),
                CardOwners = db.ProblemCards.Where(c => c.SessionId == s.Id).Select(c => c.OwnerId).ToList(),
            })
            .ToListAsync(ct);
        var due = new List<DueReminder>();
        foreach (var s in sessions.Where(s => ReminderRules.SessionTomorrow(s.StartsAt, now)))
        {
            var when = UkFormat.DateTime(s.StartsAt);
            foreach (var m in s.Members)
            {
                var chairs = m.UserId == s.ChairId;
                var noCard = !s.CardOwners.Contains(m.UserId);
                if (!chairs && !noCard)
                {
                    continue;
                }
                var lines = new List<string> { $"Dear {m.FullName},", "", $"{s.Group} meets tomorrow, {when}." };
                if (chairs)
                {
                    lines.Add($"You chair tomorrow. The session and its agenda: {links.Session(s.Id)}");
                }
                if (noCard)
                {
                    lines.Add($"You have not prepared a problem card yet. Prepare it here: {links.ProblemCard(s.Id)}");
                }
                due.Add(new DueReminder(ReminderKind.SessionTomorrow, m.UserId, $"session:{s.Id}", m.Email!, m.FullName,
                    chairs ? $"You chair tomorrow: {s.Group}, {when}" : $"Session tomorrow: prepare your problem card ({s.Group})",
                    string.Join('\n', lines)));
            }
        }
        return due;
    }

    private async Task<IEnumerable<DueReminder>> TutorialWindowsAsync(DateOnly today, CancellationToken ct)
    {
        var due = new List<DueReminder>();
        // Tutorial 1's window runs from the course start, so only cohorts whose window ends in the
        // next two weeks can be due: a handful of cohorts, never every delegate.
        var cohorts = await db.Cohorts.AsNoTracking().Select(c => new { c.Id, c.CourseStart }).ToListAsync(ct);
        var closing = cohorts.Where(c => ReminderRules.TutorialWindowClosing(TutorialWindows.Tutorial1(c.CourseStart), booked: false, today)).ToList();
        var closingIds = closing.Select(c => c.Id).ToList();
        var unbooked1 = await db.Participants.AsNoTracking()
            .Where(p => closingIds.Contains(p.CohortId) && p.User.Email != null
                && !db.Bookings.Any(b => b.ParticipantId == p.Id && b.Project == 1 && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.Held)))
            .Select(p => new { p.Id, p.UserId, p.User.Email, p.User.FullName, p.Cohort.CourseStart })
            .ToListAsync(ct);
        foreach (var p in unbooked1)
        {
            var window = TutorialWindows.Tutorial1(p.CourseStart);
            due.Add(WindowReminder(p.Id, p.UserId, p.Email!, p.FullName, 1, window));
        }

        // Tutorial 2's window follows tutorial 1: two to three months after it.
        var from = today.AddMonths(-3).AddDays(-1);
        var to = today.AddDays(ReminderRules.WindowWarningDays).AddMonths(-3).AddDays(1);
        var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var toUtc = to.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);
        var firsts = await db.Bookings.AsNoTracking()
            .Where(b => b.Project == 1 && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.Held)
                && b.Slot.StartsAt >= fromUtc && b.Slot.StartsAt <= toUtc && b.Participant.User.Email != null
                && !db.Bookings.Any(o => o.ParticipantId == b.ParticipantId && o.Project == 2 && (o.Status == BookingStatus.Booked || o.Status == BookingStatus.Held)))
            .Select(b => new { b.ParticipantId, b.Participant.UserId, b.Participant.User.Email, b.Participant.User.FullName, b.Slot.StartsAt })
            .ToListAsync(ct);
        foreach (var b in firsts)
        {
            var window = TutorialWindows.Tutorial2(LondonTime.DateOf(b.StartsAt));
            if (ReminderRules.TutorialWindowClosing(window, booked: false, today))
            {
                due.Add(WindowReminder(b.ParticipantId, b.UserId, b.Email!, b.FullName, 2, window));
            }
        }
        return due;
    }

    private DueReminder WindowReminder(int participantId, string userId, string email, string name, int project, TutorialWindow window) =>
        new(ReminderKind.TutorialWindowClosing, userId, $"participant:{participantId}:tutorial:{project}", email, name,
            $"Book tutorial {project}: its window ends on {UkFormat.Date(window.To)}",
            $"Dear {name},\n\nThe recommended window for tutorial {project} ({window}) ends on {UkFormat.Date(window.To)}, and you have not booked it yet.\n"
            + $"Book it here: {links.BookTutorial()}");

    private async Task<IEnumerable<DueReminder>> FeedbackOverdueAsync(DateTime now, DateOnly today, BankHolidayCalendar holidays, CancellationToken ct)
    {
        // Five working days late is at most a few weeks: older tutorials have had their reminders.
        var since = now.AddDays(-42);
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Booked && b.Feedback == null && b.Slot.StartsAt <= now && b.Slot.StartsAt >= since)
            .Select(b => new { b.Id, b.Slot.StartsAt, b.Slot.Partner.UserId, b.Slot.Partner.User.Email, b.Slot.Partner.User.FullName, Delegate = b.Participant.User.FullName })
            .ToListAsync(ct);
        var due = new List<DueReminder>();
        List<(string Id, string Email, string Name)>? team = null;
        foreach (var b in bookings)
        {
            var steps = ReminderRules.FeedbackOverdueSteps(LondonTime.DateOf(b.StartsAt), hasFeedback: false, today, holidays);
            var when = UkFormat.DateTime(b.StartsAt);
            foreach (var step in steps)
            {
                if (b.Email is not null)
                {
                    due.Add(new DueReminder(ReminderKind.FeedbackOverdue, b.UserId, $"booking:{b.Id}:{step}", b.Email, b.FullName,
                        $"Feedback overdue: tutorial with {b.Delegate} on {when}",
                        $"Dear {b.FullName},\n\nYour feedback on the tutorial with {b.Delegate} on {when} is {step} working days late.\n"
                        + $"Record it here: {links.Feedback(b.Id)}"));
                }
                if (step == ReminderRules.FeedbackSecondLateDays)
                {
                    team ??= await TeamAsync(ct);
                    due.AddRange(team.Select(t => new DueReminder(ReminderKind.FeedbackOverdue, t.Id, $"booking:{b.Id}:{step}", t.Email, t.Name,
                        $"Feedback overdue: {b.FullName}'s tutorial with {b.Delegate}",
                        $"Dear {t.Name},\n\n{b.FullName} has not recorded feedback on the tutorial with {b.Delegate} on {when}: {step} working days late.\n"
                        + $"Tutorials with feedback outstanding: {links.TeamTutorials()}")));
                }
            }
        }
        return due;
    }

    private async Task<IEnumerable<DueReminder>> InvoiceDigestAsync(DateOnly today, BankHolidayCalendar holidays, CancellationToken ct)
    {
        var submitted = await db.Invoices.AsNoTracking().Where(i => i.Status == Invoicing.InvoiceStatus.Submitted)
            .OrderBy(i => i.SubmittedAt)
            .Select(i => new { i.Number, i.PartnerName, i.SubmittedAt, i.TotalPence })
            .ToListAsync(ct);
        var waiting = submitted.Where(i => ReminderRules.InvoiceAwaiting(i.SubmittedAt, today, holidays)).ToList();
        if (waiting.Count == 0)
        {
            return [];
        }
        var list = string.Join('\n', waiting.Select(i => $"- {i.Number}, {i.PartnerName}, {Money.Text(i.TotalPence)}, submitted {UkFormat.Date(LondonTime.DateOf(i.SubmittedAt))}"));
        var team = await TeamAsync(ct);
        return team.Select(t => new DueReminder(ReminderKind.InvoiceAwaitingApproval, t.Id, "digest:" + UkFormat.Iso(today), t.Email, t.Name,
            $"{UkFormat.Plural(waiting.Count, "invoice", "invoices")} awaiting approval for more than {ReminderRules.InvoiceWaitingWorkingDays} working days",
            $"Dear {t.Name},\n\nThese invoices have waited more than {ReminderRules.InvoiceWaitingWorkingDays} working days for approval:\n{list}\n\n"
            + $"Approve or reject them here: {links.Invoices()}"));
    }

    private async Task<IEnumerable<DueReminder>> PlacementDaysAsync(DateOnly today, BankHolidayCalendar holidays, CancellationToken ct)
    {
        var cohorts = await db.Cohorts.AsNoTracking().Select(c => new { c.Id, c.CourseStart }).ToListAsync(ct);
        var ending = cohorts.Where(c => ReminderRules.PlacementDaysShort(ReminderRules.PlacementPlannedEnd(c.CourseStart), 0, today)).Select(c => c.Id).ToList();
        if (ending.Count == 0)
        {
            return [];
        }
        var people = await db.Participants.AsNoTracking()
            .Where(p => ending.Contains(p.CohortId))
            .Select(p => new
            {
                p.Id, p.UserId, p.User.Email, p.User.FullName, p.Cohort.CourseStart, p.TutorId, TutorEmail = p.Tutor!.Email, TutorName = p.Tutor.FullName,
            })
            .ToListAsync(ct);
        var logs = await db.Project2s.AsNoTracking().Where(x => ending.Contains(x.Participant.CohortId))
            .Select(x => new { x.ParticipantId, Days = x.PlacementDays.Select(d => d.Date).ToList(), Closures = x.ClosureDays.Select(d => d.Date).ToList() })
            .ToDictionaryAsync(x => x.ParticipantId, ct);
        var due = new List<DueReminder>();
        foreach (var p in people)
        {
            var end = ReminderRules.PlacementPlannedEnd(p.CourseStart);
            var log = logs.GetValueOrDefault(p.Id);
            var counted = log is null ? 0 : WorkingDays.CountPlacementDays(log.Days, log.Closures, holidays).Counted;
            if (!ReminderRules.PlacementDaysShort(end, counted, today))
            {
                continue;
            }
            var subject = $"participant:{p.Id}:placement";
            var days = UkFormat.Plural(counted, "working day", "working days");
            if (p.Email is not null)
            {
                due.Add(new DueReminder(ReminderKind.PlacementDaysShort, p.UserId, subject, p.Email, p.FullName,
                    $"Your placement log is short: {days} of {ProjectRequirements.MinimumPlacementDays}",
                    $"Dear {p.FullName},\n\nYour placement log has {days}; {ProjectRequirements.MinimumPlacementDays} are needed before the planned end on {UkFormat.Date(end)}.\n"
                    + $"Log your placement days here: {links.Placement()}"));
            }
            if (p.TutorId is not null && p.TutorEmail is not null)
            {
                due.Add(new DueReminder(ReminderKind.PlacementDaysShort, p.TutorId, subject, p.TutorEmail, p.TutorName,
                    $"{p.FullName}'s placement log is short: {days} of {ProjectRequirements.MinimumPlacementDays}",
                    $"Dear {p.TutorName},\n\n{p.FullName}'s placement log has {days}; {ProjectRequirements.MinimumPlacementDays} are needed before the planned end on {UkFormat.Date(end)}.\n"
                    + $"Their project: {links.TutorDelegate(p.Id)}"));
            }
        }
        return due;
    }

    private async Task<List<(string Id, string Email, string Name)>> TeamAsync(CancellationToken ct)
    {
        var role = RoleSeed.IdOf(People.Roles.ProgrammeTeam);
        var rows = await db.Users.AsNoTracking().Where(u => u.Email != null && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == role))
            .Select(u => new { u.Id, u.Email, u.FullName }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Email!, r.FullName)).ToList();
    }
}
