using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Pages.Shared;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Projects;

public class Project1Model(AppDbContext db, ProjectProgress progress, TimeProvider time) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool IsNpqh { get; private set; }
    public IReadOnlyList<RequirementResult> Requirements { get; private set; } = [];

    public sealed class InputModel
    {
        public string? Rationale { get; set; }
        public string? BaselineEvidence { get; set; }
        public string? SuccessCriteria { get; set; }
        public string? Team { get; set; }
        public DateParts Start { get; set; } = new();
        public DateParts PlannedEnd { get; set; } = new();
        public DateParts BoardPresentedOn { get; set; } = new();
        public string? BoardFeedback { get; set; }
        public DateParts ImplementationStart { get; set; } = new();
        public string? Evaluation { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var place = await LoadAsync(ct);
        if (place is null)
        {
            return;
        }
        var project = await db.Project1s.AsNoTracking().FirstOrDefaultAsync(p => p.ParticipantId == place.Id, ct);
        if (project is not null)
        {
            Input = new InputModel
            {
                Rationale = project.Rationale, BaselineEvidence = project.BaselineEvidence, SuccessCriteria = project.SuccessCriteria,
                Team = project.Team, Start = Forms.Parts(project.Start), PlannedEnd = Forms.Parts(project.PlannedEnd),
                BoardPresentedOn = Forms.Parts(project.BoardPresentedOn), BoardFeedback = project.BoardFeedback,
                ImplementationStart = Forms.Parts(project.ImplementationStart), Evaluation = project.Evaluation,
            };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var place = await LoadAsync(ct);
        if (place is null)
        {
            return NotFound();
        }
        const int max = Project1.TextMaxLength;
        var rationale = ModelState.Text(Input.Rationale, "Input.Rationale", "the rationale and SMART target", max);
        var baseline = ModelState.Text(Input.BaselineEvidence, "Input.BaselineEvidence", "the baseline evidence", max);
        var success = ModelState.Text(Input.SuccessCriteria, "Input.SuccessCriteria", "the success criteria", max);
        var team = ModelState.Text(Input.Team, "Input.Team", "the team", max);
        var start = ModelState.OptionalDate(Input.Start, "Input.Start", "the start date");
        var plannedEnd = ModelState.OptionalDate(Input.PlannedEnd, "Input.PlannedEnd", "the planned end date");
        var board = ModelState.OptionalDate(Input.BoardPresentedOn, "Input.BoardPresentedOn", "the date the plan was presented to the governing board");
        var feedback = ModelState.Text(Input.BoardFeedback, "Input.BoardFeedback", "the governing board's feedback", max);
        var implementation = ModelState.OptionalDate(Input.ImplementationStart, "Input.ImplementationStart", "the date implementation began");
        var evaluation = ModelState.Text(Input.Evaluation, "Input.Evaluation", "the evaluation", max);
        if (start is { } s && plannedEnd is { } e && e <= s)
        {
            ModelState.AddModelError("Input.PlannedEnd", "The planned end date must be after the start date");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var project = await db.Project1s.FirstOrDefaultAsync(p => p.ParticipantId == place.Id, ct);
        if (project is null)
        {
            project = new Project1 { ParticipantId = place.Id };
            db.Project1s.Add(project);
        }
        project.Rationale = rationale;
        project.BaselineEvidence = baseline;
        project.SuccessCriteria = success;
        project.Team = team;
        project.Start = start;
        project.PlannedEnd = plannedEnd;
        project.BoardPresentedOn = board;
        project.BoardFeedback = feedback;
        project.ImplementationStart = implementation;
        project.Evaluation = evaluation;
        project.UpdatedAt = time.UtcNow();
        if (!await db.TrySaveUniqueAsync(ct))
        {
            ModelState.AddModelError("", "Project 1 was started in another window at the same moment. Save again to keep what you typed here.");
            return Page();
        }
        TempData["Flash"] = "Project 1 saved. The requirements have been checked again.";
        return RedirectToPage();
    }

    private async Task<Participant?> LoadAsync(CancellationToken ct)
    {
        var place = await progress.NpqhPlaceAsync(User.UserId(), ct);
        IsNpqh = place is not null;
        if (place is not null)
        {
            Requirements = (await progress.ForAsync(place.Id, ct)).Project1Requirements;
        }
        return place;
    }
}
