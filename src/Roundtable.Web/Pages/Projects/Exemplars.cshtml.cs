using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Projects;

public class ExemplarsModel(AppDbContext db, ProjectProgress progress) : PageModel
{
    public sealed record Row(int Id, int Project, string Title, string Summary, string FileName, long Size, DateTime PublishedAt, SchoolPhase? Phase);

    public bool IsNpqh { get; private set; }
    public List<Row> Exemplars { get; private set; } = [];
    // ?phase= shows exemplars from one phase; the phases offered are those published.
    [FromQuery(Name = "phase")] public string? PhaseFilter { get; set; }
    public SchoolPhase? Phase { get; private set; }
    public List<SchoolPhase> Phases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (EnumText.TryParse<SchoolPhase>(PhaseFilter, out var chosen))
        {
            Phase = chosen;
        }
        IsNpqh = await progress.NpqhPlaceAsync(User.UserId(), ct) is not null;
        if (IsNpqh)
        {
            Phases = (await db.Exemplars.AsNoTracking().Where(e => e.Phase != null).Select(e => e.Phase!.Value).Distinct().ToListAsync(ct)).Order().ToList();
            Exemplars = await db.Exemplars.AsNoTracking().Where(e => Phase == null || e.Phase == Phase).OrderBy(e => e.Project).ThenBy(e => e.Title)
                .Select(e => new Row(e.Id, e.Project, e.Title, e.Summary, e.File.FileName, e.File.Size, e.PublishedAt, e.Phase)).ToListAsync(ct);
        }
    }

    public async Task<IActionResult> OnGetDownloadAsync(int id, CancellationToken ct)
    {
        if (await progress.NpqhPlaceAsync(User.UserId(), ct) is null)
        {
            return NotFound();
        }
        var file = await db.Exemplars.AsNoTracking().Where(e => e.Id == id).Select(e => e.File).FirstOrDefaultAsync(ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }
}
