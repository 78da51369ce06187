using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Privacy;

namespace Roundtable.Web.Pages.Programme.People;

// Programme team only (folder convention): what erasing this person will delete and keep, then the erasure.
public class EraseModel(AppDbContext db, Erasure erasure) : PageModel
{
    [FromRoute] public string Id { get; set; } = "";
    [BindProperty] public bool Confirm { get; set; }
    public string Name { get; private set; } = "";
    public ErasureSummary? Preview { get; private set; }
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (Refusal is not null)
        {
            return Page();
        }
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), "Confirm that you want to erase this person");
            return Page();
        }
        var erased = await erasure.EraseAsync(Id, User.UserId(), ct);
        if (!erased.Succeeded)
        {
            ModelState.AddFailure(erased.Failure, "");
            return Page();
        }
        TempData["Flash"] = $"{Name}'s personal data has been erased. {Erasure.Describe(erased.Value)}";
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var person = await db.Users.AsNoTracking().Where(u => u.Id == Id).Select(u => new { u.FullName }).FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return false;
        }
        Name = person.FullName;
        var preview = await erasure.PreviewAsync(Id, User.UserId(), ct);
        if (preview.Succeeded)
        {
            Preview = preview.Value;
        }
        else
        {
            Refusal = preview.Failure.Message;
        }
        return true;
    }
}
