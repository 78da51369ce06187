using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Data;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Programme.Schools;

public class EditModel(AppDbContext db) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public SchoolInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            return Page();
        }
        var school = await db.Schools.FindAsync([Id], ct);
        if (school is null)
        {
            return NotFound();
        }
        Input = SchoolInput.From(school);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var details = Input.Check();
        if (!details.Succeeded)
        {
            ModelState.AddFailure(details.Failure);
            return Page();
        }
        var school = Id is null ? new School() : await db.Schools.FindAsync([Id], ct);
        if (school is null)
        {
            return NotFound();
        }
        school.Update(details.Value);
        if (Id is null)
        {
            db.Schools.Add(school);
        }
        if (!await db.TrySaveUniqueAsync(ct))
        {
            ModelState.AddFailure(Failure.Conflict($"There is already a school with the URN {details.Value.Urn}", nameof(SchoolInput.Urn)));
            return Page();
        }
        TempData["Flash"] = $"Saved {school.Name}.";
        return RedirectToPage("Index");
    }
}
