using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Pages.Projects;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Assessor;

// The account and its evidence beside the criteria: met or not met with a comment for each, and the
// overall outcome. Assessors see only the submissions assigned to them; any other id is 404.
public class SubmissionModel(AppDbContext db, TimeProvider time) : PageModel
{
    public sealed class JudgementInput
    {
        public int CriterionId { get; set; }
        public string? Met { get; set; }
        public string? Comment { get; set; }
    }

    [FromRoute] public int Id { get; set; }
    [BindProperty] public List<JudgementInput> Judgements { get; set; } = [];
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? OutcomeComment { get; set; }
    public Submission Submission { get; private set; } = null!;
    public string Delegate { get; private set; } = "";
    public AccountView Account { get; private set; } = null!;
    public List<AssessmentCriterion> Criteria { get; private set; } = [];

    public bool Editable => Submission.Status is SubmissionStatus.Assigned or SubmissionStatus.Assessed;

    // The error summary lists top-level keys shortest first, then alphabetically; keys of one length
    // numbered in page order keep its list in the order of the form. They are also the fields' ids.
    public static string MetKey(int index) => $"assessment-{index:000}-1";

    public static string CommentKey(int index) => $"assessment-{index:000}-2";

    public string OutcomeKey => MetKey(Criteria.Count);

    public string OutcomeCommentKey => CommentKey(Criteria.Count);

    public JudgementInput InputFor(int criterionId) =>
        Judgements.FirstOrDefault(j => j.CriterionId == criterionId) ?? new JudgementInput { CriterionId = criterionId };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var saved = await db.CriterionJudgements.AsNoTracking().Where(j => j.SubmissionId == Id).ToListAsync(ct);
        Judgements = saved.Select(j => new JudgementInput
        {
            CriterionId = j.CriterionId,
            Met = j.Met switch { true => "true", false => "false", null => null },
            Comment = j.Comment,
        }).ToList();
        Outcome = Submission.Outcome?.ToString();
        OutcomeComment = Submission.OutcomeComment;
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(int documentId, CancellationToken ct)
    {
        var me = User.UserId();
        var file = await db.SubmissionDocuments.AsNoTracking()
            .Where(d => d.Id == documentId && d.SubmissionId == Id && db.Submissions.Any(s => s.Id == Id && s.AssessorId == me))
            .Select(d => d.File).FirstOrDefaultAsync(ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SaveAsync(complete: false, ct);

    public Task<IActionResult> OnPostCompleteAsync(CancellationToken ct) => SaveAsync(complete: true, ct);

    private async Task<IActionResult> SaveAsync(bool complete, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!Editable)
        {
            ModelState.AddModelError("", "The outcome has been released, so the assessment can no longer be changed.");
            return Page();
        }
        // Once assessed, every save must leave a complete assessment behind.
        complete |= Submission.Status == SubmissionStatus.Assessed;
        var values = new List<(AssessmentCriterion Criterion, bool? Met, string Comment)>();
        for (var i = 0; i < Criteria.Count; i++)
        {
            var c = Criteria[i];
            var input = InputFor(c.Id);
            bool? met = input.Met switch { "true" => true, "false" => false, _ => null };
            var comment = input.Comment?.Trim() ?? "";
            if (comment.Length > Submission.CommentMaxLength)
            {
                ModelState.AddModelError(CommentKey(i), $"The comment on criterion {c.Code} must be {UkFormat.Number(Submission.CommentMaxLength)} characters or fewer");
            }
            if (complete && met is null)
            {
                ModelState.AddModelError(MetKey(i), $"Choose met or not met for criterion {c.Code}");
            }
            if (complete && comment.Length == 0)
            {
                ModelState.AddModelError(CommentKey(i), $"Enter a comment on criterion {c.Code}");
            }
            values.Add((c, met, comment));
        }
        AssessmentOutcome? outcome = Outcome switch
        {
            nameof(AssessmentOutcome.Passed) => AssessmentOutcome.Passed,
            nameof(AssessmentOutcome.NotPassed) => AssessmentOutcome.NotPassed,
            _ => null,
        };
        var overall = OutcomeComment?.Trim() ?? "";
        if (overall.Length > Submission.CommentMaxLength)
        {
            ModelState.AddModelError(OutcomeCommentKey, $"The overall comment must be {UkFormat.Number(Submission.CommentMaxLength)} characters or fewer");
        }
        if (complete)
        {
            if (Criteria.Count == 0)
            {
                ModelState.AddModelError("", "The programme team has not entered the criteria for this project yet, so it cannot be assessed.");
            }
            if (outcome is null)
            {
                ModelState.AddModelError(OutcomeKey, "Choose the overall outcome");
            }
            else if (outcome == AssessmentOutcome.Passed && values.Any(v => v.Met == false))
            {
                ModelState.AddModelError(OutcomeKey, "A project can pass only when every criterion is met");
            }
            if (overall.Length == 0)
            {
                ModelState.AddModelError(OutcomeCommentKey, "Enter an overall comment for the delegate");
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = time.UtcNow();
        var submission = await db.Submissions.Include(s => s.Judgements).SingleAsync(s => s.Id == Id, ct);
        foreach (var (criterion, met, comment) in values)
        {
            var judgement = submission.Judgements.FirstOrDefault(j => j.CriterionId == criterion.Id);
            if (judgement is null)
            {
                if (met is null && comment.Length == 0)
                {
                    continue;
                }
                judgement = new CriterionJudgement { CriterionId = criterion.Id };
                submission.Judgements.Add(judgement);
            }
            judgement.Met = met;
            judgement.Comment = comment;
            judgement.RecordedAt = now;
        }
        submission.Outcome = outcome;
        submission.OutcomeComment = overall.Length == 0 ? null : overall;
        if (complete)
        {
            submission.Status = SubmissionStatus.Assessed;
            submission.AssessedAt = now;
        }
        submission.Touch(now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueSave.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            await LoadAsync(ct);
            ModelState.AddModelError("", Submission.Status == SubmissionStatus.Released
                ? "The programme team released the outcome while you were saving, so your changes were not saved."
                : "This assessment was changed in another window at the same moment. Your judgements are below: save again to keep them.");
            return Page();
        }
        TempData["Flash"] = complete ? "Assessment complete. The programme team will release the outcome to the delegate." : "Your judgements have been saved.";
        return RedirectToPage(new { id = Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var me = User.UserId();
        var row = await db.Submissions.AsNoTracking().Where(s => s.Id == Id && s.AssessorId == me)
            .Select(s => new { Submission = s, s.Participant.User.FullName }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return false;
        }
        Submission = row.Submission;
        Delegate = row.FullName;
        Account = AccountQueries.View(Submission, await AccountQueries.DocumentsAsync(db, Id, ct), $"/Assessor/Submission/{Id}?handler=Download&documentId=");
        Criteria = await db.AssessmentCriteria.AsNoTracking().Where(c => c.Project == Submission.Project)
            .OrderBy(c => c.Position).ThenBy(c => c.Code).ToListAsync(ct);
        return true;
    }
}
