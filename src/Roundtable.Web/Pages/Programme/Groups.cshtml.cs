using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Lists;

namespace Roundtable.Web.Pages.Programme;

// Programme team only (the /Programme folder's convention): every community group of every
// cohort, searched by name, filtered by cohort and state; downloads as CSV.
public class GroupsModel(AppDbContext db, ListExport export) : ListPageModel
{
    public sealed record Row(int Id, string Name, string Cohort, int CohortId, bool Published, int Members, int Sessions, int Recorded);

    public static readonly IReadOnlyList<(string Value, string Text)> States = [("published", "Published"), ("draft", "Draft")];

    [FromQuery(Name = "cohort")] public string? Cohort { get; set; }
    [FromQuery(Name = "state")] public string? State { get; set; }
    public List<Row> Rows { get; private set; } = [];
    public List<(string Value, string Text)> Cohorts { get; private set; } = [];

    public override string SearchLabel => "Group name";
    public override (string One, string Many) Noun => ("group", "groups");
    public override IReadOnlyList<ListFilter> Filters =>
    [
        new("cohort", "Cohort", Cohort, Cohorts, "Any cohort"),
        new("state", "State", State, States, "Any state"),
    ];

    private static readonly ListSort<CommunityGroup> Sorts = new ListSort<CommunityGroup>()
        .By("cohort", g => g.Cohort.Name).By("name", g => g.Name)
        .By("members", g => g.Members.Count, defaultDescending: true).By("sessions", g => g.Sessions.Count, defaultDescending: true)
        .ThenBy(g => g.Name).ThenBy(g => g.Id);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var rows = Sorts.Apply(Query(), this).Select(g => new Row(g.Id, g.Name, g.Cohort.Name, g.CohortId, g.Published, g.Members.Count,
            g.Sessions.Count(s => s.CancelledAt == null), g.Sessions.Count(s => s.RecordedAt != null)));
        if (WantsCsv)
        {
            var all = await rows.ToListAsync(ct);
            return await export.FileAsync(this, "groups", "groups.csv", ["Group", "Cohort", "State", "Members", "Sessions", "Sessions recorded"],
                all.Select(g => (IReadOnlyList<string?>)[g.Name, g.Cohort, g.Published ? "Published" : "Draft", Num(g.Members), Num(g.Sessions), Num(g.Recorded)]).ToList(), ct);
        }
        Cohorts = (await db.Cohorts.AsNoTracking().OrderByDescending(c => c.CourseStart).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .Select(c => (Num(c.Id), c.Name)).ToList();
        SetTotal(await rows.CountAsync(ct));
        Rows = await rows.Skip(Skip).Take(PageSize).ToListAsync(ct);
        return Page();
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private IQueryable<CommunityGroup> Query()
    {
        var groups = db.CommunityGroups.AsNoTracking();
        if (Search is { } q)
        {
#pragma warning disable CA1304, CA1311, CA1862
            groups = groups.Where(g => g.Name.ToUpper().Contains(q));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (int.TryParse(Cohort, NumberStyles.None, CultureInfo.InvariantCulture, out var cohort)) { groups = groups.Where(g => g.CohortId == cohort); } else { Cohort = null; }
        groups = State switch
        {
            "published" => groups.Where(g => g.Published),
            "draft" => groups.Where(g => !g.Published),
            _ => groups,
        };
        if (State is not ("published" or "draft")) { State = null; }
        return groups;
    }
}
