using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Invoicing;
using Roundtable.Web.Projects;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Insight;

public sealed record SessionFigures(int Held, int Expected, int Present, int Prepared)
{
    public double AttendanceRate => Rate(Present, Expected);
    public double ProblemsPreparedRate => Rate(Prepared, Expected);

    public static double Rate(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}

public sealed record TutorialFigures(int Held, int Booked, int OutsideWindow, int LateCancellations, int NoShows, int FeedbackOverdue);

public sealed record InvoiceFigures(int Submitted, int Approved, int Paid, int Rejected, long PaidTotalPence);

public sealed record ProjectFigures(int Project1Submitted, int Project2Submitted, int Passed);

public sealed record CohortReport(int Delegates, int Groups, SessionFigures Sessions, TutorialFigures Tutorials, InvoiceFigures Invoices, ProjectFigures Projects);

// A cohort's figures, each one an aggregate the database computes (COUNT, SUM): nothing here
// loads rows, so the cost does not grow with the number of delegates in memory.
// Definitions (the same filters as the lists they summarise):
// - groups: published groups with at least one delegate in scope;
// - sessions held: recorded, not cancelled sessions of those groups; attendance and problems
//   prepared are shares of the in-scope members expected at them (one attendance row each);
// - tutorials: bookings by status as on the team's Tutorials page (outside the window: flagged
//   bookings of any status; feedback overdue: still booked, no feedback, more than two working
//   days after the tutorial);
// - invoices: invoices with at least one line for an in-scope delegate's tutorial; the paid total
//   is those lines' fees with their share of VAT, so a tutor's figure is only their delegates';
// - projects: delegates with a submitted (not draft) account for each project; passed counts
//   released "passed" outcomes.
public sealed class CohortReports(AppDbContext db, TimeProvider time, ProjectCalendar calendar)
{
    public async Task<CohortReport> ForAsync(ReportScope scope, CancellationToken ct = default) =>
        (await WithCommunityAsync(scope, ct)).Report;

    // The scope's published groups (with an in-scope member) and their held sessions, found once:
    // every community figure is then filtered by these ids (one array parameter each: a cohort
    // has about 400 groups and 1,500 held sessions, a programme of 20,000 delegates 4,000 and
    // 15,000) instead of re-deriving the groups inside each query.
    public async Task<CommunityScope> CommunityAsync(ReportScope scope, CancellationToken ct = default)
    {
        var userIds = scope.Delegates(db).Select(p => p.UserId);
        var groupIds = await scope.Groups(db).Where(g => g.Published && g.Members.Any(m => userIds.Contains(m.UserId)))
            .Select(g => g.Id).ToArrayAsync(ct);
        int[] heldIds = groupIds.Length == 0 ? [] : await db.CommunitySessions
            .Where(s => EF.Parameter(groupIds).Contains(s.GroupId) && s.RecordedAt != null && s.CancelledAt == null)
            .Select(s => s.Id).ToArrayAsync(ct);
        return new CommunityScope(groupIds, heldIds);
    }

