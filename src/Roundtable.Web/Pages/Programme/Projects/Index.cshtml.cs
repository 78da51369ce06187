using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Programme.Projects;

// Every NPQH delegate's progress on both projects.
public class IndexModel(AppDbContext db, ProjectProgress progress) : PageModel
{
    public sealed record Row(int ParticipantId, string Name, string Cohort, DelegateProjects Progress);
    public sealed record CohortOption(int Id, string Name);

    [BindProperty(SupportsGet = true)] public int? Cohort { get; set; }
    public List<CohortOption> Cohorts { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    public int AwaitingAssessor { get; private set; }
    public int AwaitingRelease { get; private set; }
    public int CriteriaCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Cohorts = await db.Cohorts.AsNoTracking().Where(c => c.Programme.Code == ProjectNumbers.HeadshipCode)
            .OrderByDescending(c => c.CourseStart).Select(c => new CohortOption(c.Id, c.Name)).ToListAsync(ct);
        var people = await progress.NpqhParticipants.AsNoTracking()
            .Where(p => Cohort == null || p.CohortId == Cohort)
            .OrderBy(p => p.User.FullName).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.User.FullName, Cohort = p.Cohort.Name })
            .ToListAsync(ct);
        var all = await progress.ForManyAsync(people.Select(p => p.Id).ToList(), ct);
        Rows = people.Select(p => new Row(p.Id, p.FullName, p.Cohort, all[p.Id])).ToList();
        AwaitingAssessor = await db.Submissions.CountAsync(s => s.Status == SubmissionStatus.Submitted, ct);
        AwaitingRelease = await db.Submissions.CountAsync(s => s.Status == SubmissionStatus.Assessed, ct);
        CriteriaCount = await db.AssessmentCriteria.CountAsync(ct);
    }
}
