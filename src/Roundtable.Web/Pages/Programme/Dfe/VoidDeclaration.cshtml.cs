using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Dfe;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Auth;

namespace Roundtable.Web.Pages.Programme.Dfe;

// Programme team only (folder convention): what voiding this declaration means, then the void at DfE.
public class VoidDeclarationModel(AppDbContext db, DeclarationSubmissions submissions) : PageModel
{
    [FromRoute] public int Id { get; set; }
    public SentDeclaration? Declaration { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var voided = await submissions.VoidAsync(Id, User.UserId(), ct);
        if (!voided.Succeeded)
        {
            ModelState.AddFailure(voided.Failure, "");
            await LoadAsync(ct);
            return Page();
        }
        TempData["Flash"] = $"{Declaration!.DelegateName}'s {Declaration.Type.Text().ToLowerInvariant()} declaration has been voided at DfE.";
        return RedirectToPage("Declarations");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var x = await db.Declarations.AsNoTracking().Where(d => d.Id == Id)
            .Select(d => new { Row = d, Name = d.Participant.User.FullName, Cohort = d.Participant.Cohort.Name }).FirstOrDefaultAsync(ct);
        if (x is null)
        {
            return false;
        }
        Declaration = new SentDeclaration(x.Row.Id, x.Name, x.Cohort, x.Row.Type, x.Row.DeclarationDate, x.Row.HasPassed, x.Row.State,
            x.Row.DfeId, x.Row.DfeState, x.Row.StatementId, x.Row.Error, x.Row.UpdatedAt, x.Row.MayVoid);
        return true;
    }
}
