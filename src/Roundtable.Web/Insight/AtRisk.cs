using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.People;
using Roundtable.Web.Projects;
using Roundtable.Web.Reminders;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Insight;

public sealed record AtRiskReason(string Code, string Text);

public static class AtRiskReasons
{
    public static readonly AtRiskReason MissedTwoSessions = new("missed-two-sessions", "Missed the last two sessions");
    public static readonly AtRiskReason NoProblemCards = new("no-problem-cards", "No problem card for the last two sessions");
    public static readonly AtRiskReason TutorialWindowClosed = new("tutorial-window-closed", "Tutorial window closed without a booking");
    public static readonly AtRiskReason PlacementShort = new("placement-short", "Placement days short with four weeks to go");
    public static readonly AtRiskReason BoardDateMissing = new("board-date-missing", "Project 1 governing board date missing");
    public static readonly AtRiskReason FeedbackOverdue = new("feedback-overdue", "Feedback overdue on their tutorial");

    public static IReadOnlyList<AtRiskReason> All { get; } =
        [MissedTwoSessions, NoProblemCards, TutorialWindowClosed, PlacementShort, BoardDateMissing, FeedbackOverdue];

    public static AtRiskReason? Find(string? code) => All.FirstOrDefault(r => r.Code == code);
}

public sealed record AtRiskFilter(int? CohortId = null, string? TutorId = null, string? Reason = null);

public sealed record AtRiskPerson(int ParticipantId, string UserId, string Name, string? Email, int CohortId, string Cohort, string? TutorName,
    bool Npqh, IReadOnlyList<AtRiskReason> Reasons);

