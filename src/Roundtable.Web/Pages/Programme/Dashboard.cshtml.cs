using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Insight;

namespace Roundtable.Web.Pages.Programme;

// Programme team only (the /Programme folder's convention; tutors have "Your delegates at risk"
// on their home page instead). One programme's figures, all its cohorts or one of them, picked with
// a GET form that works without script.
public class DashboardModel(AppDbContext db, ProgrammeDashboard dashboard, AtRiskFinder atRisk, DashboardSnapshots snapshots) : PageModel
{
    // The default view is the whole programme (20,000 delegates at the largest provider): it shows
    // counts with the first few rows and links to the full, paged lists instead of every row.
    public const int FirstAtRisk = 10;
    public const int LowestGroups = 10;

    [FromQuery(Name = "programme")] public int? ProgrammeId { get; set; }
    [FromQuery(Name = "cohort")] public int? CohortId { get; set; }

    public List<(string Value, string Text)> Programmes { get; private set; } = [];
    public List<(string Value, string Text)> Cohorts { get; private set; } = [];
    public string Heading { get; private set; } = "";
    public DashboardFigures? Figures { get; private set; }
    public AtRiskSummary? AtRisk { get; private set; }
    public DateTimeOffset CountedAt { get; private set; }
    public TimeSpan MaxAge => snapshots.MaxAge;

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(countAgain: false, ct);

    // "Count again": a form post (it starts work), answered with the page itself, so that the
    // address stays the dashboard's and a reload shows the snapshot instead of counting again.
    public async Task<IActionResult> OnPostCountAgainAsync(CancellationToken ct)
    {
        var result = await ShowAsync(countAgain: true, ct);
        return result is PageResult ? RedirectToPage(new { programme = CohortId is null ? ProgrammeId : null, cohort = CohortId }) : result;
    }

    private async Task<IActionResult> ShowAsync(bool countAgain, CancellationToken ct)
    {
        var programmes = await db.Programmes.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Code, p.Name }).ToListAsync(ct);
        var cohorts = await db.Cohorts.AsNoTracking().OrderBy(c => c.Programme.Name).ThenByDescending(c => c.CourseStart)
            .Select(c => new { c.Id, c.Name, c.ProgrammeId, c.Programme.Code }).ToListAsync(ct);
        Programmes = programmes.Select(p => (Id(p.Id), p.Name)).ToList();
        Cohorts = cohorts.Select(c => (Id(c.Id), $"{c.Code}: {c.Name}")).ToList();

        var cohort = CohortId is int cid ? cohorts.FirstOrDefault(c => c.Id == cid) : null;
        if (CohortId is not null && cohort is null)
        {
            return NotFound();
        }
        // A cohort decides its programme; otherwise the programme asked for, else the one with the latest cohort.
        ProgrammeId = cohort?.ProgrammeId ?? ProgrammeId ?? cohorts.FirstOrDefault()?.ProgrammeId ?? programmes.FirstOrDefault()?.Id;
        var programme = programmes.FirstOrDefault(p => p.Id == ProgrammeId);
        if (programme is null)
        {
            return ProgrammeId is null ? Page() : NotFound();
        }
        Heading = cohort is null ? $"{programme.Name}: all cohorts" : $"{programme.Name}: {cohort.Name}";
        var scope = cohort is null ? ReportScope.WholeProgramme(programme.Id) : new ReportScope(cohort.Id, null);
        var snapshot = await snapshots.GetAsync(scope, countAgain, async token => (
            await dashboard.ForAsync(scope, token),
            await atRisk.SummaryAsync(cohort is null ? new AtRiskFilter(ProgrammeId: programme.Id) : new AtRiskFilter(CohortId: cohort.Id), FirstAtRisk, token)), ct);
        (Figures, AtRisk, CountedAt) = (snapshot.Figures, snapshot.AtRisk, snapshot.CountedAt);
        return Page();
    }

    // The at-risk list with the dashboard's scope (and a reason, when given).
    public string AtRiskHref(string? reason = null)
    {
        var query = new List<string>();
        if (reason is not null)
        {
            query.Add("reason=" + Uri.EscapeDataString(reason));
        }
        query.Add(CohortId is int c ? "cohort=" + Id(c) : "programme=" + Id(ProgrammeId ?? 0));
        return "/Programme/AtRisk?" + string.Join("&", query);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
