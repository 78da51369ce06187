using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Pages.Shared;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Projects;

public class Project1Model(AppDbContext db, ProjectProgress progress, ProjectRecords records) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool IsNpqh { get; private set; }
    public IReadOnlyList<RequirementResult> Requirements { get; private set; } = [];

    // Project1Input as typed, with the dates in the three boxes of the GOV.UK date input.
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
        public DateParts BoardFeedbackOn { get; set; } = new();
        public string? SmartTarget { get; set; }
        public DateParts ImplementationStart { get; set; } = new();
        public string? Evaluation { get; set; }
        public string? Origin { get; set; }
        public bool WholeSchool { get; set; }

        public static InputModel From(Project1 p) => new()
        {
            Rationale = p.Rationale, BaselineEvidence = p.BaselineEvidence, SuccessCriteria = p.SuccessCriteria, Team = p.Team,
            Start = Forms.Parts(p.Start), PlannedEnd = Forms.Parts(p.PlannedEnd), BoardPresentedOn = Forms.Parts(p.BoardPresentedOn),
            BoardFeedback = p.BoardFeedback, ImplementationStart = Forms.Parts(p.ImplementationStart), Evaluation = p.Evaluation,
            SmartTarget = p.SmartTarget, BoardFeedbackOn = Forms.Parts(p.BoardFeedbackOn), Origin = p.Origin?.ToString(), WholeSchool = p.WholeSchool,
        };

        // A date that cannot be read is explained beside its boxes and read as not given.
        public Project1Input Read(ModelStateDictionary state) => new(
            Rationale, BaselineEvidence, SuccessCriteria, Team,
            state.OptionalDate(Start, $"{nameof(Input)}.{nameof(Start)}", "the start date"),
            state.OptionalDate(PlannedEnd, $"{nameof(Input)}.{nameof(PlannedEnd)}", "the planned end date"),
            state.OptionalDate(BoardPresentedOn, $"{nameof(Input)}.{nameof(BoardPresentedOn)}", "the date the plan was presented to the governing board"),
            BoardFeedback,
            state.OptionalDate(ImplementationStart, $"{nameof(Input)}.{nameof(ImplementationStart)}", "the date implementation began"),
            Evaluation,
            SmartTarget,
            state.OptionalDate(BoardFeedbackOn, $"{nameof(Input)}.{nameof(BoardFeedbackOn)}", "the date the board's feedback was gathered"),
            Origin, WholeSchool);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var place = await LoadAsync(ct);
        if (place is not null && await db.Project1s.AsNoTracking().FirstOrDefaultAsync(p => p.ParticipantId == place.Id, ct) is { } project)
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
        var failure = ModelState.IsValid ? await records.SaveProject1Async(place.Id, input, ct) : Project1.Check(input);
        if (failure is not null)
        {
            ModelState.AddFailure(failure);
        }
        if (!ModelState.IsValid)
        {
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
