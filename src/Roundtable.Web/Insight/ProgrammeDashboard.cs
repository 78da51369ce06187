using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Dfe;
using Roundtable.Web.Invoicing;
using Roundtable.Web.People;
using Roundtable.Web.Projects;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Insight;

public sealed record AttendanceMonth(int Year, int Month, int Expected, int Present)
{
    public double Rate => SessionFigures.Rate(Present, Expected);
}

public sealed record GroupAttendance(int GroupId, string Name, int Expected, int Present)
{
    public double Rate => SessionFigures.Rate(Present, Expected);
}

public sealed record ChairCoverage(int Members, int HaveChaired)
{
    public double Rate => SessionFigures.Rate(HaveChaired, Members);
}

// Every NPQH delegate in scope lands in exactly one of the four for each tutorial: booked (or
// held) inside the recommended window; booked outside it (flagged); not booked and the window has
// closed (late: the at-risk reason "tutorial-window-closed"); not booked yet.
public sealed record TutorialWindowFigures(int Tutorial, int OnTime, int Outside, int Late, int NotBooked);

public sealed record FeedbackFigures(int Awaiting, int Overdue);

public sealed record SpendMonth(int Year, int Month, long PaidPence, long CumulativePence);

// Cumulative stages of one project for the NPQH delegates in scope.
public sealed record ProjectFunnel(int Project, int Delegates, int Started, int RequirementsMet, int Submitted, int Passed, int NotPassed);

public sealed record DeclarationFigures(DeclarationType Type, int Ready, int Submitted);

public sealed record DashboardFigures(
    CohortReport Report,
    IReadOnlyList<AttendanceMonth> AttendanceByMonth,
    IReadOnlyList<GroupAttendance> AttendanceByGroup,
    ChairCoverage Chairs,
    IReadOnlyList<TutorialWindowFigures> TutorialWindows,
    FeedbackFigures Feedback,
    IReadOnlyList<SpendMonth> Spend,
    long? BudgetPence,
    IReadOnlyList<ProjectFunnel> Projects,
    IReadOnlyList<DeclarationFigures> Declarations)
{
    public long SpentPence => Report.Invoices.PaidTotalPence;
}

// The programme dashboard's figures for a cohort or a whole programme. The headline figures are
// CohortReports' (so the page and GET /api/v1/reports/cohorts/{id} agree); the rest are GROUP BY /
// COUNT / SUM queries the database answers, so nothing loads the delegates' rows.
// Months are calendar months of the session's start (UTC) and of the invoice's paid date.
public sealed class ProgrammeDashboard(AppDbContext db, TimeProvider time, CohortReports reports, AtRiskFinder atRisk, ProjectProgress progress)
{
    private static readonly BookingStatus[] Active = [BookingStatus.Booked, BookingStatus.Held, BookingStatus.NoShow];

