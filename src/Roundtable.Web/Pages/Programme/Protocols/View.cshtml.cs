using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;

namespace Roundtable.Web.Pages.Programme.Protocols;

// One protocol's current version, step by step for each group size it suits.
public class ViewModel(AppDbContext db, ProtocolLibrary library) : PageModel
{
    [FromRoute] public int Id { get; set; }
    public Protocol Protocol { get; private set; } = null!;
    public ProtocolPlan Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCopyAsync(CancellationToken ct)
    {
        var programmeId = await db.Protocols.Where(p => p.Id == Id).Select(p => p.ProgrammeId).FirstOrDefaultAsync(ct);
        var copy = await library.CopyAsync(Id, programmeId, User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        if (!copy.Succeeded)
        {
            return NotFound();
        }
        TempData["Flash"] = $"Made a copy: {copy.Value.Name}. Change its steps below.";
        return RedirectToPage("Edit", new { id = copy.Value.Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var plan = await library.PlanAsync(Id, ct);
        var protocol = await db.Protocols.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Id, ct);
        if (plan is null || protocol is null)
        {
            return false;
        }
        (Protocol, Plan) = (protocol, plan);
        return true;
    }
}
