using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Programme.Cohorts;

// A 50 MB upload is read and refused with a clear message rather than cut off mid-request.
[RequestSizeLimit(64 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
public class ImportModel(AppDbContext db, DelegateImport import, TimeProvider time) : PageModel
{
    public const int ShownRows = 500;

    [FromRoute] public int Id { get; set; }
    public int CohortId => Id;
    public string CohortName { get; private set; } = "";
    [BindProperty(SupportsGet = true)] public Guid? Pending { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public bool SkipErrors { get; set; }
    public ImportAnalysis? Analysis { get; private set; }
    public string UploadedName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadCohortAsync(ct))
        {
            return NotFound();
        }
        if (Pending is { } pendingId)
        {
            var pending = await db.PendingImports.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pendingId && p.CohortId == Id, ct);
            if (pending is null)
            {
                return RedirectToPage(new { id = Id, Pending = (Guid?)null });
            }
            UploadedName = pending.FileName;
            Analysis = await import.AnalyseAsync(Id, pending.Content, ct);
        }
        return Page();
    }

    public IActionResult OnGetTemplate()
    {
        const string csv = "email,name,school_urn,school_name,phase,setting_type,region,number_on_roll,birthday,tutor_email\r\n"
            + "ada.example@school.example,Ada Example,123456,Example Primary School,Primary,Academy,South East,420,14/03,\r\n";
        return File(Encoding.UTF8.GetBytes(csv), "text/csv", "delegates-example.csv");
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        if (!await LoadCohortAsync(ct))
        {
            return NotFound();
        }
        var content = await ReadFileAsync(ct);
        if (content is null)
        {
            return Page();
        }
        var analysis = await import.AnalyseAsync(Id, content, ct);
        if (analysis.FileError is not null)
        {
            ModelState.AddModelError("Upload", analysis.FileError);
            return Page();
        }
        var now = time.UtcNow();
        // Previews nobody confirmed are dropped after a day.
        await db.PendingImports.Where(p => p.CreatedAt < now.AddDays(-1)).ExecuteDeleteAsync(ct);
        var pending = new PendingImport
        {
            Id = Guid.NewGuid(), CohortId = Id, CreatedById = User.UserId(), CreatedAt = now,
            FileName = Path.GetFileName(Upload!.FileName), Content = content,
        };
        db.PendingImports.Add(pending);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id = Id, Pending = pending.Id });
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (!await LoadCohortAsync(ct))
        {
            return NotFound();
        }
        if (Pending is null || !await db.PendingImports.AnyAsync(p => p.Id == Pending && p.CohortId == Id, ct))
        {
            ModelState.AddModelError("", "This import has already been confirmed or has expired. Upload the file again to see a new preview.");
            return Page();
        }
        var outcome = await import.ApplyAsync(Pending.Value, SkipErrors, ct);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError("", outcome.Message);
            // Show the preview again while it exists; if someone else confirmed it, the upload form.
            var pending = await db.PendingImports.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Pending && p.CohortId == Id, ct);
            if (pending is not null)
            {
                UploadedName = pending.FileName;
                Analysis = await import.AnalyseAsync(Id, pending.Content, ct);
            }
            return Page();
        }
        TempData["Flash"] = outcome.Message;
        return RedirectToPage("Details", new { id = Id });
    }

    private async Task<string?> ReadFileAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError("Upload", Upload is null ? "Select a CSV file" : "The selected file is empty");
            return null;
        }
        if (Upload.Length > PendingImport.MaxBytes)
        {
            ModelState.AddModelError("Upload", "The selected file must be smaller than 10 MB");
            return null;
        }
        if (!Path.GetExtension(Upload.FileName).Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Upload", "The selected file must be a CSV file (save it from your spreadsheet as 'CSV UTF-8')");
            return null;
        }
        using var reader = new StreamReader(Upload.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        try
        {
            var text = await reader.ReadToEndAsync(ct);
            if (text.Contains('\0', StringComparison.Ordinal))
            {
                ModelState.AddModelError("Upload", "The selected file is not a text CSV file");
                return null;
            }
            return text;
        }
        catch (DecoderFallbackException)
        {
            ModelState.AddModelError("Upload", "The selected file is not in UTF-8. Save it from your spreadsheet as 'CSV UTF-8' and upload it again");
            return null;
        }
    }

    private async Task<bool> LoadCohortAsync(CancellationToken ct)
    {
        var name = await db.Cohorts.Where(c => c.Id == Id).Select(c => c.Name).FirstOrDefaultAsync(ct);
        CohortName = name ?? "";
        return name is not null;
    }
}