    public async Task<DashboardFigures> ForAsync(ReportScope scope, CancellationToken ct = default)
    {
        var report = await reports.ForAsync(scope, ct);
        var people = scope.Delegates(db);
        var userIds = people.Select(p => p.UserId);
        var participantIds = people.Select(p => p.Id);
        var now = time.UtcNow();
        var today = LondonTime.Today(time);

        // Community: the same groups, sessions and attendance rows as the report. One grouped query
        // by group and month answers both the months and the groups (each was a scan of its own).
        var groups = scope.Groups(db).Where(g => g.Published && g.Members.Any(m => userIds.Contains(m.UserId)));
        var held = db.CommunitySessions.Where(s => groups.Any(g => g.Id == s.GroupId) && s.RecordedAt != null && s.CancelledAt == null);
        var attendance = await AttendanceRowsAsync(scope, ct);
        var byMonth = attendance.GroupBy(r => (r.Year, r.Month))
            .Select(g => new { g.Key.Year, g.Key.Month, Expected = g.Sum(r => r.Expected), Present = g.Sum(r => r.Present) }).ToList();
        var byGroup = ByGroup(attendance);

        // Members and those who have chaired, in one pass over the members.
        var members = db.CommunityMembers.Where(m => groups.Any(g => g.Id == m.GroupId) && userIds.Contains(m.UserId));
        var chairCounts = await members.GroupBy(m => 1)
            // A member's group is already one of the scope's groups, so the chaired session needs
            // only to be one of that group's held sessions (repeating the groups' conditions here
            // made PostgreSQL re-check them for every member).
            .Select(g => new
            {
                Members = g.Count(),
                Chaired = g.Count(m => db.CommunitySessions.Any(s => s.GroupId == m.GroupId && s.ChairId == m.UserId && s.RecordedAt != null && s.CancelledAt == null)),
            })
            .SingleOrDefaultAsync(ct);
        var chairs = new ChairCoverage(chairCounts?.Members ?? 0, chairCounts?.Chaired ?? 0);

        // Tutorials against their windows (NPQH delegates only have tutorials).
        var npqh = people.Where(p => p.Cohort.Programme.Code == ProjectNumbers.HeadshipCode);
        var (closed1, closed2) = await atRisk.WindowClosedAsync(people, today, ct);
        var npqhCount = await npqh.CountAsync(ct);
        // Per project, the delegates with an active booking and those with one outside the window:
        // one grouped query over the bookings (COUNT DISTINCT), not an EXISTS per delegate.
        var npqhIds = npqh.Select(p => p.Id);
        var bookedRows = await db.Bookings.Where(b => npqhIds.Contains(b.ParticipantId) && Active.Contains(b.Status))
            .GroupBy(b => b.Project)
            .Select(g => new
            {
                Project = g.Key,
                Booked = g.Select(b => b.ParticipantId).Distinct().Count(),
                Outside = g.Where(b => b.OutsideWindow).Select(b => b.ParticipantId).Distinct().Count(),
            })
            .ToListAsync(ct);
        var windows = new List<TutorialWindowFigures>();
        foreach (var (project, closed) in new[] { (ProjectNumbers.Change, closed1), (ProjectNumbers.Placement, closed2) })
        {
            var row = bookedRows.FirstOrDefault(r => r.Project == project);
            var (booked, outside) = (row?.Booked ?? 0, row?.Outside ?? 0);
            var late = await closed.CountAsync(ct);
            windows.Add(new TutorialWindowFigures(project, booked - outside, outside, late, npqhCount - booked - late));
        }

        var startedNoFeedback = await db.Bookings.CountAsync(b => participantIds.Contains(b.ParticipantId)
            && b.Status == BookingStatus.Booked && b.Feedback == null && b.Slot.StartsAt <= now, ct);
        var feedback = new FeedbackFigures(startedNoFeedback - report.Tutorials.FeedbackOverdue, report.Tutorials.FeedbackOverdue);

        // Spend: the report's paid lines (with their share of VAT), by the month they were paid.
        var paidLines = db.InvoiceLines.Where(l => db.Bookings.Any(b => b.Id == l.BookingId && participantIds.Contains(b.ParticipantId))
            && l.Invoice.Status == InvoiceStatus.Paid && l.Invoice.PaidOn != null);
        // Summed by paid date in the database, then by month here: grouping by the invoice's month
        // made EF Core sum each month in a correlated subquery over all the lines again.
        var byDay = await (from l in paidLines
                           join i in db.Invoices on l.InvoiceId equals i.Id
                           group new { l.FeePence, i.SubtotalPence, i.VatPence } by i.PaidOn into g
                           select new { PaidOn = g.Key, Pence = g.Sum(x => x.FeePence + (x.SubtotalPence == 0 ? 0 : x.FeePence * x.VatPence / x.SubtotalPence)) })
            .ToListAsync(ct);
        var spendRows = byDay.GroupBy(d => (d.PaidOn!.Value.Year, d.PaidOn!.Value.Month))
            .Select(g => new { g.Key.Year, g.Key.Month, Pence = g.Sum(d => d.Pence) }).ToList();
        var running = 0L;
        var spend = new List<SpendMonth>();
        foreach (var row in spendRows.OrderBy(r => r.Year).ThenBy(r => r.Month))
        {
            running += row.Pence;
            spend.Add(new SpendMonth(row.Year, row.Month, row.Pence, running));
        }
        var budget = await BudgetAsync(scope, ct);

        // Projects: started (a project record or any account), requirements met (submitted, or
        // every requirement met now), submitted (the report's figure), passed / not passed
        // (released outcomes; "not passed" only without a later pass).
        var ready = await ReadyNotSubmittedAsync(npqh, ct);
        var funnels = new List<ProjectFunnel>();
        foreach (var (project, submitted) in new[] { (ProjectNumbers.Change, report.Projects.Project1Submitted), (ProjectNumbers.Placement, report.Projects.Project2Submitted) })
        {
            var subs = db.Submissions.Where(s => s.Project == project);
            var started = project == ProjectNumbers.Change
                ? await npqh.CountAsync(p => db.Project1s.Any(x => x.ParticipantId == p.Id) || subs.Any(s => s.ParticipantId == p.Id), ct)
                : await npqh.CountAsync(p => db.Project2s.Any(x => x.ParticipantId == p.Id) || subs.Any(s => s.ParticipantId == p.Id), ct);
            var released = subs.Where(s => s.Status == SubmissionStatus.Released);
            var passed = await npqh.CountAsync(p => released.Any(s => s.ParticipantId == p.Id && s.Outcome == AssessmentOutcome.Passed), ct);
            var notPassed = await npqh.CountAsync(p => released.Any(s => s.ParticipantId == p.Id && s.Outcome == AssessmentOutcome.NotPassed)
                && !released.Any(s => s.ParticipantId == p.Id && s.Outcome == AssessmentOutcome.Passed), ct);
            funnels.Add(new ProjectFunnel(project, npqhCount, started, submitted + ready[project], submitted, passed, notPassed));
        }

        var declarationRows = await db.Declarations.Where(d => participantIds.Contains(d.ParticipantId)
                && (d.State == DeclarationState.Ready || d.State == DeclarationState.Submitted))
            .GroupBy(d => new { d.Type, d.State }).Select(g => new { g.Key.Type, g.Key.State, Count = g.Count() })
            .ToListAsync(ct);
        var declarations = Enum.GetValues<DeclarationType>()
            .Select(t => new DeclarationFigures(t,
                declarationRows.Where(r => r.Type == t && r.State == DeclarationState.Ready).Sum(r => r.Count),
                declarationRows.Where(r => r.Type == t && r.State == DeclarationState.Submitted).Sum(r => r.Count)))
            .ToList();

        return new DashboardFigures(
            report,
            byMonth.OrderBy(m => m.Year).ThenBy(m => m.Month).Select(m => new AttendanceMonth(m.Year, m.Month, m.Expected, m.Present)).ToList(),
            byGroup,
            chairs, windows, feedback, spend, budget, funnels, declarations);
    }

