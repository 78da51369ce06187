using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Dfe;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Auth;

namespace Roundtable.Web.Pages.Programme.Dfe;

// Programme team only (folder convention): one application, accepted into a cohort or rejected with
// a reason; DfE is told first, and the page comes back with DfE's words when it refuses.
public class ReviewModel(AppDbContext db, DfeApplications applications) : PageModel
{
    public DfeApplication Application { get; private set; } = null!;
    public List<(string Value, string Text)> Cohorts { get; private set; } = [];

    [BindProperty] public string? CohortId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct)
    {
        var cohortId = int.TryParse(CohortId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : (int?)null;
        var accepted = await applications.AcceptAsync(id, cohortId, User.UserId(), ct);
        if (accepted.Succeeded)
        {
            var name = await db.DfeApplications.Where(a => a.Id == id).Select(a => a.FullName).FirstAsync(ct);
            TempData["Flash"] = $"{name} accepted: DfE has it, and they are a delegate of the cohort.";
            return RedirectToPage("Applications");
        }
        return await FailAsync(id, accepted.Failure, nameof(CohortId), ct);
    }

    public async Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct)
    {
        var rejected = await applications.RejectAsync(id, Reason, User.UserId(), ct);
        if (rejected.Succeeded)
        {
            var name = await db.DfeApplications.Where(a => a.Id == id).Select(a => a.FullName).FirstAsync(ct);
            TempData["Flash"] = $"{name}'s application rejected: DfE has it.";
            return RedirectToPage("Applications");
        }
        return await FailAsync(id, rejected.Failure, nameof(Reason), ct);
    }

    private async Task<IActionResult> FailAsync(int id, Failure failure, string field, CancellationToken ct)
    {
        if (failure.Kind == FailureKind.NotFound)
        {
            return NotFound();
        }
        var key = failure.Field switch
        {
            "cohortId" => nameof(CohortId),
            "reason" => nameof(Reason),
            null => failure.Kind is FailureKind.Invalid ? field : "",
            _ => field,
        };
        ModelState.AddModelError(key, failure.Message);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var application = await db.DfeApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return false;
        }
        Application = application;
        var cohorts = await db.Cohorts.AsNoTracking().Where(c => c.Programme.DfeCourseIdentifier == application.CourseIdentifier)
            .OrderBy(c => c.CourseStart).ThenBy(c => c.Name).Select(c => new { c.Id, c.Name, c.DfeCohortYear }).ToListAsync(ct);
        Cohorts = cohorts.Select(c => (c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.DfeCohortYear is { } y ? $"{c.Name} (DfE {y})" : c.Name)).ToList();
        return true;
    }
}
