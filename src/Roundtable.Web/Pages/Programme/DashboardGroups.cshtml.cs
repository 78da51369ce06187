using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Lists;
using Roundtable.Web.Insight;

namespace Roundtable.Web.Pages.Programme;

// Programme team only (the /Programme folder's convention): the dashboard's attendance by group in
// full, lowest attendance first, for a programme or one cohort; searched by name, paged, and as CSV.
// The dashboard itself shows only the lowest few (a programme can have 4,000 groups).
public class DashboardGroupsModel(AppDbContext db, ProgrammeDashboard dashboard, ListExport export) : ListPageModel
{
    [FromQuery(Name = "programme")] public int? ProgrammeId { get; set; }
    [FromQuery(Name = "cohort")] public int? CohortId { get; set; }

    public List<GroupAttendance> Rows { get; private set; } = [];
    public List<(string Value, string Text)> Programmes { get; private set; } = [];
    public List<(string Value, string Text)> Cohorts { get; private set; } = [];
    public string Heading { get; private set; } = "";

    public override string SearchLabel => "Group name";
    public override (string One, string Many) Noun => ("group", "groups");
    public override IReadOnlyList<ListFilter> Filters =>
    [
        new("programme", "Programme", ProgrammeId?.ToString(CultureInfo.InvariantCulture), Programmes, "The latest cohort's programme"),
        new("cohort", "Cohort", CohortId?.ToString(CultureInfo.InvariantCulture), Cohorts, "All cohorts of the programme"),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var programmes = await db.Programmes.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var cohorts = await db.Cohorts.AsNoTracking().OrderBy(c => c.Programme.Name).ThenByDescending(c => c.CourseStart)
            .Select(c => new { c.Id, c.Name, c.ProgrammeId, c.Programme.Code }).ToListAsync(ct);
        Programmes = programmes.Select(p => (Num(p.Id), p.Name)).ToList();
        Cohorts = cohorts.Select(c => (Num(c.Id), $"{c.Code}: {c.Name}")).ToList();
        var cohort = CohortId is int cid ? cohorts.FirstOrDefault(c => c.Id == cid) : null;
        if (CohortId is not null && cohort is null)
        {
            return NotFound();
        }
        // As on the dashboard: a cohort decides its programme, else the one asked for, else the one
        // with the latest cohort (the filters keep what was asked, so links keep the same query).
        var programmeId = cohort?.ProgrammeId ?? ProgrammeId ?? cohorts.FirstOrDefault()?.ProgrammeId ?? programmes.FirstOrDefault()?.Id;
        var programme = programmes.FirstOrDefault(p => p.Id == programmeId);
        if (programme is null)
        {
            if (programmeId is not null)
            {
                return NotFound();
            }
            SetTotal(0);
            return WantsCsv ? await export.FileAsync(this, "attendance by group", "attendance-by-group.csv", ["Group", "Present", "Expected", "Attendance"], [], ct) : Page();
        }
        Heading = cohort is null ? $"{programme.Name}: all cohorts" : $"{programme.Name}: {cohort.Name}";
        var all = await dashboard.AttendanceByGroupAsync(cohort is null ? ReportScope.WholeProgramme(programme.Id) : new ReportScope(cohort.Id, null), ct);
        if (Search is { } q)
        {
            all = all.Where(g => g.Name.ToUpperInvariant().Contains(q, StringComparison.Ordinal)).ToList();
        }
        if (WantsCsv)
        {
            return await export.FileAsync(this, "attendance by group", "attendance-by-group.csv", ["Group", "Present", "Expected", "Attendance"],
                all.Select(g => (IReadOnlyList<string?>)[g.Name, Num(g.Present), Num(g.Expected), SvgCharts.Percent(g.Rate)]).ToList(), ct);
        }
        SetTotal(all.Count);
        Rows = all.Skip(Skip).Take(PageSize).ToList();
        return Page();
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
