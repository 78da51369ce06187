using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Projects;

public class IndexModel(AppDbContext db, ProjectProgress progress) : PageModel
{
    public string? Cohort { get; private set; }
    public DelegateProjects? Progress { get; private set; }
    public int Exemplars { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var place = await progress.NpqhPlaceAsync(User.UserId(), ct);
        if (place is null)
        {
            return;
        }
        Cohort = place.Cohort.Name;
        Progress = await progress.ForAsync(place.Id, ct);
        Exemplars = await db.Exemplars.CountAsync(ct);
    }
}
