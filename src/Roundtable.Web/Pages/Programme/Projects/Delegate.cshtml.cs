using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Pages.Shared;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Pages.Projects;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Programme.Projects;

// One delegate's projects, and the requirement overrides the programme team keeps on record.
public class DelegateModel(AppDbContext db, ProjectProgress progress, TimeProvider time) : PageModel
{
    public sealed record PersonView(string Name, string Email, string Cohort, string? School, string? Tutor);
    public sealed record SubmissionRow(int Id, int Project, int Version, SubmissionStatus Status, AssessmentOutcome? Outcome, DateTime? SubmittedAt);

    [FromRoute] public int Id { get; set; }
    [BindProperty] public OverrideInput Override { get; set; } = new();
    public PersonView Person { get; private set; } = null!;
    public DelegateProjects Progress { get; private set; } = null!;
    public List<RequirementOverride> Overrides { get; private set; } = [];
    public List<SubmissionRow> Submissions { get; private set; } = [];
    public RequirementOverride? ConfirmWithdraw { get; private set; }

    public sealed class OverrideInput
    {
        public string? Requirement { get; set; }
        public string? Reason { get; set; }
    }

    public static string Value(int project, string key) => $"{project}:{key}";

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
        var parts = (Override.Requirement ?? "").Split(':', 2);
        var requirement = parts.Length == 2 && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var project) && ProjectNumbers.IsValid(project)
            ? ProjectNumbers.Requirements(project).FirstOrDefault(r => r.Key == parts[1]) is { } found ? (Project: project, found.Key, found.Name) : default
            : default;
        if (string.IsNullOrEmpty(Override.Requirement))
        {
            ModelState.AddModelError("Override.Requirement", "Choose the requirement to override");
        }
        else if (requirement.Key is null)
        {
            ModelState.AddModelError("Override.Requirement", "Choose a requirement from the list");
        }
        else if (Overrides.Any(o => o.WithdrawnAt is null && o.Project == requirement.Project && o.Key == requirement.Key))
        {
            ModelState.AddModelError("Override.Requirement", "This requirement is already overridden for this delegate");
        }
        var reason = ModelState.Text(Override.Reason, "Override.Reason", "the reason for the override", RequirementOverride.ReasonMaxLength, required: true);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.RequirementOverrides.Add(new RequirementOverride
        {
            ParticipantId = Id, Project = requirement.Project, Key = requirement.Key!, Reason = reason!,
            CreatedById = User.UserId(), CreatedByName = User.FindFirst(AppClaims.FullName)?.Value ?? User.Identity?.Name ?? "",
            CreatedAt = time.UtcNow(),
        });
        if (!await db.TrySaveUniqueAsync(ct))
        {
            ModelState.AddModelError("Override.Requirement", "This requirement is already overridden for this delegate");
            return Page();
        }
        TempData["Flash"] = $"Overrode “{requirement.Name}” for Project {requirement.Project}. The reason is kept on record.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int overrideId, CancellationToken ct)
    {
        var row = await db.RequirementOverrides.FirstOrDefaultAsync(o => o.Id == overrideId && o.ParticipantId == Id && o.WithdrawnAt == null, ct);
        if (row is null)
        {
            return NotFound();
        }
        row.WithdrawnAt = time.UtcNow();
        row.WithdrawnByName = User.FindFirst(AppClaims.FullName)?.Value ?? User.Identity?.Name ?? "";
        await db.SaveChangesAsync(ct);
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
        return true;
    }
}
