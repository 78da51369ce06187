using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Pages.Shared;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Projects;

public class Project2Model(AppDbContext db, ProjectProgress progress, ProjectRecords records) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool IsNpqh { get; private set; }
    public School? OwnSchool { get; private set; }
    public DelegateProjects? Progress { get; private set; }
    public int BudgetLines { get; private set; }
    public long BudgetTotal { get; private set; }

    // Project2Input as typed, with the board's date in the three boxes of the GOV.UK date input.
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
        public string? AreaExperience { get; set; }
        public bool AreaToImprove { get; set; }
        public bool LeadsActionPlan { get; set; }

        public static InputModel From(Project2 p) => new()
        {
            PlacementSchoolName = p.PlacementSchoolName,
            PlacementSchoolUrn = p.PlacementSchoolUrn?.ToString(CultureInfo.InvariantCulture),
            PlacementSchoolPhase = p.PlacementSchoolPhase?.ToString(),
            ContrastPerformance = p.ContrastPerformance, ContrastPupilProfile = p.ContrastPupilProfile,
            ContrastGeography = p.ContrastGeography, ContrastOther = p.ContrastOther,
            Challenges = p.Challenges, ActionPlan = p.ActionPlan,
            BoardPresentedOn = Forms.Parts(p.BoardPresentedOn), BoardFeedback = p.BoardFeedback,
            AreaExperience = p.AreaExperience, AreaToImprove = p.AreaToImprove, LeadsActionPlan = p.LeadsActionPlan,
        };

        public Project2Input Read(ModelStateDictionary state) => new(
            PlacementSchoolName, PlacementSchoolUrn, PlacementSchoolPhase,
            ContrastPerformance, ContrastPupilProfile, ContrastGeography, ContrastOther, Challenges, ActionPlan,
            state.OptionalDate(BoardPresentedOn, $"{nameof(Input)}.{nameof(BoardPresentedOn)}", "the date the plan was presented to the placement school's governing board"),
            BoardFeedback, AreaExperience, AreaToImprove, LeadsActionPlan);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var place = await LoadAsync(ct);
        if (place is not null && Progress?.Project2 is { } project)
        {
            Input = InputModel.From(project);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var place = await LoadAsync(ct);
        if (place is null)
        {
            return NotFound();
        }
        var input = Input.Read(ModelState);
        var failure = ModelState.IsValid ? await records.SaveProject2Async(place.Id, input, ct) : Project2.Check(input);
        if (failure is not null)
        {
            ModelState.AddFailure(failure);
        }
        if (!ModelState.IsValid)
        {
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
