using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Programme.Projects;

public class CriteriaModel(AppDbContext db) : PageModel
{
    public List<AssessmentCriterion> Criteria { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Criteria = await db.AssessmentCriteria.AsNoTracking().OrderBy(c => c.Project).ThenBy(c => c.Position).ThenBy(c => c.Code).ToListAsync(ct);
}
