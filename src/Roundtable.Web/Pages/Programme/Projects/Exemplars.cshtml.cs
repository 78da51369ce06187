using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Pages.Shared;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Infrastructure.Files;
using Roundtable.Web.Pages.Projects;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Programme.Projects;

[RequestSizeLimit(64 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
public class ExemplarsModel(AppDbContext db, ProjectProgress progress, TimeProvider time) : PageModel
{
    public sealed record Row(int Id, int Project, string Title, string Summary, string FileName, long Size, DateTime PublishedAt);

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }
    public List<Row> Exemplars { get; private set; } = [];
    public Row? ConfirmRemove { get; private set; }

    public sealed class InputModel
    {
        public string? Project { get; set; }
        public string? Title { get; set; }
        public string? Summary { get; set; }
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
        if (!int.TryParse(Input.Project, NumberStyles.None, CultureInfo.InvariantCulture, out var project) || !ProjectNumbers.IsValid(project))
        {
            ModelState.AddModelError("Input.Project", "Choose the project");
        }
        var title = ModelState.Text(Input.Title, "Input.Title", "a title", Exemplar.TitleMaxLength, required: true);
        var summary = ModelState.Text(Input.Summary, "Input.Summary", "a short description", Exemplar.SummaryMaxLength, required: true);
        if (Upload is null)
        {
            ModelState.AddModelError(nameof(Upload), "Select the exemplar's file");
        }
        else if (FileRules.Check(Upload.FileName, Upload.Length) is { Ok: false } check)
        {
            ModelState.AddModelError(nameof(Upload), check.Error!);
        }
        if (ModelState.IsValid && await db.Exemplars.AnyAsync(e => e.Project == project && e.Title == title, ct))
        {
            ModelState.AddModelError("Input.Title", $"Project {project} already has an exemplar called {title}");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var now = time.UtcNow();
        var file = (await FileRules.ReadAsync(Upload!, User.UserId(), now, ct))!;
        db.StoredFiles.Add(file);
        db.Exemplars.Add(new Exemplar { Project = project, Title = title!, Summary = summary!, FileId = file.Id, PublishedAt = now, PublishedById = User.UserId() });
        if (!await db.TrySaveUniqueAsync(ct))
        {
            ModelState.AddModelError("Input.Title", $"Project {project} already has an exemplar called {title}");
            await LoadAsync(ct);
            return Page();
        }
        TempData["Flash"] = $"Published {title} for Project {project}. Delegates can read it now.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        var exemplar = await db.Exemplars.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (exemplar is null)
        {
            return NotFound();
        }
        db.Exemplars.Remove(exemplar);
        await db.SaveChangesAsync(ct);
        await progress.DeleteFileIfUnusedAsync(exemplar.FileId, ct);
        TempData["Flash"] = $"Removed {exemplar.Title}. Delegates no longer see it.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Exemplars = await db.Exemplars.AsNoTracking().OrderBy(e => e.Project).ThenBy(e => e.Title)
            .Select(e => new Row(e.Id, e.Project, e.Title, e.Summary, e.File.FileName, e.File.Size, e.PublishedAt)).ToListAsync(ct);
}
