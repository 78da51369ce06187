using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Lists;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Programme.Schools;

// Programme team only (the /Programme folder's convention): every school, searched by name or URN,
// filtered by phase and region; downloads as CSV.
public class IndexModel(AppDbContext db, ListExport export) : ListPageModel
{
    public sealed record Row(int Id, string Name, int Urn, SchoolPhase Phase, SettingType SettingType, Region Region, int? NumberOnRoll, int Delegates);

    [FromQuery(Name = "phase")] public string? Phase { get; set; }
    [FromQuery(Name = "region")] public string? Region { get; set; }
    public List<Row> Rows { get; private set; } = [];

    public override string SearchLabel => "Name or URN";
    public override (string One, string Many) Noun => ("school", "schools");
    public override IReadOnlyList<ListFilter> Filters =>
    [
        new("phase", "Phase", Phase, ListOptions.Of<SchoolPhase>(), "Any phase"),
        new("region", "Region", Region, ListOptions.Of<Region>(), "Any region"),
    ];

    private ListSort<School> Sorts => new ListSort<School>()
        .By("name", s => s.Name).By("urn", s => s.Urn).By("roll", s => s.NumberOnRoll)
        .By("delegates", s => db.Participants.Count(p => p.SchoolId == s.Id), defaultDescending: true)
        .ThenBy(s => s.Id);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var rows = Sorts.Apply(Query(), this).Select(s => new Row(s.Id, s.Name, s.Urn, s.Phase, s.SettingType, s.Region, s.NumberOnRoll,
            db.Participants.Count(p => p.SchoolId == s.Id)));
        if (WantsCsv)
        {
            var all = await rows.ToListAsync(ct);
            return await export.FileAsync(this, "schools", "schools.csv", ["School", "URN", "Phase", "Setting", "Region", "On roll", "Delegates"],
                all.Select(s => (IReadOnlyList<string?>)[s.Name, Num(s.Urn), EnumText.Display(s.Phase), EnumText.Display(s.SettingType),
                    EnumText.Display(s.Region), s.NumberOnRoll is { } n ? Num(n) : "", Num(s.Delegates)]).ToList(), ct);
        }
        SetTotal(await rows.CountAsync(ct));
        Rows = await rows.Skip(Skip).Take(PageSize).ToListAsync(ct);
        return Page();
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private IQueryable<School> Query()
    {
        var schools = db.Schools.AsNoTracking();
        if (Search is { } q)
        {
#pragma warning disable CA1304, CA1311, CA1862
            schools = int.TryParse(q, NumberStyles.None, CultureInfo.InvariantCulture, out var urn)
                ? schools.Where(s => s.Urn == urn || s.Name.ToUpper().Contains(q))
                : schools.Where(s => s.Name.ToUpper().Contains(q));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (ListOptions.Parse<SchoolPhase>(Phase) is { } phase) { schools = schools.Where(s => s.Phase == phase); } else { Phase = null; }
        if (ListOptions.Parse<Region>(Region) is { } region) { schools = schools.Where(s => s.Region == region); } else { Region = null; }
        return schools;
    }
}
