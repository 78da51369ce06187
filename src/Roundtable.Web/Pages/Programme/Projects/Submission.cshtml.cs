using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Pages.Projects;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Programme.Projects;

// One submitted version: the team assigns an assessor, reads the assessment and releases the outcome.
// The assignment form's field is AssignmentInput's, at the top level.
public class SubmissionModel(AppDbContext db, Assessments assessments, AuditTrail trail) : PageModel
{
    public List<AuditRow> History { get; private set; } = [];

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

    public bool CanAssign => Submission.CanAssign;

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

    // The account itself, when the delegate uploaded it as a file.
    public async Task<IActionResult> OnGetAccountFileAsync(CancellationToken ct)
    {
        var file = await db.Submissions.AsNoTracking().Where(s => s.Id == Id).Select(s => s.AccountFile).FirstOrDefaultAsync(ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnGetDownloadAsync(int documentId, CancellationToken ct)
    {
        var file = await db.SubmissionDocuments.AsNoTracking().Where(d => d.Id == documentId && d.SubmissionId == Id).Select(d => d.File).FirstOrDefaultAsync(ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken ct)
    {
        var assigned = await assessments.AssignAsync(Id, new AssignmentInput(AssessorId), ct);
        if (!assigned.Succeeded)
        {
            return await RedisplayAsync(assigned.Failure, ct);
        }
        TempData["Flash"] = $"Assigned to {assigned.Value.Name}.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostReleaseAsync(CancellationToken ct)
    {
        if (await assessments.ReleaseAsync(Id, User.UserId(), ct) is { } failure)
        {
            return await RedisplayAsync(failure, ct);
        }
        var name = await db.Submissions.Where(s => s.Id == Id).Select(s => s.Participant.User.FullName).SingleAsync(ct);
        TempData["Flash"] = $"Released the outcome to {name}.";
        return RedirectToPage(new { id = Id });
    }

    private async Task<IActionResult> RedisplayAsync(Failure failure, CancellationToken ct)
    {
        if (failure.Kind == FailureKind.NotFound || !await LoadAsync(ct))
        {
            return NotFound();
        }
        ModelState.AddFailure(failure, prefix: "");
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var row = await db.Submissions.AsNoTracking().Where(s => s.Id == Id && s.Status != SubmissionStatus.Draft)
            .Select(s => new { Submission = s, s.Participant.User.FullName, Limit = s.CaseStudy != null ? s.CaseStudy.WordLimit : (int?)null }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return false;
        }
        Submission = row.Submission;
        Delegate = row.FullName;
        ParticipantId = row.Submission.ParticipantId;
        Account = ProjectViews.Account(Submission, await assessments.DocumentsAsync(Id, ct), $"/Programme/Projects/Submission/{Id}?handler=Download&documentId=", row.Limit);
        Assessors = await assessments.AssessorsAsync(ct);
        Judgements = await db.CriterionJudgements.AsNoTracking().Where(j => j.SubmissionId == Id)
            .OrderBy(j => j.Criterion.Position).ThenBy(j => j.Criterion.Code)
            .Select(j => new JudgementRow(j.Criterion.Code + " " + j.Criterion.Text, j.Met == true, j.Comment)).ToListAsync(ct);
        History = await trail.HistoryAsync(AuditedKinds.Submission, Id, ct);
        return true;
    }
}
