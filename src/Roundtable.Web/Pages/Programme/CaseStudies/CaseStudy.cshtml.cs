using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Projects;
using Entity = Roundtable.Web.Projects.CaseStudy;

namespace Roundtable.Web.Pages.Programme.CaseStudies;

// One case study: its window, and every delegate of the cohort with their attendance, eligibility
// (overridden with a reason), extension and response. Overrides and extensions are audited.
// ?delegate= opens the forms for one delegate.
public class CaseStudyModel(AppDbContext db, Roundtable.Web.Projects.CaseStudies caseStudies, AuditTrail trail) : PageModel
{
    public sealed class Form
    {
        public string? Eligible { get; set; }
        public string? ClosesOn { get; set; }
        public string? ClosesAtTime { get; set; }
        public string? Reason { get; set; }
        public string? ExtensionReason { get; set; }
    }

    [FromRoute] public int Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "delegate")] public int? DelegateId { get; set; }
    [BindProperty] public Form Input { get; set; } = new();
    public Entity CaseStudy { get; private set; } = null!;
    public string Cohort { get; private set; } = "";
    public List<CaseStudyDelegateRow> Delegates { get; private set; } = [];
    public CaseStudyDelegateRow? Chosen { get; private set; }
    public List<AuditRow> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (Chosen?.Adjustment is { } a)
        {
            Input.Eligible = a.EligibleOverride switch { true => "true", false => "false", null => "attendance" };
            Input.Reason = a.EligibilityReason;
        }
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(CancellationToken ct)
    {
        var file = await db.CaseStudies.AsNoTracking().Where(c => c.Id == Id).Select(c => c.File).FirstOrDefaultAsync(ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    public Task<IActionResult> OnPostEligibilityAsync(CancellationToken ct) =>
        AdjustAsync(caseStudies.OverrideEligibilityAsync(Id, DelegateId ?? 0, Input.ToInput(), User.UserId(), ct), "Eligibility saved", extending: false, ct);

    public Task<IActionResult> OnPostExtendAsync(CancellationToken ct) =>
        AdjustAsync(caseStudies.ExtendAsync(Id, DelegateId ?? 0, Input.ToExtension(), User.UserId(), ct), "Extension granted", extending: true, ct);

    // The two forms each have a reason field: an extension's errors about the reason go to its own.
    private async Task<IActionResult> AdjustAsync(Task<Failure?> change, string done, bool extending, CancellationToken ct)
    {
        if (await change is { } failure)
        {
            if (failure.Kind == FailureKind.NotFound || !await LoadAsync(ct))
            {
                return NotFound();
            }
            ModelState.AddFailure(failure, field => extending && field == nameof(AdjustmentInput.Reason) ? "Input." + nameof(Form.ExtensionReason) : "Input." + field);
            return Page();
        }
        TempData["Flash"] = done + ".";
        return RedirectToPage(new { id = Id, @delegate = DelegateId });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var row = await db.CaseStudies.AsNoTracking().Include(c => c.File).Where(c => c.Id == Id)
            .Select(c => new { CaseStudy = c, Cohort = c.Cohort.Programme.Code + " " + c.Cohort.Name }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return false;
        }
        CaseStudy = row.CaseStudy;
        Cohort = row.Cohort;
        Delegates = await caseStudies.DelegatesAsync(CaseStudy, ct);
        Chosen = Delegates.FirstOrDefault(d => d.ParticipantId == DelegateId);
        History = await trail.HistoryAsync(AuditedKinds.CaseStudy, Id, ct);
        return true;
    }
}

internal static class CaseStudyForms
{
    public static AdjustmentInput ToInput(this CaseStudyModel.Form form) => new(form.Eligible, form.ClosesOn, form.ClosesAtTime, form.Reason);

    public static AdjustmentInput ToExtension(this CaseStudyModel.Form form) => new(null, form.ClosesOn, form.ClosesAtTime, form.ExtensionReason);
}
