using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Pages.Projects;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Programme.Projects;

// One submitted version: the team assigns an assessor, reads the assessment and releases the outcome.
public class SubmissionModel(AppDbContext db, TimeProvider time) : PageModel
{
    public sealed record AssessorOption(string Id, string Name, int Assigned);
    public sealed record JudgementRow(string Criterion, bool Met, string Comment);

    [FromRoute] public int Id { get; set; }
    [BindProperty] public string? AssessorId { get; set; }
    public Submission Submission { get; private set; } = null!;
    public string Delegate { get; private set; } = "";
    public int ParticipantId { get; private set; }
    public AccountView Account { get; private set; } = null!;
    public List<AssessorOption> Assessors { get; private set; } = [];
    public List<JudgementRow> Judgements { get; private set; } = [];
    public bool ConfirmRelease { get; private set; }

    public bool CanAssign => Submission.Status is SubmissionStatus.Submitted or SubmissionStatus.Assigned;

    public async Task<IActionResult> OnGetAsync(bool release, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        ConfirmRelease = release && Submission.Status == SubmissionStatus.Assessed;
        AssessorId = Submission.AssessorId;
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(int documentId, CancellationToken ct)
    {
        var file = await db.SubmissionDocuments.AsNoTracking().Where(d => d.Id == documentId && d.SubmissionId == Id).Select(d => d.File).FirstOrDefaultAsync(ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var assessor = Assessors.FirstOrDefault(a => a.Id == AssessorId);
        if (!CanAssign)
        {
            ModelState.AddModelError("", "This submission has been assessed: it can no longer be given to another assessor.");
        }
        else if (string.IsNullOrEmpty(AssessorId))
        {
            ModelState.AddModelError(nameof(AssessorId), "Choose an assessor");
        }
        else if (assessor is null)
        {
            ModelState.AddModelError(nameof(AssessorId), "Choose an assessor from the list");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var submission = await db.Submissions.SingleAsync(s => s.Id == Id, ct);
        if (submission.Status is not (SubmissionStatus.Submitted or SubmissionStatus.Assigned))
        {
            ModelState.AddModelError("", "This submission has been assessed: it can no longer be given to another assessor.");
            return Page();
        }
        submission.AssessorId = assessor!.Id;
        submission.AssignedAt = time.UtcNow();
        submission.Status = SubmissionStatus.Assigned;
        submission.Touch(time.UtcNow());
        if (!await TrySaveAsync(ct))
        {
            return Page();
        }
        TempData["Flash"] = $"Assigned to {assessor.Name}.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostReleaseAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (Submission.Status != SubmissionStatus.Assessed)
        {
            ModelState.AddModelError("", Submission.Status == SubmissionStatus.Released
                ? "This outcome has already been released."
                : "Only an assessed submission can be released.");
            return Page();
        }
        var submission = await db.Submissions.SingleAsync(s => s.Id == Id, ct);
        if (submission.Status != SubmissionStatus.Assessed)
        {
            ModelState.AddModelError("", "This outcome has already been released.");
            return Page();
        }
        var now = time.UtcNow();
        submission.Status = SubmissionStatus.Released;
        submission.ReleasedAt = now;
        submission.ReleasedById = User.UserId();
        submission.Touch(now);
        if (!await TrySaveAsync(ct))
        {
            return Page();
        }
        TempData["Flash"] = $"Released the outcome to {Delegate}.";
        return RedirectToPage(new { id = Id });
    }

    // The assessor may be saving at the same moment; the loser is told and nothing is half-done.
    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(ct);
            ModelState.AddModelError("", "Someone else changed this submission at the same moment. Check it and try again.");
            return false;
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var row = await db.Submissions.AsNoTracking().Where(s => s.Id == Id && s.Status != SubmissionStatus.Draft)
            .Select(s => new { Submission = s, s.Participant.User.FullName }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return false;
        }
        Submission = row.Submission;
        Delegate = row.FullName;
        ParticipantId = row.Submission.ParticipantId;
        Account = AccountQueries.View(Submission, await AccountQueries.DocumentsAsync(db, Id, ct), $"/Programme/Projects/Submission/{Id}?handler=Download&documentId=");
        var assessorRole = RoleSeed.IdOf(Roles.Assessor);
        Assessors = await db.Users.AsNoTracking().Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == assessorRole))
            .OrderBy(u => u.FullName)
            .Select(u => new AssessorOption(u.Id, u.FullName, db.Submissions.Count(s => s.AssessorId == u.Id && s.Status == SubmissionStatus.Assigned)))
            .ToListAsync(ct);
        Judgements = await db.CriterionJudgements.AsNoTracking().Where(j => j.SubmissionId == Id)
            .OrderBy(j => j.Criterion.Position).ThenBy(j => j.Criterion.Code)
            .Select(j => new JudgementRow(j.Criterion.Code + " " + j.Criterion.Text, j.Met == true, j.Comment)).ToListAsync(ct);
        return true;
    }
}
