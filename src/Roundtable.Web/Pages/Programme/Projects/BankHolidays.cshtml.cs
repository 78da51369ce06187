using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Programme.Projects;

// The bank holidays of England and Wales: the shipped GOV.UK list, replaced by a newer file the team uploads.
// The form's field is HolidayFileInput's, at the top level.
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
        var byName = User.FindFirst(AppClaims.FullName)?.Value ?? User.Identity?.Name ?? "";
        var uploaded = await calendar.UploadHolidaysAsync(new HolidayFileInput(Upload), User.UserId(), byName, ct);
        if (!uploaded.Succeeded)
        {
            ModelState.AddFailure(uploaded.Failure, prefix: "");
            await LoadAsync(ct);
            return Page();
        }
        var list = uploaded.Value;
        TempData["Flash"] = $"The bank holiday list now comes from {list.FileName}: {list.Count} bank holidays from {list.FirstYear} to {list.LastYear}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevertAsync(CancellationToken ct)
    {
        await calendar.RevertHolidaysAsync(ct);
        TempData["Flash"] = "The bank holiday list shipped with Roundtable is in use again.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Uploaded = await db.BankHolidayFiles.AsNoTracking().OrderByDescending(f => f.UploadedAt).ThenByDescending(f => f.Id)
            .Select(f => new Source(f.FileName, f.UploadedByName, f.UploadedAt)).FirstOrDefaultAsync(ct);
        Holidays = await calendar.HolidaysAsync(ct);
        ThisYear = LondonTime.Today(time).Year;
    }
}
