using System.ComponentModel.DataAnnotations;
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

    public sealed class InputModel
    {
        public int ProgrammeId { get; set; }

        [Required(ErrorMessage = "Enter the cohort's name")]
        [StringLength(Cohort.NameMaxLength, ErrorMessage = "Enter a name of at most 100 characters")]
        public string Name { get; set; } = "";

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
        if (Programmes.All(p => p.Id != Input.ProgrammeId))
        {
            ModelState.AddModelError("Input.ProgrammeId", "Choose a programme");
        }
        if (Input.CourseStart.TryGet("the course start date", out var start) is { } dateError)
        {
            ModelState.AddModelError("Input.CourseStart", dateError);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var cohort = Id is null ? new Cohort() : await db.Cohorts.FindAsync([Id], ct);
        if (cohort is null)
        {
            return NotFound();
        }
        cohort.ProgrammeId = Input.ProgrammeId;
        cohort.Name = Input.Name.Trim();
        cohort.CourseStart = start;
        if (Id is null)
        {
            db.Cohorts.Add(cohort);
        }
        if (!await db.TrySaveUniqueAsync(ct))
        {
            ModelState.AddModelError("Input.Name", "This programme already has a cohort with that name");
            return Page();
        }
        TempData["Flash"] = $"Saved the cohort {cohort.Name}.";
        return RedirectToPage("Details", new { id = cohort.Id });
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Programmes = await db.Programmes.AsNoTracking().OrderBy(p => p.Code).Select(p => new ProgrammeOption(p.Id, p.Code, p.Name)).ToListAsync(ct);
}
