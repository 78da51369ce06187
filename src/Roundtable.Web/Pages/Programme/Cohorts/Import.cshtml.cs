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
        if (!content.Succeeded)
        {
            ModelState.AddFailure(content.Failure, prefix: "");
            return Page();
        }
        var analysis = await import.AnalyseAsync(Id, content.Value, ct);
        if (analysis.FileError is not null)
        {
            ModelState.AddFailure(Failure.Invalid(nameof(Upload), analysis.FileError), prefix: "");
            return Page();
        }
        var now = time.UtcNow();
        // Previews nobody confirmed are dropped after a day.
        await db.PendingImports.Where(p => p.CreatedAt < now.AddDays(-1)).ExecuteDeleteAsync(ct);
        var pending = new PendingImport
        {
            Id = Guid.NewGuid(), CohortId = Id, CreatedById = User.UserId(), CreatedAt = now,
            FileName = Path.GetFileName(Upload!.FileName), Content = content.Value,
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
            ModelState.AddFailure(Failure.Conflict("This import has already been confirmed or has expired. Upload the file again to see a new preview."));
            return Page();
        }
        var imported = await import.ApplyAsync(Pending.Value, SkipErrors, ct);
        if (!imported.Succeeded)
        {
            ModelState.AddFailure(imported.Failure);
            // Show the preview again while it exists; if someone else confirmed it, the upload form.
            var pending = await db.PendingImports.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Pending && p.CohortId == Id, ct);
            if (pending is not null)
            {
                UploadedName = pending.FileName;
                Analysis = await import.AnalyseAsync(Id, pending.Content, ct);
            }
            return Page();
        }
        TempData["Flash"] = imported.Value.Message;
        return RedirectToPage("Details", new { id = Id });
    }

    // The upload as text: a CSV file, not empty, at most 10 MB, in UTF-8.
    private async Task<Result<string>> ReadFileAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            return Failure.Invalid(nameof(Upload), Upload is null ? "Select a CSV file" : "The selected file is empty");
        }
        if (Upload.Length > PendingImport.MaxBytes)
        {
            return Failure.Invalid(nameof(Upload), "The selected file must be smaller than 10 MB");
        }
        if (!Path.GetExtension(Upload.FileName).Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return Failure.Invalid(nameof(Upload), "The selected file must be a CSV file (save it from your spreadsheet as 'CSV UTF-8')");
        }
        using var reader = new StreamReader(Upload.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        try
        {
            var text = await reader.ReadToEndAsync(ct);
            return text.Contains('\0', StringComparison.Ordinal)
                ? Failure.Invalid(nameof(Upload), "The selected file is not a text CSV file")
                : text;
        }
        catch (DecoderFallbackException)
        {
            return Failure.Invalid(nameof(Upload), "The selected file is not in UTF-8. Save it from your spreadsheet as 'CSV UTF-8' and upload it again");
        }
    }

    private async Task<bool> LoadCohortAsync(CancellationToken ct)
    {
        var name = await db.Cohorts.Where(c => c.Id == Id).Select(c => c.Name).FirstOrDefaultAsync(ct);
        CohortName = name ?? "";
        return name is not null;
    }
}
