using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;

namespace Roundtable.Web.Pages.Programme.Programmes;

public class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(int Id, string Code, string Name, int Cohorts);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await db.Programmes.AsNoTracking().OrderBy(p => p.Code)
            .Select(p => new Row(p.Id, p.Code, p.Name, p.Cohorts.Count)).ToListAsync(ct);
}
