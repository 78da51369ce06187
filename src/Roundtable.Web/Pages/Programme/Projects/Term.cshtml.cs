using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Pages.Shared;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Programme.Projects;

public class TermModel(AppDbContext db, ProjectCalendar calendar) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool ConfirmDelete { get; private set; }

    // TermInput as typed, with the dates in the three boxes of the GOV.UK date input.
    public sealed class InputModel
    {
        public string? AcademicYear { get; set; }
        public string? Name { get; set; }
        public DateParts Start { get; set; } = new();
        public DateParts End { get; set; } = new();
    }

    public async Task<IActionResult> OnGetAsync(bool delete, CancellationToken ct)
    {
        if (Id is null)
        {
            return Page();
        }
        var term = await db.SchoolTerms.AsNoTracking().FirstOrDefaultAsync(t => t.Id == Id, ct);
        if (term is null)
        {
            return NotFound();
        }
        Input = new InputModel { AcademicYear = term.AcademicYear, Name = term.Name, Start = DateParts.From(term.Start), End = DateParts.From(term.End) };
        ConfirmDelete = delete;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new TermInput(Input.AcademicYear, Input.Name,
            ModelState.RequiredDate(Input.Start, $"{nameof(Input)}.{nameof(Input.Start)}", "the first day of term"),
            ModelState.RequiredDate(Input.End, $"{nameof(Input)}.{nameof(Input.End)}", "the last day of term"));
        if (!ModelState.IsValid)
        {
            if (SchoolTerm.Check(input) is { } invalid)
            {
                ModelState.AddFailure(invalid);
            }
            return Page();
        }
        var saved = await calendar.SaveTermAsync(Id, input, ct);
        if (!saved.Succeeded)
        {
            if (saved.Failure.Kind == FailureKind.NotFound)
            {
                return NotFound();
            }
            ModelState.AddFailure(saved.Failure);
            return Page();
        }
        TempData["Flash"] = $"Saved {saved.Value.Name}.";
        return RedirectToPage("Terms");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (await calendar.DeleteTermAsync(Id ?? 0, ct) is not { Value: { } term })
        {
            return NotFound();
        }
        TempData["Flash"] = $"Deleted {term.Name}.";
        return RedirectToPage("Terms");
    }
}
