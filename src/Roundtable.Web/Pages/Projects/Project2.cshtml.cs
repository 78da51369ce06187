using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Pages.Shared;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Projects;

public class Project2Model(AppDbContext db, ProjectProgress progress, TimeProvider time) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool IsNpqh { get; private set; }
    public School? OwnSchool { get; private set; }
    public DelegateProjects? Progress { get; private set; }
    public int BudgetLines { get; private set; }
    public long BudgetTotal { get; private set; }

    public sealed class InputModel
    {
        public string? PlacementSchoolName { get; set; }
        public string? PlacementSchoolUrn { get; set; }
        public string? PlacementSchoolPhase { get; set; }
        public string? ContrastPerformance { get; set; }
        public string? ContrastPupilProfile { get; set; }
        public string? ContrastGeography { get; set; }
        public string? ContrastOther { get; set; }
        public string? Challenges { get; set; }
        public string? ActionPlan { get; set; }
        public DateParts BoardPresentedOn { get; set; } = new();
        public string? BoardFeedback { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var place = await LoadAsync(ct);
        if (place is null || Progress?.Project2 is not { } p)
        {
            return;
        }
        Input = new InputModel
        {
            PlacementSchoolName = p.PlacementSchoolName,
            PlacementSchoolUrn = p.PlacementSchoolUrn?.ToString(CultureInfo.InvariantCulture),
            PlacementSchoolPhase = p.PlacementSchoolPhase?.ToString(),
            ContrastPerformance = p.ContrastPerformance, ContrastPupilProfile = p.ContrastPupilProfile,
            ContrastGeography = p.ContrastGeography, ContrastOther = p.ContrastOther,
            Challenges = p.Challenges, ActionPlan = p.ActionPlan,
            BoardPresentedOn = Forms.Parts(p.BoardPresentedOn), BoardFeedback = p.BoardFeedback,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var place = await LoadAsync(ct);
        if (place is null)
        {
            return NotFound();
        }
        const int max = Project2.TextMaxLength;
        var name = ModelState.Text(Input.PlacementSchoolName, "Input.PlacementSchoolName", "the placement school's name", Project2.SchoolNameMaxLength);
        int? urn = null;
        if (!string.IsNullOrWhiteSpace(Input.PlacementSchoolUrn))
        {
            if (int.TryParse(Input.PlacementSchoolUrn.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var u) && School.IsValidUrn(u))
            {
                urn = u;
            }
            else
            {
                ModelState.AddModelError("Input.PlacementSchoolUrn", "The URN must be 6 digits, like 123456");
            }
        }
        SchoolPhase? phase = null;
        if (!string.IsNullOrEmpty(Input.PlacementSchoolPhase))
        {
            if (Enum.TryParse<SchoolPhase>(Input.PlacementSchoolPhase, out var ph) && Enum.IsDefined(ph))
            {
                phase = ph;
            }
            else
            {
                ModelState.AddModelError("Input.PlacementSchoolPhase", "Choose the phase from the list");
            }
        }
        var performance = ModelState.Text(Input.ContrastPerformance, "Input.ContrastPerformance", "how its performance contrasts", max);
        var pupils = ModelState.Text(Input.ContrastPupilProfile, "Input.ContrastPupilProfile", "how its pupil profile contrasts", max);
        var geography = ModelState.Text(Input.ContrastGeography, "Input.ContrastGeography", "how its geography contrasts", max);
        var other = ModelState.Text(Input.ContrastOther, "Input.ContrastOther", "other contrasts", max);
        var challenges = ModelState.Text(Input.Challenges, "Input.Challenges", "the resource and capability challenges", max);
        var plan = ModelState.Text(Input.ActionPlan, "Input.ActionPlan", "the action plan", max);
        var board = ModelState.OptionalDate(Input.BoardPresentedOn, "Input.BoardPresentedOn", "the date the plan was presented to the placement school's governing board");
        var feedback = ModelState.Text(Input.BoardFeedback, "Input.BoardFeedback", "the placement school's governing board's feedback", max);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var project = await progress.Project2ForChangeAsync(place.Id, ct);
        project.PlacementSchoolName = name;
        project.PlacementSchoolUrn = urn;
        project.PlacementSchoolPhase = phase;
        project.ContrastPerformance = performance;
        project.ContrastPupilProfile = pupils;
        project.ContrastGeography = geography;
        project.ContrastOther = other;
        project.Challenges = challenges;
        project.ActionPlan = plan;
        project.BoardPresentedOn = board;
        project.BoardFeedback = feedback;
        project.UpdatedAt = time.UtcNow();
        if (!await db.TrySaveUniqueAsync(ct))
        {
            ModelState.AddModelError("", "Project 2 was started in another window at the same moment. Save again to keep what you typed here.");
            return Page();
        }
        TempData["Flash"] = "Project 2 saved. The requirements have been checked again.";
        return RedirectToPage();
    }

    public static IEnumerable<(string Value, string Text)> Phases =>
        EnumText.Values<SchoolPhase>().Select(p => (p.ToString(), EnumText.Display(p)));

    private async Task<Participant?> LoadAsync(CancellationToken ct)
    {
        var place = await progress.NpqhPlaceAsync(User.UserId(), ct);
        IsNpqh = place is not null;
        if (place is null)
        {
            return null;
        }
        OwnSchool = place.School;
        Progress = await progress.ForAsync(place.Id, ct);
        if (Progress.Project2 is { } p)
        {
            var amounts = await db.BudgetLines.Where(l => l.Project2Id == p.Id).Select(l => l.AmountPence).ToListAsync(ct);
            BudgetLines = amounts.Count;
            BudgetTotal = amounts.Sum();
        }
        return place;
    }
}
