using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Lists;
using Roundtable.Web.Pages.Projects;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Programme.Projects;

// Programme team only (the /Programme folder's convention). Every NPQH delegate's progress on both
// projects: the delegates are searched, filtered, counted, sorted and paged in the database; the
// progress (requirements, placement days) is then worked out for the page's rows only (for the
// CSV, for every matching delegate, a few hundred at a time).
public class IndexModel(AppDbContext db, ProjectProgress progress, ListExport export) : ListPageModel
{
    public sealed record Row(int ParticipantId, string Name, string Cohort, string? Tutor, DelegateProjects Progress);

    [FromQuery(Name = "cohort")] public string? Cohort { get; set; }
    [FromQuery(Name = "tutor")] public string? Tutor { get; set; }
    public List<(string Value, string Text)> Cohorts { get; private set; } = [];
    public List<(string Value, string Text)> Tutors { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    public int AwaitingAssessor { get; private set; }
    public int AwaitingRelease { get; private set; }
    public int CriteriaCount { get; private set; }

    public override string SearchLabel => "Delegate's name or e-mail";
    public override (string One, string Many) Noun => ("NPQH delegate", "NPQH delegates");
    public override IReadOnlyList<ListFilter> Filters =>
    [
        new("cohort", "Cohort", Cohort, Cohorts, "All NPQH cohorts"),
        new("tutor", "Tutor", Tutor, Tutors, "Any tutor"),
    ];

    private static readonly ListSort<Participant> Sorts = new ListSort<Participant>()
        .By("name", p => p.User.FullName).By("cohort", p => p.Cohort.Name).By("tutor", p => p.Tutor!.FullName)
        .ThenBy(p => p.User.FullName).ThenBy(p => p.Id);

    private sealed record Person(int Id, string FullName, string? Email, string Cohort, string? Tutor);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var people = Sorts.Apply(Query(), this).Select(p => new Person(p.Id, p.User.FullName, p.User.Email, p.Cohort.Name, p.Tutor!.FullName));
        if (WantsCsv)
        {
            var everyone = await people.ToListAsync(ct);
            var lines = new List<IReadOnlyList<string?>>();
            foreach (var chunk in everyone.Chunk(500))
            {
                var all = await progress.ForManyAsync(chunk.Select(p => p.Id).ToList(), ct);
                lines.AddRange(chunk.Select(p => CsvLine(p, all[p.Id])));
            }
            return await export.FileAsync(this, "NPQH projects", "projects.csv",
                ["Delegate", "E-mail", "Cohort", "Tutor", "Project 1 requirements met", "Project 1 account", "Placement days", "Project 2 requirements met", "Project 2 account"],
                lines, ct);
        }
        await LoadChoicesAsync(ct);
        SetTotal(await people.CountAsync(ct));
        var page = await people.Skip(Skip).Take(PageSize).ToListAsync(ct);
        var progresses = await progress.ForManyAsync(page.Select(p => p.Id).ToList(), ct);
        Rows = page.Select(p => new Row(p.Id, p.FullName, p.Cohort, p.Tutor, progresses[p.Id])).ToList();
        AwaitingAssessor = await db.Submissions.CountAsync(s => s.Status == SubmissionStatus.Submitted, ct);
        AwaitingRelease = await db.Submissions.CountAsync(s => s.Status == SubmissionStatus.Assessed, ct);
        CriteriaCount = await db.AssessmentCriteria.CountAsync(ct);
        return Page();
    }

    private static IReadOnlyList<string?> CsvLine(Person p, DelegateProjects d) =>
    [
        p.FullName, p.Email, p.Cohort, p.Tutor ?? "",
        $"{d.MetCount(1)} of {d.Project1Requirements.Count}", ProjectViews.StatusForStaff(d.Submission1),
        d.Placement.Counted.ToString(CultureInfo.InvariantCulture),
        $"{d.MetCount(2)} of {d.Project2Requirements.Count}", ProjectViews.StatusForStaff(d.Submission2),
    ];

    private IQueryable<Participant> Query()
    {
        var people = progress.NpqhParticipants.AsNoTracking();
        if (Search is { } q)
        {
#pragma warning disable CA1304, CA1311, CA1862
            people = people.Where(p => p.User.FullName.ToUpper().Contains(q) || p.User.NormalizedEmail!.Contains(q));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (int.TryParse(Cohort, NumberStyles.None, CultureInfo.InvariantCulture, out var cohort)) { people = people.Where(p => p.CohortId == cohort); } else { Cohort = null; }
        if (!string.IsNullOrEmpty(Tutor)) { people = people.Where(p => p.TutorId == Tutor); }
        return people;
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Cohorts = (await db.Cohorts.AsNoTracking().Where(c => c.Programme.Code == ProjectNumbers.HeadshipCode).OrderByDescending(c => c.CourseStart)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id.ToString(CultureInfo.InvariantCulture), c.Name)).ToList();
        var tutorRole = RoleSeed.IdOf(Roles.Tutor);
        Tutors = (await db.Users.AsNoTracking().Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == tutorRole))
            .OrderBy(u => u.FullName).Select(u => new { u.Id, u.FullName }).ToListAsync(ct)).Select(u => (u.Id, u.FullName)).ToList();
    }
}
