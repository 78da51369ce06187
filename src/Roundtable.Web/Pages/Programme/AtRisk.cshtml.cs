using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Lists;
using Roundtable.Web.Insight;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Programme;

// Programme team only (the /Programme folder's convention): every delegate at risk, with the
// reasons, filtered by reason, programme, cohort and tutor; the same list downloads as CSV (?format=csv, and
// ?handler=Csv as before). The at-risk set comes from AtRiskFinder (each reason one database query
// returning ids); searching, sorting and paging then apply to that set, which is the delegates at
// risk only, not every delegate.
public class AtRiskModel(AppDbContext db, AtRiskFinder finder, TimeProvider time, ListExport export) : ListPageModel
{
    [FromQuery(Name = "reason")] public string? Reason { get; set; }
    [FromQuery(Name = "cohort")] public int? CohortId { get; set; }
    [FromQuery(Name = "tutor")] public string? TutorId { get; set; }
    [FromQuery(Name = "programme")] public int? ProgrammeId { get; set; }

    public List<AtRiskPerson> Rows { get; private set; } = [];
    public List<(string Value, string Text)> Programmes { get; private set; } = [];
    public List<(string Value, string Text)> Cohorts { get; private set; } = [];
    public List<(string Value, string Text)> Tutors { get; private set; } = [];

    public static IReadOnlyList<(string Value, string Text)> Reasons { get; } = AtRiskReasons.All.Select(r => (r.Code, r.Text)).ToList();

    public override string SearchLabel => "Delegate's name or e-mail";
    public override (string One, string Many) Noun => ("delegate at risk", "delegates at risk");
    public override IReadOnlyList<ListFilter> Filters =>
    [
        new("reason", "Reason", Reason, Reasons, "Any reason"),
        new("programme", "Programme", ProgrammeId?.ToString(CultureInfo.InvariantCulture), Programmes, "Any programme"),
        new("cohort", "Cohort", CohortId?.ToString(CultureInfo.InvariantCulture), Cohorts, "Any cohort"),
        new("tutor", "Tutor", TutorId, Tutors, "Any tutor"),
    ];

    private static readonly ListSort<AtRiskPerson> Sorts = new ListSort<AtRiskPerson>()
        .By("name", d => d.Name).By("cohort", d => d.Cohort).By("tutor", d => d.TutorName ?? "")
        .By("reasons", d => d.Reasons.Count, defaultDescending: true)
        .ThenBy(d => d.Name).ThenBy(d => d.ParticipantId);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var all = await MatchingAsync(ct);
        if (WantsCsv)
        {
            return await CsvAsync(all, ct);
        }
        await LoadChoicesAsync(ct);
        SetTotal(all.Count);
        Rows = all.Skip(Skip).Take(PageSize).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => await CsvAsync(await MatchingAsync(ct), ct);

    private async Task<IActionResult> CsvAsync(List<AtRiskPerson> all, CancellationToken ct)
    {
        var today = CsvFile.Date(LondonTime.Today(time));
        return await export.FileAsync(this, "delegates at risk", "at-risk.csv", ["Delegate", "Email", "Cohort", "Tutor", "Reasons", "Checked on"],
            all.Select(d => (IReadOnlyList<string?>)[d.Name, d.Email, d.Cohort, d.TutorName, string.Join("; ", d.Reasons.Select(r => r.Text)), today]).ToList(), ct);
    }

    private async Task<List<AtRiskPerson>> MatchingAsync(CancellationToken ct)
    {
        Reason = AtRiskReasons.Find(Reason)?.Code;
        TutorId = string.IsNullOrEmpty(TutorId) ? null : TutorId;
        var people = await finder.ListAsync(new AtRiskFilter(CohortId, TutorId, Reason, ProgrammeId), ct);
        if (Search is { } q)
        {
            people = people.Where(d => d.Name.ToUpperInvariant().Contains(q, StringComparison.Ordinal)
                || (d.Email ?? "").ToUpperInvariant().Contains(q, StringComparison.Ordinal)).ToList();
        }
        return Sorts.Apply(people.AsQueryable(), this).ToList();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Programmes = (await db.Programmes.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .Select(p => (p.Id.ToString(CultureInfo.InvariantCulture), p.Name)).ToList();
        Cohorts = (await db.Cohorts.AsNoTracking().OrderByDescending(c => c.CourseStart).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .Select(c => (c.Id.ToString(CultureInfo.InvariantCulture), c.Name)).ToList();
        var tutorRole = RoleSeed.IdOf(Roles.Tutor);
        Tutors = (await db.Users.AsNoTracking().Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == tutorRole))
                .OrderBy(u => u.FullName).Select(u => new { u.Id, u.FullName }).ToListAsync(ct))
            .Select(u => (u.Id, u.FullName)).ToList();
    }
}
