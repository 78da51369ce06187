using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;

namespace Roundtable.Web.Pages.Programme.Cohorts;

public class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(int Id, string Name, string Programme, DateOnly CourseStart, int Delegates);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await db.Cohorts.AsNoTracking().OrderByDescending(c => c.CourseStart).ThenBy(c => c.Name)
            .Select(c => new Row(c.Id, c.Name, c.Programme.Code, c.CourseStart, c.Participants.Count)).ToListAsync(ct);
}
