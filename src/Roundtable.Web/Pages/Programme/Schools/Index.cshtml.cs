using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Programme.Schools;

public class IndexModel(AppDbContext db) : PageModel
{
    public List<School> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await db.Schools.AsNoTracking().OrderBy(s => s.Name).Take(1000).ToListAsync(ct);
}