    // Attendance at each group's recorded sessions, lowest first: the dashboard shows the lowest few,
    // the attendance-by-group list pages through all (4,000 groups at the largest provider). The
    // name comes with the grouped query (grouping by id and name), not a second query by ids.
    public async Task<List<GroupAttendance>> AttendanceByGroupAsync(ReportScope scope, CancellationToken ct = default) =>
        ByGroup(await AttendanceRowsAsync(scope, ct));

    private static List<GroupAttendance> ByGroup(List<AttendanceRow> rows) =>
        rows.GroupBy(r => (r.GroupId, r.Name))
            .Select(g => new GroupAttendance(g.Key.GroupId, g.Key.Name, g.Sum(r => r.Expected), g.Sum(r => r.Present)))
            .OrderBy(g => g.Rate).ThenBy(g => g.Name, StringComparer.Ordinal).ThenBy(g => g.GroupId).ToList();

    private sealed record AttendanceRow(int GroupId, string Name, int Year, int Month, int Expected, int Present);

    // The in-scope members expected at recorded sessions of the scope's published groups, counted
    // by group and calendar month (UTC) of the session: a few rows per group.
    private async Task<List<AttendanceRow>> AttendanceRowsAsync(ReportScope scope, CancellationToken ct)
    {
        var userIds = scope.Delegates(db).Select(p => p.UserId);
        var groups = scope.Groups(db).Where(g => g.Published && g.Members.Any(m => userIds.Contains(m.UserId)));
        var held = db.CommunitySessions.Where(s => groups.Any(g => g.Id == s.GroupId) && s.RecordedAt != null && s.CancelledAt == null);
        var rows = await (from a in db.SessionAttendance.Where(a => userIds.Contains(a.UserId))
                          join s in held on a.SessionId equals s.Id
                          group a by new { s.GroupId, s.Group.Name, s.StartsAt.Year, s.StartsAt.Month } into g
                          select new { g.Key.GroupId, g.Key.Name, g.Key.Year, g.Key.Month, Expected = g.Count(), Present = g.Count(x => x.Present) })
            .ToListAsync(ct);
        return rows.Select(r => new AttendanceRow(r.GroupId, r.Name, r.Year, r.Month, r.Expected, r.Present)).ToList();
    }

