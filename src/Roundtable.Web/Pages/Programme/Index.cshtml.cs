using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Programme;

public class IndexModel(AppDbContext db) : PageModel
{
    public sealed record StatsView(int Cohorts, int Delegates, int NotInvited, int Partners, int Tutors);
    public sealed record CohortRow(int Id, string Name, string Programme, DateOnly CourseStart, int Delegates);

    public StatsView Stats { get; private set; } = new(0, 0, 0, 0, 0);
    public List<CohortRow> Cohorts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Stats = new StatsView(
            await db.Cohorts.CountAsync(ct),
            await db.Participants.CountAsync(ct),
            await db.Users.CountAsync(u => u.InvitedAt == null && u.PasswordHash == null, ct),
            await CountInRole(Roles.Partner, ct),
            await CountInRole(Roles.Tutor, ct));
        Cohorts = await db.Cohorts.AsNoTracking()
            .OrderByDescending(c => c.CourseStart).ThenBy(c => c.Name)
            .Select(c => new CohortRow(c.Id, c.Name, c.Programme.Code, c.CourseStart, c.Participants.Count))
            .ToListAsync(ct);
    }

    private Task<int> CountInRole(string role, CancellationToken ct)
    {
        var roleId = RoleSeed.IdOf(role);
        return db.UserRoles.CountAsync(r => r.RoleId == roleId, ct);
    }
}
