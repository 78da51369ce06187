using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Projects;

public class ExemplarsModel(AppDbContext db, ProjectProgress progress) : PageModel
{
    public sealed record Row(int Id, int Project, string Title, string Summary, string FileName, long Size, DateTime PublishedAt);

    public bool IsNpqh { get; private set; }
    public List<Row> Exemplars { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsNpqh = await progress.NpqhPlaceAsync(User.UserId(), ct) is not null;
        if (IsNpqh)
        {
            Exemplars = await db.Exemplars.AsNoTracking().OrderBy(e => e.Project).ThenBy(e => e.Title)
                .Select(e => new Row(e.Id, e.Project, e.Title, e.Summary, e.File.FileName, e.File.Size, e.PublishedAt)).ToListAsync(ct);
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
