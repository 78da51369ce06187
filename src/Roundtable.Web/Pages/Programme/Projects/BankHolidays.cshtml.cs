using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Programme.Projects;

// The bank holidays of England and Wales: the shipped GOV.UK list, replaced by a newer file the team uploads.
[RequestSizeLimit(16 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 16 * 1024 * 1024)]
public class BankHolidaysModel(AppDbContext db, ProjectCalendar calendar, TimeProvider time) : PageModel
{
    public sealed record Source(string FileName, string UploadedBy, DateTime UploadedAt);

    [BindProperty] public IFormFile? Upload { get; set; }
    public Source? Uploaded { get; private set; }
    public BankHolidayCalendar Holidays { get; private set; } = BankHolidayCalendar.Empty;
    public int ThisYear { get; private set; }
    public bool ConfirmRevert { get; private set; }

    public async Task OnGetAsync(bool revert, CancellationToken ct)
    {
        await LoadAsync(ct);
        ConfirmRevert = revert && Uploaded is not null;
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        var json = await ReadAsync(ct);
        if (json is not null)
        {
            var parsed = BankHolidays.Parse(json);
            if (!parsed.Succeeded)
            {
                foreach (var error in parsed.Errors.Take(50))
                {
                    ModelState.AddModelError(nameof(Upload), error);
                }
                if (parsed.Errors.Count > 50)
                {
                    ModelState.AddModelError(nameof(Upload), $"And {parsed.Errors.Count - 50} more problems.");
                }
            }
            else
            {
                var list = parsed.Calendar;
                db.BankHolidayFiles.Add(new BankHolidayFile
                {
                    FileName = Path.GetFileName(Upload!.FileName), Json = json, Count = list.Holidays.Count,
                    FirstYear = list.FirstYear!.Value, LastYear = list.LastYear!.Value,
                    UploadedById = User.UserId(), UploadedByName = User.FindFirst(AppClaims.FullName)?.Value ?? User.Identity?.Name ?? "",
                    UploadedAt = time.UtcNow(),
                });
                await db.SaveChangesAsync(ct);
                TempData["Flash"] = $"The bank holiday list now comes from {Path.GetFileName(Upload.FileName)}: {list.Holidays.Count} bank holidays from {list.FirstYear} to {list.LastYear}.";
                return RedirectToPage();
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevertAsync(CancellationToken ct)
    {
        await db.BankHolidayFiles.ExecuteDeleteAsync(ct);
        TempData["Flash"] = "The bank holiday list shipped with Roundtable is in use again.";
        return RedirectToPage();
    }

    private async Task<string?> ReadAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), Upload is null ? "Select a bank holiday file" : "The selected file is empty");
            return null;
        }
        if (Upload.Length > BankHolidayFile.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), "The selected file must be smaller than 1 MB");
            return null;
        }
        if (!Path.GetExtension(Upload.FileName).Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(Upload), "The selected file must be a JSON file, like bank-holidays.json from GOV.UK");
            return null;
        }
        using var reader = new StreamReader(Upload.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        try
        {
            return await reader.ReadToEndAsync(ct);
        }
        catch (DecoderFallbackException)
        {
            ModelState.AddModelError(nameof(Upload), "The selected file is not a UTF-8 text file");
            return null;
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Uploaded = await db.BankHolidayFiles.AsNoTracking().OrderByDescending(f => f.UploadedAt).ThenByDescending(f => f.Id)
            .Select(f => new Source(f.FileName, f.UploadedByName, f.UploadedAt)).FirstOrDefaultAsync(ct);
        Holidays = await calendar.HolidaysAsync(ct);
        ThisYear = LondonTime.Today(time).Year;
    }
}