    // The report and the community scope it used (the dashboard filters its own figures by it).
    public async Task<(CohortReport Report, CommunityScope Community)> WithCommunityAsync(ReportScope scope, CancellationToken ct = default)
    {
        var people = scope.Delegates(db);
        var userIds = people.Select(p => p.UserId);
        var participantIds = people.Select(p => p.Id);

        var delegates = await people.CountAsync(ct);
        var community = await CommunityAsync(scope, ct);
        var heldIds = community.HeldSessionIds.ToArray();
        // One pass over the expected attendance rows (the in-scope members' rows at the held
        // sessions) for all three counts. A member has at most one card per session (a unique
        // index), so a left join counts the prepared rows without a subquery per attendance row.
        var counts = heldIds.Length == 0 ? null : await (
                from a in db.SessionAttendance.Where(a => EF.Parameter(heldIds).Contains(a.SessionId) && userIds.Contains(a.UserId))
                join c in db.ProblemCards on new { a.SessionId, a.UserId } equals new { c.SessionId, UserId = c.OwnerId } into cards
                from c in cards.DefaultIfEmpty()
                group new { a.Present, Prepared = c != null } by 1 into g
                select new { Expected = g.Count(), Present = g.Count(x => x.Present), Prepared = g.Count(x => x.Prepared) })
            .FirstOrDefaultAsync(ct);
        var sessions = new SessionFigures(heldIds.Length, counts?.Expected ?? 0, counts?.Present ?? 0, counts?.Prepared ?? 0);

        // Every booking figure in one pass over the scope's bookings (conditional counts).
        var overdueBefore = InsightRules.FeedbackOverdueBefore(LondonTime.Today(time), await calendar.HolidaysAsync(ct));
        var bookingCounts = await db.Bookings.Where(b => participantIds.Contains(b.ParticipantId))
            .Select(b => new { b.Status, b.OutsideWindow, Overdue = b.Status == BookingStatus.Booked && b.Feedback == null && b.Slot.StartsAt < overdueBefore })
            .GroupBy(x => 1)
            .Select(g => new
            {
                Held = g.Count(x => x.Status == BookingStatus.Held),
                Booked = g.Count(x => x.Status == BookingStatus.Booked),
                Outside = g.Count(x => x.OutsideWindow),
                LateCancelled = g.Count(x => x.Status == BookingStatus.LateCancelled),
                NoShow = g.Count(x => x.Status == BookingStatus.NoShow),
                Overdue = g.Count(x => x.Overdue),
            })
            .FirstOrDefaultAsync(ct);
        var tutorials = new TutorialFigures(bookingCounts?.Held ?? 0, bookingCounts?.Booked ?? 0, bookingCounts?.Outside ?? 0,
            bookingCounts?.LateCancelled ?? 0, bookingCounts?.NoShow ?? 0, bookingCounts?.Overdue ?? 0);

        // The in-scope delegates' invoice lines (a line is for one booking), in one pass: invoices
        // by status are the distinct invoices with such a line; the paid total is those lines' fees
        // with their share of the invoice's VAT.
        var invoiceCounts = await (from l in db.InvoiceLines
                       join bk in db.Bookings on l.BookingId equals bk.Id
                       where participantIds.Contains(bk.ParticipantId)
                       select new
                       {
                           l.InvoiceId, l.Invoice.Status,
                           Pence = l.FeePence + (l.Invoice.SubtotalPence == 0 ? 0 : l.FeePence * l.Invoice.VatPence / l.Invoice.SubtotalPence),
                       })
            .GroupBy(x => 1)
            .Select(g => new
            {
                Submitted = g.Where(x => x.Status == InvoiceStatus.Submitted).Select(x => x.InvoiceId).Distinct().Count(),
                Approved = g.Where(x => x.Status == InvoiceStatus.Approved).Select(x => x.InvoiceId).Distinct().Count(),
                Paid = g.Where(x => x.Status == InvoiceStatus.Paid).Select(x => x.InvoiceId).Distinct().Count(),
                Rejected = g.Where(x => x.Status == InvoiceStatus.Rejected).Select(x => x.InvoiceId).Distinct().Count(),
                PaidTotal = g.Where(x => x.Status == InvoiceStatus.Paid).Sum(x => (long?)x.Pence),
            })
            .FirstOrDefaultAsync(ct);
        var invoiceFigures = new InvoiceFigures(invoiceCounts?.Submitted ?? 0, invoiceCounts?.Approved ?? 0, invoiceCounts?.Paid ?? 0,
            invoiceCounts?.Rejected ?? 0, invoiceCounts?.PaidTotal ?? 0);

        // Delegates with a submitted (not draft) account per project are the distinct participants
        // of those submissions; one pass over the scope's submissions.
        var submissionCounts = await db.Submissions.Where(x => participantIds.Contains(x.ParticipantId))
            .GroupBy(x => 1)
            .Select(g => new
            {
                Project1 = g.Where(x => x.Project == ProjectNumbers.Change && x.Status != SubmissionStatus.Draft).Select(x => x.ParticipantId).Distinct().Count(),
                Project2 = g.Where(x => x.Project == ProjectNumbers.Placement && x.Status != SubmissionStatus.Draft).Select(x => x.ParticipantId).Distinct().Count(),
                Passed = g.Count(x => x.Status == SubmissionStatus.Released && x.Outcome == AssessmentOutcome.Passed),
            })
            .FirstOrDefaultAsync(ct);
        var projects = new ProjectFigures(submissionCounts?.Project1 ?? 0, submissionCounts?.Project2 ?? 0, submissionCounts?.Passed ?? 0);

        return (new CohortReport(delegates, community.GroupIds.Count, sessions, tutorials, invoiceFigures, projects), community);
    }
}

// A report's published groups and their held (recorded, not cancelled) sessions.
public sealed record CommunityScope(IReadOnlyList<int> GroupIds, IReadOnlyList<int> HeldSessionIds);
