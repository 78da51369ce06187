using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Insight;
using Roundtable.Web.Invoicing;
using Roundtable.Web.People;
using Roundtable.Web.Projects;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Pages.Programme;

// The programme team's home: what needs attention first, each count linking to the filtered list.
public class IndexModel(AppDbContext db, TimeProvider time, ProjectCalendar calendar, PendingImportQueries imports) : PageModel
{
    public sealed record Attention(string Id, int Count, string Text, string Href);

    public List<Attention> NeedsAttention { get; private set; } = [];
    public sealed record StatsView(int Cohorts, int Delegates, int NotInvited, int Partners, int Tutors);
    public sealed record CohortRow(int Id, string Name, string Programme, DateOnly CourseStart, int Delegates);

    public StatsView Stats { get; private set; } = new(0, 0, 0, 0, 0);
    public List<CohortRow> Cohorts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Stats = new StatsView(
            await db.Cohorts.CountAsync(ct),
            await db.Participants.CountAsync(ct),
            await db.Users.CountAsync(u => u.InvitedAt == null && u.PasswordHash == null, ct),
            await CountInRole(Roles.Partner, ct),
            await CountInRole(Roles.Tutor, ct));
        // Counted in the database with the Tutorials page's definitions (its "overdue" and "late" flags).
        var now = time.UtcNow();
        var overdueBefore = InsightRules.FeedbackOverdueBefore(LondonTime.Today(time), await calendar.HolidaysAsync(ct));
        NeedsAttention =
        [
            new("invoices", await db.Invoices.CountAsync(i => i.Status == InvoiceStatus.Submitted, ct), "invoices to approve", "/Programme/Invoices?status=Submitted"),
            new("feedback", await db.Bookings.CountAsync(b => b.Status == BookingStatus.Booked && b.Feedback == null && b.Slot.StartsAt <= now && b.Slot.StartsAt < overdueBefore, ct), "tutorials with feedback overdue", "/Programme/Tutorials?flag=overdue"),
            new("late", await db.Bookings.CountAsync(b => b.Status == BookingStatus.LateCancelled, ct), "late cancellations", "/Programme/Tutorials?flag=late"),
            new("questions", await db.CommunitySessions.CountAsync(s => s.QuestionsForTeam != null && s.QuestionsResolvedAt == null, ct), "questions from community sessions", "/Programme/Communities#questions"),
            new("imports", (await imports.WithErrorsAsync(ct)).Count, "imports with errors", "/Programme/Imports"),
        ];
        Cohorts = await db.Cohorts.AsNoTracking()
            .OrderByDescending(c => c.CourseStart).ThenBy(c => c.Name)
            .Select(c => new CohortRow(c.Id, c.Name, c.Programme.Code, c.CourseStart, c.Participants.Count))
            .ToListAsync(ct);
    }

    private Task<int> CountInRole(string role, CancellationToken ct)
    {
        var roleId = RoleSeed.IdOf(role);
        return db.UserRoles.CountAsync(r => r.RoleId == roleId, ct);
    }
}
