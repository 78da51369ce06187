using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Tutor.Projects;

// The tutor's own NPQH delegates' progress on both projects, read only.
public class IndexModel(ProjectProgress progress) : PageModel
{
    public sealed record Row(int ParticipantId, string Name, string Cohort, DelegateProjects Progress);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.UserId();
        var people = await progress.NpqhParticipants.AsNoTracking().Where(p => p.TutorId == me)
            .OrderBy(p => p.User.FullName).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.User.FullName, Cohort = p.Cohort.Name }).ToListAsync(ct);
        var all = await progress.ForManyAsync(people.Select(p => p.Id).ToList(), ct);
        Rows = people.Select(p => new Row(p.Id, p.FullName, p.Cohort, all[p.Id])).ToList();
    }
}