    // For each project, the delegates who have started it, not submitted it, and meet every
    // requirement of its readiness panel now. The requirements are rules in C#
    // (ProjectRequirements), so they are evaluated only for the few who could meet them: the
    // word-count requirement needs a written account with words, or the team's override of it.
    // ProjectProgress loads what the rules need for those delegates in a few set-based queries.
    private async Task<Dictionary<int, int>> ReadyNotSubmittedAsync(IQueryable<Participant> npqh, CancellationToken ct)
    {
        var candidates = new Dictionary<int, List<int>>();
        foreach (var project in ProjectNumbers.All)
        {
            var subs = db.Submissions.Where(s => s.Project == project);
            var started = project == ProjectNumbers.Change
                ? npqh.Where(p => db.Project1s.Any(x => x.ParticipantId == p.Id) || subs.Any(s => s.ParticipantId == p.Id))
                : npqh.Where(p => db.Project2s.Any(x => x.ParticipantId == p.Id) || subs.Any(s => s.ParticipantId == p.Id));
            candidates[project] = await started
                .Where(p => !subs.Any(s => s.ParticipantId == p.Id && s.Status != SubmissionStatus.Draft))
                .Where(p => subs.Any(s => s.ParticipantId == p.Id && s.Words > 0)
                    || db.RequirementOverrides.Any(o => o.ParticipantId == p.Id && o.Project == project && o.Key == RequirementKeys.AccountWords && o.WithdrawnAt == null))
                .Select(p => p.Id).ToListAsync(ct);
        }
        var all = candidates.Values.SelectMany(ids => ids).Distinct().ToList();
        var projects = all.Count == 0 ? [] : await progress.ForManyAsync(all, ct);
        return candidates.ToDictionary(c => c.Key, c => c.Value.Count(id => projects[id].Requirements(c.Key).All(r => r.Met)));
    }

    // A cohort's budget, or the sum of a programme's cohorts' budgets; null when none is set.
    public async Task<long?> BudgetAsync(ReportScope scope, CancellationToken ct = default)
    {
        if (scope.ProgrammeId is int programme)
        {
            var budgets = db.CohortBudgets.Where(b => b.Cohort.ProgrammeId == programme);
            return await budgets.AnyAsync(ct) ? await budgets.SumAsync(b => b.AmountPence, ct) : null;
        }
        return await db.CohortBudgets.Where(b => b.CohortId == scope.CohortId).Select(b => (long?)b.AmountPence).FirstOrDefaultAsync(ct);
    }
}
