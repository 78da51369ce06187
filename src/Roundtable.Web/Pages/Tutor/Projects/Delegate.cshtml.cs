using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Tutor.Projects;

// One of the tutor's delegates, read only; another tutor's delegate is 404.
public class DelegateModel(ProjectProgress progress) : PageModel
{
    [FromRoute] public int Id { get; set; }
    public string Name { get; private set; } = "";
    public string Cohort { get; private set; } = "";
    public DelegateProjects Progress { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = User.UserId();
        var person = await progress.NpqhParticipants.AsNoTracking().Where(p => p.Id == Id && p.TutorId == me)
            .Select(p => new { p.User.FullName, Cohort = p.Cohort.Name }).FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return NotFound();
        }
        Name = person.FullName;
        Cohort = person.Cohort;
        Progress = await progress.ForAsync(Id, ct);
        return Page();
    }
}
