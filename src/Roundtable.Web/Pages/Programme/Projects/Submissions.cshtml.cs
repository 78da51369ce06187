using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Programme.Projects;

public class SubmissionsModel(AppDbContext db) : PageModel
{
    public sealed record Row(int Id, string Delegate, string Cohort, int Project, int Version, SubmissionStatus Status,
        AssessmentOutcome? Outcome, DateTime? SubmittedAt, string? Assessor);

    [BindProperty(SupportsGet = true)] public SubmissionStatus? Status { get; set; }
    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.Submissions.AsNoTracking()
            .Where(s => s.Status != SubmissionStatus.Draft && (Status == null || s.Status == Status))
            .Select(s => new Row(s.Id, s.Participant.User.FullName, s.Participant.Cohort.Name, s.Project, s.Version, s.Status, s.Outcome, s.SubmittedAt, s.Assessor!.FullName))
            .ToListAsync(ct);
        // What needs the team first: waiting for an assessor, then assessed and waiting for release.
        static int Urgency(SubmissionStatus s) => s switch
        {
            SubmissionStatus.Submitted => 0,
            SubmissionStatus.Assessed => 1,
            SubmissionStatus.Assigned => 2,
            _ => 3,
        };
        Rows = rows.OrderBy(r => Urgency(r.Status)).ThenBy(r => r.SubmittedAt).ToList();
    }
}
