using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Invoicing;
using Roundtable.Web.People;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Pages.Programme;

// The programme team's home: what needs attention first, each count linking to the filtered list.
public class IndexModel(AppDbContext db, TutorialQueries tutorials, PendingImportQueries imports) : PageModel
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
        var bookings = await tutorials.TeamBookingsAsync(ct);
        NeedsAttention =
        [
            new("invoices", await db.Invoices.CountAsync(i => i.Status == InvoiceStatus.Submitted, ct), "invoices to approve", "/Programme/Invoices?status=Submitted"),
            new("feedback", bookings.Count(b => b.FeedbackOverdue), "tutorials with feedback overdue", "/Programme/Tutorials?flag=overdue"),
            new("late", bookings.Count(b => b.LateCancellation), "late cancellations", "/Programme/Tutorials?flag=late"),
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
