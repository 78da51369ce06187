using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Pages.Projects;
using Roundtable.Web.Pages.Shared;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Programme.Projects;

public class TermModel(AppDbContext db) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool ConfirmDelete { get; private set; }

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
        var term = Id is null ? null : await db.SchoolTerms.FirstOrDefaultAsync(t => t.Id == Id, ct);
        if (Id is not null && term is null)
        {
            return NotFound();
        }
        var year = Input.AcademicYear?.Trim();
        if (string.IsNullOrEmpty(year))
        {
            ModelState.AddModelError("Input.AcademicYear", "Enter the academic year");
        }
        else if (!SchoolTerm.IsValidAcademicYear(year))
        {
            ModelState.AddModelError("Input.AcademicYear", "Enter the academic year like 2027/28");
        }
        var name = ModelState.Text(Input.Name, "Input.Name", "the term's name", SchoolTerm.NameMaxLength, required: true);
        var start = ModelState.RequiredDate(Input.Start, "Input.Start", "the first day of term");
        var end = ModelState.RequiredDate(Input.End, "Input.End", "the last day of term");
        if (start is { } s && end is { } e && e < s)
        {
            ModelState.AddModelError("Input.End", "The last day of term must be on or after the first day");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var others = await db.SchoolTerms.AsNoTracking().Where(t => t.Id != (Id ?? 0)).ToListAsync(ct);
        var candidate = new TermPeriod(year!, name!, start!.Value, end!.Value);
        foreach (var problem in SchoolTerms.Validate(others.Select(t => t.ToPeriod()).Append(candidate)))
        {
            ModelState.AddModelError("", problem);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (term is null)
        {
            term = new SchoolTerm();
            db.SchoolTerms.Add(term);
        }
        term.AcademicYear = year!;
        term.Name = name!;
        term.Start = start.Value;
        term.End = end.Value;
        if (!await db.TrySaveUniqueAsync(ct))
        {
            ModelState.AddModelError("Input.Name", "Another term with this name or start date was saved at the same moment");
            return Page();
        }
        TempData["Flash"] = $"Saved {name}.";
        return RedirectToPage("Terms");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var term = await db.SchoolTerms.FirstOrDefaultAsync(t => t.Id == Id, ct);
        if (term is null)
        {
            return NotFound();
        }
        db.SchoolTerms.Remove(term);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = $"Deleted {term.Name}.";
        return RedirectToPage("Terms");
    }
}
