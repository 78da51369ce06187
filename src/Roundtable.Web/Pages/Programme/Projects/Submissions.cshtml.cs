using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Lists;
using Roundtable.Web.Pages.Projects;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Programme.Projects;

// Programme team only (the /Programme folder's convention): submitted accounts, searched by delegate,
// filtered by status, project, cohort and assessor; downloads as CSV.
public class SubmissionsModel(AppDbContext db, ListExport export) : ListPageModel
{
    public sealed record Row(int Id, string Delegate, string Cohort, int Project, int Version, SubmissionStatus Status,
        AssessmentOutcome? Outcome, DateTime? SubmittedAt, string? Assessor);

    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "project")] public string? Project { get; set; }
    [FromQuery(Name = "cohort")] public string? Cohort { get; set; }
    [FromQuery(Name = "assessor")] public string? Assessor { get; set; }
    public List<Row> Rows { get; private set; } = [];
    public List<(string Value, string Text)> Cohorts { get; private set; } = [];
    public List<(string Value, string Text)> Assessors { get; private set; } = [];

    public override string SearchLabel => "Delegate's name";
    public override (string One, string Many) Noun => ("submission", "submissions");
    public override IReadOnlyList<ListFilter> Filters =>
    [
        new("status", "Status", Status, EnumText.Values<SubmissionStatus>().Where(s => s != SubmissionStatus.Draft)
            .Select(s => (s.ToString(), ProjectViews.Status(s))).ToList(), "All submitted"),
        new("project", "Project", Project, [("1", "Project 1"), ("2", "Project 2")], "Both projects"),
        new("cohort", "Cohort", Cohort, Cohorts, "Any cohort"),
        new("assessor", "Assessor", Assessor, Assessors, "Any assessor"),
    ];

    // The default order is what needs the team first: waiting for an assessor, then assessed and
    // waiting for release, then assigned, then released; the oldest first within each.
    private static readonly ListSort<Submission> Sorts = new ListSort<Submission>()
        .By("status", s => s.Status == SubmissionStatus.Submitted ? 0 : s.Status == SubmissionStatus.Assessed ? 1 : s.Status == SubmissionStatus.Assigned ? 2 : 3)
        .By("submitted", s => s.SubmittedAt, defaultDescending: true)
        .By("delegate", s => s.Participant.User.FullName)
        .By("project", s => s.Project)
        .ThenBy(s => s.SubmittedAt).ThenBy(s => s.Id);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var rows = Sorts.Apply(Query(), this)
            .Select(s => new Row(s.Id, s.Participant.User.FullName, s.Participant.Cohort.Name, s.Project, s.Version, s.Status, s.Outcome, s.SubmittedAt, s.Assessor!.FullName));
        if (WantsCsv)
        {
            var all = await rows.ToListAsync(ct);
            return await export.FileAsync(this, "submissions", "submissions.csv", ["Delegate", "Cohort", "Project", "Version", "Submitted", "Status", "Outcome", "Assessor"],
                all.Select(r => (IReadOnlyList<string?>)[r.Delegate, r.Cohort, Num(r.Project), Num(r.Version), ListExport.DateTime(r.SubmittedAt),
                    ProjectViews.Status(r.Status), r.Outcome is { } o ? EnumText.Display(o) : "", r.Assessor ?? ""]).ToList(), ct);
        }
        await LoadChoicesAsync(ct);
        SetTotal(await rows.CountAsync(ct));
        Rows = await rows.Skip(Skip).Take(PageSize).ToListAsync(ct);
        return Page();
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private IQueryable<Submission> Query()
    {
        var submissions = db.Submissions.AsNoTracking().Where(s => s.Status != SubmissionStatus.Draft);
        if (Search is { } q)
        {
#pragma warning disable CA1304, CA1311, CA1862
            submissions = submissions.Where(s => s.Participant.User.FullName.ToUpper().Contains(q));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (ListOptions.Parse<SubmissionStatus>(Status) is { } status and not SubmissionStatus.Draft) { submissions = submissions.Where(s => s.Status == status); } else { Status = null; }
        if (Project is "1" or "2") { var project = Project == "1" ? 1 : 2; submissions = submissions.Where(s => s.Project == project); } else { Project = null; }
        if (int.TryParse(Cohort, NumberStyles.None, CultureInfo.InvariantCulture, out var cohort)) { submissions = submissions.Where(s => s.Participant.CohortId == cohort); } else { Cohort = null; }
        if (!string.IsNullOrEmpty(Assessor)) { submissions = submissions.Where(s => s.AssessorId == Assessor); }
        return submissions;
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Cohorts = (await db.Cohorts.AsNoTracking().Where(c => c.Programme.Code == ProjectNumbers.HeadshipCode).OrderByDescending(c => c.CourseStart)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id.ToString(CultureInfo.InvariantCulture), c.Name)).ToList();
        Assessors = (await db.Submissions.AsNoTracking().Where(s => s.AssessorId != null).Select(s => new { s.Assessor!.Id, s.Assessor.FullName }).Distinct()
            .OrderBy(a => a.FullName).ToListAsync(ct)).Select(a => (a.Id, a.FullName)).ToList();
    }
}
