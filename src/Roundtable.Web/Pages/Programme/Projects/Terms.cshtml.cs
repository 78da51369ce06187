using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Programme.Projects;

public class TermsModel(AppDbContext db, ProjectCalendar calendar) : PageModel
{
    public sealed record Row(SchoolTerm Term, int SchoolDays);

    public List<IGrouping<string, Row>> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The first visit stores the English defaults, so the team edits real rows.
        await calendar.EnsureDefaultTermsAsync(ct);
        var holidays = await calendar.HolidaysAsync(ct);
        var terms = await db.SchoolTerms.AsNoTracking().OrderBy(t => t.Start).ToListAsync(ct);
        Years = terms.Select(t => new Row(t, SchoolTerms.SchoolDays(t.ToPeriod(), holidays)))
            .GroupBy(r => r.Term.AcademicYear).ToList();
    }
}
