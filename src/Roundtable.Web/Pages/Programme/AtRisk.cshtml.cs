using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Insight;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Programme;

// Programme team only (the /Programme folder's convention): every delegate at risk, with the
// reasons, filtered by reason, cohort and tutor; the same list downloads as CSV.
public class AtRiskModel(AppDbContext db, AtRiskFinder finder, TimeProvider time) : PageModel
{
    [FromQuery(Name = "reason")] public string? Reason { get; set; }
    [FromQuery(Name = "cohort")] public int? CohortId { get; set; }
    [FromQuery(Name = "tutor")] public string? TutorId { get; set; }

    public List<AtRiskPerson> Rows { get; private set; } = [];
    public List<(string Value, string Text)> Cohorts { get; private set; } = [];
    public List<(string Value, string Text)> Tutors { get; private set; } = [];

    public static IReadOnlyList<(string Value, string Text)> Reasons { get; } = AtRiskReasons.All.Select(r => (r.Code, r.Text)).ToList();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        Rows = await finder.ListAsync(Filter(), ct);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        File(AtRiskCsv.Write(await finder.ListAsync(Filter(), ct), LondonTime.Today(time)), CsvFile.ContentType, "at-risk.csv");

    private AtRiskFilter Filter() =>
        new(CohortId, string.IsNullOrEmpty(TutorId) ? null : TutorId, AtRiskReasons.Find(Reason)?.Code);

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Cohorts = (await db.Cohorts.AsNoTracking().OrderByDescending(c => c.CourseStart).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .Select(c => (c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Name)).ToList();
        var tutorRole = RoleSeed.IdOf(Roles.Tutor);
        Tutors = (await db.Users.AsNoTracking().Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == tutorRole))
                .OrderBy(u => u.FullName).Select(u => new { u.Id, u.FullName }).ToListAsync(ct))
            .Select(u => (u.Id, u.FullName)).ToList();
    }
}
