using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.LiveSessions;

namespace Roundtable.Web.Pages.Programme.Communities;

public class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public sealed record CohortRow(int Id, string Name, int Delegates, int Published, int Drafts);
    public sealed record QuestionRow(int SessionId, string Group, DateTime StartsAt, string Text);

    public List<CohortRow> Cohorts { get; private set; } = [];
    public sealed record LiveRow(int SessionId, string Group, DateTime StartedAt, bool Paused);

    public List<QuestionRow> Questions { get; private set; } = [];
    public List<LiveRow> Live { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Cohorts = await db.Cohorts.AsNoTracking().OrderByDescending(c => c.CourseStart)
            .Select(c => new CohortRow(c.Id, c.Name, c.Participants.Count,
                db.CommunityGroups.Count(g => g.CohortId == c.Id && g.Published),
                db.CommunityGroups.Count(g => g.CohortId == c.Id && !g.Published)))
            .ToListAsync(ct);
        Live = await db.LiveSessions.AsNoTracking()
            .Where(l => l.Status == LiveStatus.Running || l.Status == LiveStatus.Paused)
            .Join(db.CommunitySessions, l => l.SessionId, s => s.Id, (l, s) => new LiveRow(l.SessionId, s.Group.Name, l.StartedAt ?? s.StartsAt, l.Status == LiveStatus.Paused))
            .ToListAsync(ct);
        Questions = await db.CommunitySessions.AsNoTracking()
            .Where(s => s.QuestionsForTeam != null && s.QuestionsResolvedAt == null)
            .OrderBy(s => s.StartsAt)
            .Select(s => new QuestionRow(s.Id, s.Group.Name, s.StartsAt, s.QuestionsForTeam!))
            .ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostResolveAsync(int sessionId, CancellationToken ct)
    {
        var session = await db.CommunitySessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return NotFound();
        }
        session.ResolveQuestions(time.UtcNow());
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Marked as dealt with.";
        return RedirectToPage();
    }
}
