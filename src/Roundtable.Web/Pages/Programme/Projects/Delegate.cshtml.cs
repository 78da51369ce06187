using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Programme.Projects;

// One delegate's projects, and the requirement overrides the programme team keeps on record.
public class DelegateModel(AppDbContext db, ProjectProgress progress, ProjectOverrides overrides, AuditTrail trail) : PageModel
{
    public List<AuditRow> History { get; private set; } = [];

    public sealed record PersonView(string Name, string Email, string Cohort, string? School, string? Tutor);
    public sealed record SubmissionRow(int Id, int Project, int Version, SubmissionStatus Status, AssessmentOutcome? Outcome, DateTime? SubmittedAt);

    [FromRoute] public int Id { get; set; }
    [BindProperty] public OverrideForm Override { get; set; } = new();
    public PersonView Person { get; private set; } = null!;
    public DelegateProjects Progress { get; private set; } = null!;
    public List<RequirementOverride> Overrides { get; private set; } = [];
    public List<SubmissionRow> Submissions { get; private set; } = [];
    public RequirementOverride? ConfirmWithdraw { get; private set; }

    // OverrideInput as typed; Requirement is RequirementOverride.ChoiceValue's.
    public sealed class OverrideForm
    {
        public string? Requirement { get; set; }
        public string? Reason { get; set; }
    }

    private string MyName => User.FindFirst(AppClaims.FullName)?.Value ?? User.Identity?.Name ?? "";

    public async Task<IActionResult> OnGetAsync(int? withdraw, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (withdraw is int w)
        {
            ConfirmWithdraw = Overrides.FirstOrDefault(o => o.Id == w && o.WithdrawnAt is null);
            if (ConfirmWithdraw is null)
            {
                return NotFound();
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostOverrideAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var created = await overrides.OverrideAsync(Id, new OverrideInput(Override.Requirement, Override.Reason), User.UserId(), MyName, ct);
        if (!created.Succeeded)
        {
            ModelState.AddFailure(created.Failure, nameof(Override));
            return Page();
        }
        var o = created.Value;
        TempData["Flash"] = $"Overrode “{ProjectNumbers.RequirementName(o.Project, o.Key)}” for Project {o.Project}. The reason is kept on record.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int overrideId, CancellationToken ct)
    {
        if (await overrides.WithdrawAsync(Id, overrideId, MyName, ct) is not null)
        {
            return NotFound();
        }
        TempData["Flash"] = "The override has been withdrawn; it stays on record below.";
        return RedirectToPage(new { id = Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var person = await progress.NpqhParticipants.AsNoTracking().Where(p => p.Id == Id)
            .Select(p => new PersonView(p.User.FullName, p.User.Email ?? "", p.Cohort.Name, p.School!.Name, p.Tutor!.FullName))
            .FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return false;
        }
        Person = person;
        Progress = await progress.ForAsync(Id, ct);
        Overrides = await db.RequirementOverrides.AsNoTracking().Where(o => o.ParticipantId == Id)
            .OrderBy(o => o.WithdrawnAt != null).ThenByDescending(o => o.CreatedAt).ToListAsync(ct);
        Submissions = await db.Submissions.AsNoTracking().Where(s => s.ParticipantId == Id && s.Status != SubmissionStatus.Draft)
            .OrderBy(s => s.Project).ThenByDescending(s => s.Version)
            .Select(s => new SubmissionRow(s.Id, s.Project, s.Version, s.Status, s.Outcome, s.SubmittedAt)).ToListAsync(ct);
        var userId = await db.Participants.AsNoTracking().Where(p => p.Id == Id).Select(p => p.UserId).SingleAsync(ct);
        History = await trail.PersonHistoryAsync(userId, ct);
        return true;
    }
}
