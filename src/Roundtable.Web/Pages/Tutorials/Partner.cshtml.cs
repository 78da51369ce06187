using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Projects;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Pages.Tutorials;

public class PartnerModel(PartnerDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Project { get; set; } = ProjectNumbers.Change;
    [BindProperty(SupportsGet = true)] public int? Reschedule { get; set; }

    public PartnerProfile Partner { get; private set; } = null!;
    public string Name { get; private set; } = "";
    public List<FreeSlot> Slots { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!ProjectNumbers.IsValid(Project))
        {
            return NotFound();
        }
        var found = await directory.ActivePartners.AsNoTracking().Where(p => p.UserId == id)
            .Select(p => new { Profile = p, p.User.FullName }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return NotFound();
        }
        (Partner, Name) = (found.Profile, found.FullName);
        Slots = await directory.FreeSlotsAsync(Partner.Id, ct: ct);
        return Page();
    }
}
