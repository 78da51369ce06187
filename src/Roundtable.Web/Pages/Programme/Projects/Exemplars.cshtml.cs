using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Programme.Projects;

[RequestSizeLimit(64 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
public class ExemplarsModel(AppDbContext db, ProjectExemplars exemplars) : PageModel
{
    public sealed record Row(int Id, int Project, string Title, string Summary, string FileName, long Size, DateTime PublishedAt, SchoolPhase? Phase);

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }
    public List<Row> Exemplars { get; private set; } = [];
    public Row? ConfirmRemove { get; private set; }

    // ExemplarInput as typed; its Upload is posted as "Upload".
    public sealed class InputModel
    {
        public string? Project { get; set; }
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public string? Phase { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? remove, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (remove is int id)
        {
            ConfirmRemove = Exemplars.FirstOrDefault(e => e.Id == id);
            if (ConfirmRemove is null)
            {
                return NotFound();
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(int id, CancellationToken ct)
    {
        var file = await db.Exemplars.AsNoTracking().Where(e => e.Id == id).Select(e => e.File).FirstOrDefaultAsync(ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var published = await exemplars.PublishAsync(new ExemplarInput(Input.Project, Input.Title, Input.Summary, Upload, Input.Phase), User.UserId(), ct);
        if (!published.Succeeded)
        {
            ModelState.AddFailure(published.Failure);
            await LoadAsync(ct);
            return Page();
        }
        TempData["Flash"] = $"Published {published.Value.Title} for Project {published.Value.Project}. Delegates can read it now.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        if (await exemplars.RemoveAsync(id, ct) is not { Value: { } removed })
        {
            return NotFound();
        }
        TempData["Flash"] = $"Removed {removed.Title}. Delegates no longer see it.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Exemplars = await db.Exemplars.AsNoTracking().OrderBy(e => e.Project).ThenBy(e => e.Title)
            .Select(e => new Row(e.Id, e.Project, e.Title, e.Summary, e.File.FileName, e.File.Size, e.PublishedAt, e.Phase)).ToListAsync(ct);
}
