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

public sealed record AtRiskFilter(int? CohortId = null, string? TutorId = null, string? Reason = null, int? ProgrammeId = null);

// One reason's count and its first few delegates (by name): the dashboard's summary, which links
// to the full, paged list rather than rendering thousands of rows.
public sealed record AtRiskReasonSummary(AtRiskReason Reason, int Count, IReadOnlyList<AtRiskPerson> First);

public sealed record AtRiskSummary(int Delegates, IReadOnlyList<AtRiskReasonSummary> Reasons);

public sealed record AtRiskPerson(int ParticipantId, string UserId, string Name, string? Email, int CohortId, string Cohort, string? TutorName,
    bool Npqh, IReadOnlyList<AtRiskReason> Reasons);

// Who needs help before it is too late, and why. Each reason is one set-based query that the
// database answers with the ids of the delegates it applies to, never a query per delegate. The two
// session rules first find each group's last two sessions once, in memory from the in-scope
// cohorts' sessions (a cohort has about 2,400), and then ask one query filtered by those session
// ids. Placement days, counted with the bank holidays, are checked here, and only for cohorts in
// their last four weeks. "Now" and "today" come from the TimeProvider; the due dates reuse
// ReminderRules and TutorialWindows.
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
        if (filter.ProgrammeId is int programmeId)
        {
            people = people.Where(p => p.Cohort.ProgrammeId == programmeId);
        }
        var now = time.UtcNow();
        var today = LondonTime.Today(time);
        var holidays = await calendar.HolidaysAsync(ct);
        var reasons = AtRiskReasons.All.Where(r => filter.Reason is null || r.Code == filter.Reason).ToList();
        var sessions = reasons.Contains(AtRiskReasons.MissedTwoSessions) || reasons.Contains(AtRiskReasons.NoProblemCards)
            ? await StartedSessionsAsync(people, now, ct)
            : [];
        var found = new Dictionary<int, List<AtRiskReason>>();
        foreach (var reason in reasons)
        {
            foreach (var id in await WhoAsync(reason, people, sessions, today, holidays, ct))
            {
                (found.TryGetValue(id, out var list) ? list : found[id] = []).Add(reason);
            }
        }
        if (found.Count == 0)
        {
            return [];
        }
        var ids = found.Keys.ToList();
        var rows = await db.Participants.AsNoTracking().Where(p => EF.Parameter(ids).Contains(p.Id))
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

    // Every reason's count with its first delegates by name (the same set and order as ListAsync).
    public async Task<AtRiskSummary> SummaryAsync(AtRiskFilter filter, int first, CancellationToken ct = default)
    {
        var all = await ListAsync(filter, ct);
        return new AtRiskSummary(all.Count, AtRiskReasons.All.Where(r => filter.Reason is null || r.Code == filter.Reason)
            .Select(r =>
            {
                var these = all.Where(d => d.Reasons.Contains(r)).ToList();
                return new AtRiskReasonSummary(r, these.Count, these.Take(first).ToList());
            })
            .ToList());
    }

    private Task<List<int>> WhoAsync(AtRiskReason reason, IQueryable<Participant> people, IReadOnlyList<StartedSession> sessions,
        DateOnly today, BankHolidayCalendar holidays, CancellationToken ct)
    {
        if (reason == AtRiskReasons.MissedTwoSessions)
        {
            return MissedTwoSessionsAsync(people, sessions, ct);
        }
        if (reason == AtRiskReasons.NoProblemCards)
        {
            return NoProblemCardsAsync(people, sessions, ct);
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

    // The sessions (not cancelled, started by now) of the groups of the cohorts in scope.
    private Task<List<StartedSession>> StartedSessionsAsync(IQueryable<Participant> people, DateTime now, CancellationToken ct)
    {
        var cohorts = people.Select(p => p.CohortId);
        return db.CommunitySessions.AsNoTracking()
            .Where(s => s.CancelledAt == null && s.StartsAt <= now && cohorts.Contains(s.Group.CohortId))
            .Select(s => new StartedSession(s.Id, s.GroupId, s.Group.Published, s.StartsAt, s.RecordedAt != null))
            .ToListAsync(ct);
    }

    // Absent from both of their group's last two recorded sessions: one grouped query over the
    // absences at those sessions.
    private Task<List<int>> MissedTwoSessionsAsync(IQueryable<Participant> people, IReadOnlyList<StartedSession> sessions, CancellationToken ct)
    {
        var lastTwo = AtRiskRules.LastTwo(sessions.Where(s => s.Recorded)).Select(s => s.Id).ToList();
        if (lastTwo.Count == 0)
        {
            return Task.FromResult(new List<int>());
        }
        return (from a in db.SessionAttendance
                where !a.Present && EF.Parameter(lastTwo).Contains(a.SessionId)
                join s in db.CommunitySessions on a.SessionId equals s.Id
                join p in people on a.UserId equals p.UserId
                where s.Group.CohortId == p.CohortId
                group p by p.Id into g
                where g.Count() == AtRiskRules.SessionsInARow
                select g.Key)
            .ToListAsync(ct);
    }

    // Their published group has held (or started) two sessions and they prepared a problem card
    // for neither: members of those groups without a card for one of the group's two sessions.
    private Task<List<int>> NoProblemCardsAsync(IQueryable<Participant> people, IReadOnlyList<StartedSession> sessions, CancellationToken ct)
    {
        var lastTwo = AtRiskRules.LastTwo(sessions).GroupBy(s => s.GroupId)
            .Where(g => g.Count() == AtRiskRules.SessionsInARow && g.First().Published).SelectMany(g => g).ToList();
        if (lastTwo.Count == 0)
        {
            return Task.FromResult(new List<int>());
        }
        var groupIds = lastTwo.Select(s => s.GroupId).Distinct().ToList();
        var sessionIds = lastTwo.Select(s => s.Id).ToList();
        return people.Where(p => db.CommunityMembers.Any(m => m.UserId == p.UserId && m.CohortId == p.CohortId && EF.Parameter(groupIds).Contains(m.GroupId)
                && !db.ProblemCards.Any(c => c.OwnerId == p.UserId && c.Session.GroupId == m.GroupId && EF.Parameter(sessionIds).Contains(c.SessionId))))
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
        var candidates = npqh.Where(p => ending.Contains(p.CohortId));
        var starts = await candidates.Select(p => new { p.Id, p.Cohort.CourseStart }).ToListAsync(ct);
        var project2s = db.Project2s.Where(x => candidates.Any(p => p.Id == x.ParticipantId));
        var days = (await db.PlacementDays.Join(project2s, d => d.Project2Id, x => x.Id, (d, x) => new { x.ParticipantId, d.Date }).ToListAsync(ct))
            .ToLookup(d => d.ParticipantId, d => d.Date);
        var closures = (await db.ClosureDays.Join(project2s, d => d.Project2Id, x => x.Id, (d, x) => new { x.ParticipantId, d.Date }).ToListAsync(ct))
            .ToLookup(d => d.ParticipantId, d => d.Date);
        return starts
            .Where(c => ReminderRules.PlacementDaysShort(ReminderRules.PlacementPlannedEnd(c.CourseStart),
                WorkingDays.CountPlacementDays(days[c.Id], closures[c.Id], holidays).Counted, today))
            .Select(c => c.Id).ToList();
    }
}

internal sealed record StartedSession(int Id, int GroupId, bool Published, DateTime StartsAt, bool Recorded);

public static class AtRiskRules
{
    public const int SessionsInARow = 2;

    // A group's last two sessions among those given: those with fewer than two later ones (so two
    // sessions at the same time both count, as they always have).
    internal static IEnumerable<StartedSession> LastTwo(IEnumerable<StartedSession> sessions) =>
        sessions.GroupBy(s => s.GroupId)
            .SelectMany(g => g.Where(s => g.Count(o => o.StartsAt > s.StartsAt) < SessionsInARow));

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
