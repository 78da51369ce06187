using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;

namespace Roundtable.Web.Pages.Tutor;

public class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(string Name, string Email, string Cohort, string? School);

    public List<Row> Delegates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.UserId();
        Delegates = await db.Participants.AsNoTracking().Where(p => p.TutorId == me)
            .OrderBy(p => p.User.FullName)
            .Select(p => new Row(p.User.FullName, p.User.Email!, p.Cohort.Name, p.School!.Name))
            .ToListAsync(ct);
    }
}
