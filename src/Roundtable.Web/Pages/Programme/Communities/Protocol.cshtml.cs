using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;

namespace Roundtable.Web.Pages.Programme.Communities;

public class ProtocolModel(AppDbContext db, ProtocolSettings settings) : PageModel
{
    // Keyed groupSize * 1000 + position (ProtocolSettings.Key), so one flat form carries every size's steps.
    [BindProperty] public Dictionary<int, string> Minutes { get; set; } = [];
    public List<ProtocolTemplate> Templates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await settings.SaveAsync(Minutes, ct) is { } failure)
        {
            await LoadAsync(ct);
            ModelState.AddFailure(failure);
            return Page();
        }
        TempData["Flash"] = "Saved the protocol timings. Agendas use them from now on.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        // Removed one by one (not ExecuteDelete) so that each removal reaches the audit trail.
        db.ProtocolSteps.RemoveRange(await db.ProtocolSteps.ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "The protocol timings are the guidance's again.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var templates = await settings.TemplatesAsync(ct);
        Templates = ProtocolTemplate.SupportedGroupSizes.Select(templates).ToList();
    }
}
