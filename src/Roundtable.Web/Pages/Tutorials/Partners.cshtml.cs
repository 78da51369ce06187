using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;
using Roundtable.Web.Projects;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Pages.Tutorials;

// The directory: partners ranked by likeness to the delegate's own school (Project 1) or placement
// school (Project 2), with the reasons, and filters.
public class PartnersModel(DelegateTutorials tutorials, PartnerDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Project { get; set; } = ProjectNumbers.Change;
    [BindProperty(SupportsGet = true)] public SchoolPhase? Phase { get; set; }
    [BindProperty(SupportsGet = true)] public Region? Region { get; set; }
    [BindProperty(SupportsGet = true)] public SettingType? SettingType { get; set; }
    [BindProperty(SupportsGet = true)] public TutorialMode? Mode { get; set; }
    [BindProperty(SupportsGet = true)] public int? Reschedule { get; set; }

    public bool IsNpqh { get; private set; }
    public MatchTarget? Target { get; private set; }
    public List<DirectoryEntry> Partners { get; private set; } = [];
    public bool Filtered => Phase is not null || Region is not null || SettingType is not null || Mode is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ProjectNumbers.IsValid(Project))
        {
            return NotFound();
        }
        // Invalid filter values bind to null and are ignored rather than failing the page.
        ModelState.Clear();
        var place = await tutorials.PlaceAsync(User.UserId(), ct);
        if (place is null)
        {
            return Page();
        }
        IsNpqh = true;
        Target = await directory.TargetAsync(place, Project, ct);
        Partners = await directory.RankAsync(Target, new DirectoryFilter(Phase, Region, SettingType, Mode), ct);
        return Page();
    }
}