// Who needs help before it is too late, and why. Each reason is one query that the database
// answers with the ids of the delegates it applies to (only placement days, counted with the bank
// holidays, are checked here, and only for cohorts in their last four weeks). "Now" and "today"
// come from the TimeProvider; the due dates reuse ReminderRules and TutorialWindows.
public sealed class AtRiskFinder(AppDbContext db, TimeProvider time, ProjectCalendar calendar)
{
    public async Task<List<AtRiskPerson>> ListAsync(AtRiskFilter filter, CancellationToken ct = default)
    {
        var people = db.Participants.AsNoTracking().AsQueryable();
        if (filter.CohortId is int cohortId)
        {
            people = people.Where(p => p.CohortId == cohortId);
        }
        if (filter.TutorId is { } tutorId)
        {
            people = people.Where(p => p.TutorId == tutorId);
        }
        var now = time.UtcNow();
        var today = LondonTime.Today(time);
        var holidays = await calendar.HolidaysAsync(ct);
        var found = new Dictionary<int, List<AtRiskReason>>();
        foreach (var reason in AtRiskReasons.All.Where(r => filter.Reason is null || r.Code == filter.Reason))
        {
            foreach (var id in await WhoAsync(reason, people, now, today, holidays, ct))
            {
                (found.TryGetValue(id, out var list) ? list : found[id] = []).Add(reason);
            }
        }
        if (found.Count == 0)
        {
            return [];
        }
        var ids = found.Keys.ToList();
        var rows = await db.Participants.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.UserId, p.User.FullName, p.User.Email, p.CohortId, Cohort = p.Cohort.Name, Tutor = p.Tutor == null ? null : p.Tutor.FullName,
                Npqh = p.Cohort.Programme.Code == ProjectNumbers.HeadshipCode,
            })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.FullName, StringComparer.Ordinal).ThenBy(r => r.Id)
            .Select(r => new AtRiskPerson(r.Id, r.UserId, r.FullName, r.Email, r.CohortId, r.Cohort, r.Tutor, r.Npqh, found[r.Id]))
            .ToList();
    }

    private Task<List<int>> WhoAsync(AtRiskReason reason, IQueryable<Participant> people, DateTime now, DateOnly today, BankHolidayCalendar holidays, CancellationToken ct)
    {
        if (reason == AtRiskReasons.MissedTwoSessions)
        {
            return MissedTwoSessionsAsync(people, now, ct);
        }
        if (reason == AtRiskReasons.NoProblemCards)
        {
            return NoProblemCardsAsync(people, now, ct);
        }
        if (reason == AtRiskReasons.TutorialWindowClosed)
        {
            return TutorialWindowClosedAsync(people, today, ct);
        }
        if (reason == AtRiskReasons.PlacementShort)
        {
            return PlacementShortAsync(people, today, holidays, ct);
        }
        if (reason == AtRiskReasons.BoardDateMissing)
        {
            return Npqh(people).Where(p => db.Project1s.Any(x => x.ParticipantId == p.Id && x.BoardPresentedOn == null && x.ImplementationStart <= today))
                .Select(p => p.Id).ToListAsync(ct);
        }
        var overdueBefore = InsightRules.FeedbackOverdueBefore(today, holidays);
        return people.Where(p => db.Bookings.Any(b => b.ParticipantId == p.Id && b.Status == BookingStatus.Booked && b.Feedback == null && b.Slot.StartsAt < overdueBefore))
            .Select(p => p.Id).ToListAsync(ct);
    }

    private static IQueryable<Participant> Npqh(IQueryable<Participant> people) =>
        people.Where(p => p.Cohort.Programme.Code == ProjectNumbers.HeadshipCode);

    // A group's last two sessions before now: those with fewer than two later ones.
    private static IQueryable<Communities.CommunitySession> LastTwo(IQueryable<Communities.CommunitySession> sessions) =>
        sessions.Where(s => sessions.Count(o => o.GroupId == s.GroupId && o.StartsAt > s.StartsAt) < 2);

    // Absent from both of their group's last two recorded sessions.
    private Task<List<int>> MissedTwoSessionsAsync(IQueryable<Participant> people, DateTime now, CancellationToken ct)
    {
        var lastTwo = LastTwo(db.CommunitySessions.Where(s => s.RecordedAt != null && s.CancelledAt == null && s.StartsAt <= now));
        return people.Where(p => db.SessionAttendance.Count(a => a.UserId == p.UserId && !a.Present
                && lastTwo.Any(s => s.Id == a.SessionId && s.Group.CohortId == p.CohortId)) == AtRiskRules.SessionsInARow)
            .Select(p => p.Id).ToListAsync(ct);
    }

    // Their group has held (or started) two sessions and they prepared a problem card for neither.
    private Task<List<int>> NoProblemCardsAsync(IQueryable<Participant> people, DateTime now, CancellationToken ct)
    {
        var lastTwo = LastTwo(db.CommunitySessions.Where(s => s.CancelledAt == null && s.StartsAt <= now));
        return people.Where(p => db.CommunityMembers.Any(m => m.UserId == p.UserId && m.CohortId == p.CohortId && m.Group.Published
                && lastTwo.Count(s => s.GroupId == m.GroupId) == AtRiskRules.SessionsInARow
                && !lastTwo.Any(s => s.GroupId == m.GroupId && db.ProblemCards.Any(c => c.SessionId == s.Id && c.OwnerId == p.UserId))))
            .Select(p => p.Id).ToListAsync(ct);
    }

    // Tutorial 1's window (from the course start) or tutorial 2's (after tutorial 1) has ended
    // and that tutorial is not booked, held or marked a no-show.
    private async Task<List<int>> TutorialWindowClosedAsync(IQueryable<Participant> people, DateOnly today, CancellationToken ct)
    {
        var (first, second) = await WindowClosedAsync(people, today, ct);
        return (await first.Select(p => p.Id).ToListAsync(ct)).Union(await second.Select(p => p.Id).ToListAsync(ct)).ToList();
    }

    // The NPQH delegates whose tutorial 1 window (first) or tutorial 2 window (second) has closed
    // without that tutorial booked, as queries: the at-risk list reads their ids, the dashboard
    // counts them, so both agree.
    public async Task<(IQueryable<Participant> First, IQueryable<Participant> Second)> WindowClosedAsync(
        IQueryable<Participant> people, DateOnly today, CancellationToken ct = default)
    {
        var npqh = Npqh(people);
        var cohorts = await npqh.Select(p => new { p.CohortId, p.Cohort.CourseStart }).Distinct().ToListAsync(ct);
        var closed1 = cohorts.Where(c => AtRiskRules.WindowClosed(TutorialWindows.Tutorial1(c.CourseStart), today)).Select(c => c.CohortId).ToList();
        var first = npqh.Where(p => closed1.Contains(p.CohortId) && !db.Bookings.Any(b => b.ParticipantId == p.Id && b.Project == ProjectNumbers.Change
                && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.Held || b.Status == BookingStatus.NoShow)));
        var tutorial1Before = InsightRules.StartOfDayUtc(AtRiskRules.LastTutorial1WithWindow2Closed(today).AddDays(1));
        var second = npqh.Where(p => db.Bookings.Any(b => b.ParticipantId == p.Id && b.Project == ProjectNumbers.Change
                    && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.Held || b.Status == BookingStatus.NoShow) && b.Slot.StartsAt < tutorial1Before)
                && !db.Bookings.Any(b => b.ParticipantId == p.Id && b.Project == ProjectNumbers.Placement
                    && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.Held || b.Status == BookingStatus.NoShow)));
        return (first, second);
    }

    // Fewer than nine working days logged from four weeks before the placement's planned end.
    private async Task<List<int>> PlacementShortAsync(IQueryable<Participant> people, DateOnly today, BankHolidayCalendar holidays, CancellationToken ct)
    {
        var npqh = Npqh(people);
        var cohorts = await npqh.Select(p => new { p.CohortId, p.Cohort.CourseStart }).Distinct().ToListAsync(ct);
        var ending = cohorts.Where(c => ReminderRules.PlacementDaysShort(ReminderRules.PlacementPlannedEnd(c.CourseStart), 0, today)).Select(c => c.CohortId).ToList();
        if (ending.Count == 0)
        {
            return [];
        }
        var candidates = await npqh.Where(p => ending.Contains(p.CohortId))
            .Select(p => new
            {
                p.Id, p.Cohort.CourseStart,
                Days = db.Project2s.Where(x => x.ParticipantId == p.Id).SelectMany(x => x.PlacementDays.Select(d => d.Date)).ToList(),
                Closures = db.Project2s.Where(x => x.ParticipantId == p.Id).SelectMany(x => x.ClosureDays.Select(d => d.Date)).ToList(),
            })
            .ToListAsync(ct);
        return candidates
            .Where(c => ReminderRules.PlacementDaysShort(ReminderRules.PlacementPlannedEnd(c.CourseStart),
                WorkingDays.CountPlacementDays(c.Days, c.Closures, holidays).Counted, today))
            .Select(c => c.Id).ToList();
    }
}

public static class AtRiskRules
{
    public const int SessionsInARow = 2;

    // The window's last day has passed.
    public static bool WindowClosed(TutorialWindow window, DateOnly today) => today > window.To;

    // The latest tutorial 1 day whose tutorial 2 window has closed by today.
    public static DateOnly LastTutorial1WithWindow2Closed(DateOnly today)
    {
        var day = today.AddMonths(-3).AddDays(3);
        while (!WindowClosed(TutorialWindows.Tutorial2(day), today))
        {
            day = day.AddDays(-1);
        }
        return day;
    }
}
