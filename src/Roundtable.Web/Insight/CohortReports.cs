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
    public async Task<CohortReport> ForAsync(ReportScope scope, CancellationToken ct = default)
    {
        var people = scope.Delegates(db);
        var userIds = people.Select(p => p.UserId);
        var participantIds = people.Select(p => p.Id);

        var delegates = await people.CountAsync(ct);
        var groups = scope.Groups(db).Where(g => g.Published && g.Members.Any(m => userIds.Contains(m.UserId)));
        var groupCount = await groups.CountAsync(ct);

        var held = db.CommunitySessions.Where(s => groups.Any(g => g.Id == s.GroupId) && s.RecordedAt != null && s.CancelledAt == null);
        var expected = db.SessionAttendance.Where(a => held.Any(s => s.Id == a.SessionId) && userIds.Contains(a.UserId));
        // One pass over the expected attendance rows for all three counts (each was a scan of its own).
        // A member has at most one card per session (a unique index), so a left join counts the
        // prepared rows without a subquery per attendance row.
        var counts = await (from a in expected
                            join c in db.ProblemCards on new { a.SessionId, a.UserId } equals new { c.SessionId, UserId = c.OwnerId } into cards
                            from c in cards.DefaultIfEmpty()
                            group new { a.Present, Prepared = c != null } by 1 into g
                            select new { Expected = g.Count(), Present = g.Count(x => x.Present), Prepared = g.Count(x => x.Prepared) })
            .FirstOrDefaultAsync(ct);
        var sessions = new SessionFigures(await held.CountAsync(ct), counts?.Expected ?? 0, counts?.Present ?? 0, counts?.Prepared ?? 0);

        var bookings = db.Bookings.Where(b => participantIds.Contains(b.ParticipantId));
        var byStatus = await bookings.GroupBy(b => b.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var overdueBefore = InsightRules.FeedbackOverdueBefore(LondonTime.Today(time), await calendar.HolidaysAsync(ct));
        var tutorials = new TutorialFigures(
            byStatus.GetValueOrDefault(BookingStatus.Held),
            byStatus.GetValueOrDefault(BookingStatus.Booked),
            await bookings.CountAsync(b => b.OutsideWindow, ct),
            byStatus.GetValueOrDefault(BookingStatus.LateCancelled),
            byStatus.GetValueOrDefault(BookingStatus.NoShow),
            await bookings.CountAsync(b => b.Status == BookingStatus.Booked && b.Feedback == null && b.Slot.StartsAt < overdueBefore, ct));

        var lines = db.InvoiceLines.Where(l => db.Bookings.Any(b => b.Id == l.BookingId && participantIds.Contains(b.ParticipantId)));
        var invoices = db.Invoices.Where(i => lines.Any(l => l.InvoiceId == i.Id));
        var invoiceStatus = await invoices.GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var paidTotal = await lines.Where(l => l.Invoice.Status == InvoiceStatus.Paid)
            .SumAsync(l => (long?)(l.FeePence + (l.Invoice.SubtotalPence == 0 ? 0 : l.FeePence * l.Invoice.VatPence / l.Invoice.SubtotalPence)), ct) ?? 0;
        var invoiceFigures = new InvoiceFigures(
            invoiceStatus.GetValueOrDefault(InvoiceStatus.Submitted),
            invoiceStatus.GetValueOrDefault(InvoiceStatus.Approved),
            invoiceStatus.GetValueOrDefault(InvoiceStatus.Paid),
            invoiceStatus.GetValueOrDefault(InvoiceStatus.Rejected),
            paidTotal);

        var submissions = db.Submissions.Where(s => participantIds.Contains(s.ParticipantId));
        var projects = new ProjectFigures(
            await people.CountAsync(p => submissions.Any(s => s.ParticipantId == p.Id && s.Project == ProjectNumbers.Change && s.Status != SubmissionStatus.Draft), ct),
            await people.CountAsync(p => submissions.Any(s => s.ParticipantId == p.Id && s.Project == ProjectNumbers.Placement && s.Status != SubmissionStatus.Draft), ct),
            await submissions.CountAsync(s => s.Status == SubmissionStatus.Released && s.Outcome == AssessmentOutcome.Passed, ct));

        return new CohortReport(delegates, groupCount, sessions, tutorials, invoiceFigures, projects);
    }
}
