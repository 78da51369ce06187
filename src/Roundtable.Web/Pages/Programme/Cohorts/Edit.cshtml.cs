using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Pages.Shared;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Programme.Cohorts;

public class EditModel(AppDbContext db) : PageModel
{
    public sealed record ProgrammeOption(int Id, string Code, string Name);

    [FromRoute] public int? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public List<ProgrammeOption> Programmes { get; private set; } = [];

    // The form: CohortInput's fields, with the date as the three boxes of a GOV.UK date input.
    public sealed class InputModel
    {
        public int ProgrammeId { get; set; }
        public string? Name { get; set; }
        public DateParts CourseStart { get; set; } = new();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Id is null)
        {
            return Page();
        }
        var cohort = await db.Cohorts.FindAsync([Id], ct);
        if (cohort is null)
        {
            return NotFound();
        }
        Input = new InputModel { ProgrammeId = cohort.ProgrammeId, Name = cohort.Name, CourseStart = DateParts.From(cohort.CourseStart) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (new CohortInput(Input.ProgrammeId, Input.Name).Check(Programmes.Select(p => p.Id).ToList()) is { } failure)
        {
            ModelState.AddFailure(failure);
        }
        var start = ModelState.RequiredDate(Input.CourseStart, $"{nameof(Input)}.{nameof(Input.CourseStart)}", "the course start date");
        if (!ModelState.IsValid || start is null)
        {
            return Page();
        }
        var cohort = Id is null ? new Cohort() : await db.Cohorts.FindAsync([Id], ct);
        if (cohort is null)
        {
            return NotFound();
        }
        cohort.ProgrammeId = Input.ProgrammeId;
        cohort.Name = Input.Name!.Trim();
        cohort.CourseStart = start.Value;
        if (Id is null)
        {
            db.Cohorts.Add(cohort);
        }
        if (!await db.TrySaveUniqueAsync(ct))
        {
            ModelState.AddFailure(Failure.Conflict("This programme already has a cohort with that name", nameof(CohortInput.Name)));
            return Page();
        }
        TempData["Flash"] = $"Saved the cohort {cohort.Name}.";
        return RedirectToPage("Details", new { id = cohort.Id });
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Programmes = await db.Programmes.AsNoTracking().OrderBy(p => p.Code).Select(p => new ProgrammeOption(p.Id, p.Code, p.Name)).ToListAsync(ct);
}
