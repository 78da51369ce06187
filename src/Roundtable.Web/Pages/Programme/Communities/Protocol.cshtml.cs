using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Communities;

namespace Roundtable.Web.Pages.Programme.Communities;

public class ProtocolModel(ProtocolSettings settings) : PageModel
{
    // Keyed groupSize * 1000 + position (ProtocolSettings.Key), so one flat form carries every size's steps.
    [BindProperty] public Dictionary<int, string> Minutes { get; set; } = [];
    public List<ProtocolTemplate> Templates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await settings.SaveAsync(Minutes, User.FindFirstValue(ClaimTypes.NameIdentifier), ct) is { } failure)
        {
            await LoadAsync(ct);
            ModelState.AddFailure(failure);
            return Page();
        }
        TempData["Flash"] = "Saved the protocol timings as a new version. Sessions planned from now on use them; sessions already planned keep theirs.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        if (await settings.ResetAsync(User.FindFirstValue(ClaimTypes.NameIdentifier), ct) is { } failure)
        {
            await LoadAsync(ct);
            ModelState.AddFailure(failure);
            return Page();
        }
        TempData["Flash"] = "The protocol timings are the guidance's again.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var templates = await settings.TemplatesAsync(ct);
        Templates = ProtocolTemplate.SupportedGroupSizes.Select(templates).ToList();
    }
}
