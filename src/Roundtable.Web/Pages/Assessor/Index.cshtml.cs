using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Assessor;

// The submissions assigned to the signed-in assessor, and only those.
public class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(int Id, string Delegate, int Project, int Version, SubmissionStatus Status, DateTime? AssignedAt);

    public List<Row> Assignments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.UserId();
        Assignments = await db.Submissions.AsNoTracking().Where(s => s.AssessorId == me)
            .OrderBy(s => s.Status == SubmissionStatus.Assigned ? 0 : s.Status == SubmissionStatus.Assessed ? 1 : 2).ThenBy(s => s.AssignedAt)
            .Select(s => new Row(s.Id, s.Participant.User.FullName, s.Project, s.Version, s.Status, s.AssignedAt))
            .ToListAsync(ct);
    }
}
