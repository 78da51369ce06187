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
// The form's fields are AssessmentInput's, at the top level.
public class SubmissionModel(AppDbContext db, Assessments assessments) : PageModel
{
    public sealed class JudgementForm
    {
        public int CriterionId { get; set; }
        public string? Met { get; set; }
        public string? Comment { get; set; }
    }

    [FromRoute] public int Id { get; set; }
    [BindProperty] public List<JudgementForm> Judgements { get; set; } = [];
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? OutcomeComment { get; set; }
    public Submission Submission { get; private set; } = null!;
    public string Delegate { get; private set; } = "";
    public AccountView Account { get; private set; } = null!;
    public List<AssessmentCriterion> Criteria { get; private set; } = [];

    public bool Editable => Submission.CanJudge;

    // The error summary lists keys shortest first, then alphabetically, so the form's fields have
    // numbered keys of one length ("assessment-001-1") that keep it in the order of the form; they are
    // also the fields' ids. The key of each of AssessmentInput's fields is the one of its position.
    public static string MetKey(int index) => Key(2 * index);

    public static string CommentKey(int index) => Key(2 * index + 1);

    public string OutcomeKey => MetKey(Criteria.Count);

    public string OutcomeCommentKey => CommentKey(Criteria.Count);

    public JudgementForm InputFor(int criterionId) =>
        Judgements.FirstOrDefault(j => j.CriterionId == criterionId) ?? new JudgementForm { CriterionId = criterionId };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var saved = await db.CriterionJudgements.AsNoTracking().Where(j => j.SubmissionId == Id).ToListAsync(ct);
        Judgements = saved.Select(j => new JudgementForm
        {
            CriterionId = j.CriterionId,
            Met = j.Met switch { true => "true", false => "false", null => null },
            Comment = j.Comment,
        }).ToList();
        Outcome = Submission.Outcome?.ToString();
        OutcomeComment = Submission.OutcomeComment;
        return Page();
    }

    // The account itself, when the delegate uploaded it as a file.
    public async Task<IActionResult> OnGetAccountFileAsync(CancellationToken ct)
    {
        var me = User.UserId();
        var file = await db.Submissions.AsNoTracking().Where(s => s.Id == Id && s.AssessorId == me).Select(s => s.AccountFile).FirstOrDefaultAsync(ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnGetDownloadAsync(int documentId, CancellationToken ct)
    {
        var me = User.UserId();
        var file = await db.SubmissionDocuments.AsNoTracking()
            .Where(d => d.Id == documentId && d.SubmissionId == Id && db.Submissions.Any(s => s.Id == Id && s.AssessorId == me))
            .Select(d => d.File).FirstOrDefaultAsync(ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => JudgeAsync(complete: false, ct);

    public Task<IActionResult> OnPostCompleteAsync(CancellationToken ct) => JudgeAsync(complete: true, ct);

    private async Task<IActionResult> JudgeAsync(bool complete, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var input = new AssessmentInput(
            Judgements.Select(j => new JudgementInput(j.CriterionId, j.Met switch { "true" => true, "false" => false, _ => null }, j.Comment)).ToList(),
            Enum.TryParse<AssessmentOutcome>(Outcome, out var outcome) && Enum.IsDefined(outcome) ? outcome : null,
            OutcomeComment);
        var judged = await assessments.JudgeAsync(Id, User.UserId(), input, complete, ct);
        if (!judged.Succeeded)
        {
            await LoadAsync(ct);
            ModelState.AddFailure(judged.Failure, KeyFor);
            return Page();
        }
        TempData["Flash"] = judged.Value == SubmissionStatus.Assessed
            ? "Assessment complete. The programme team will release the outcome to the delegate."
            : "Your judgements have been saved.";
        return RedirectToPage(new { id = Id });
    }

    private string KeyFor(string field)
    {
        List<string> fields =
        [
            .. Criteria.SelectMany((_, i) => new[] { AssessmentInput.MetField(i), AssessmentInput.CommentField(i) }),
            nameof(AssessmentInput.Outcome),
            nameof(AssessmentInput.OutcomeComment),
        ];
        var position = fields.IndexOf(field);
        return position < 0 ? field : Key(position);
    }

    private static string Key(int position) => $"assessment-{position / 2:000}-{position % 2 + 1}";

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var me = User.UserId();
        var row = await db.Submissions.AsNoTracking().Where(s => s.Id == Id && s.AssessorId == me)
            .Select(s => new { Submission = s, s.Participant.User.FullName, Limit = s.CaseStudy != null ? s.CaseStudy.WordLimit : (int?)null }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return false;
        }
        Submission = row.Submission;
        Delegate = row.FullName;
        Account = ProjectViews.Account(Submission, await assessments.DocumentsAsync(Id, ct), $"/Assessor/Submission/{Id}?handler=Download&documentId=", row.Limit);
        Criteria = await assessments.CriteriaAsync(Submission.Project, ct);
        return true;
    }
}
