using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.CaseStudies;

// A delegate's case study: the document and question, and their one response, typed (with the live
// word count) or uploaded as .docx/.pdf (counted like accounts), saved as a draft and submitted
// before their window closes. 404 for a case study of another cohort or before its window opens.
public class CaseStudyModel(AppDbContext db, Roundtable.Web.Projects.CaseStudies caseStudies, TimeProvider time) : PageModel
{
    public sealed record JudgementRow(string Criterion, bool Met, string Comment);

    [FromRoute] public int Id { get; set; }
    [BindProperty] public int Version { get; set; } = 1;
    [BindProperty] public Guid? Stamp { get; set; }
    [BindProperty] public List<string?> Sections { get; set; } = [];
    [BindProperty] public IFormFile? ResponseUpload { get; set; }
    public DelegateCaseStudy Mine { get; private set; } = null!;
    public DateTime Now { get; private set; }
    public List<JudgementRow> Judgements { get; private set; } = [];
    public string? ResponseFileName { get; private set; }

    public Submission? Answer => Mine.Response;

    public bool Open => Now >= Mine.CaseStudy.OpensAt && Now < Mine.ClosesAt;

    public bool Editable => Mine.Eligibility.Eligible && Open && (Answer is null || Answer.IsEditable);

    public string Text => Sections.Count > 0 ? Sections[0] ?? "" : "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Version = Answer?.Version ?? 1;
        Stamp = Answer?.ConcurrencyStamp;
        Sections = [Answer?.Section1 ?? ""];
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(CancellationToken ct)
    {
        var mine = await caseStudies.ForDelegateAsync(Id, User.UserId(), ct);
        if (mine is null)
        {
            return NotFound();
        }
        var file = await db.StoredFiles.AsNoTracking().FirstAsync(f => f.Id == mine.CaseStudy.FileId, ct);
        return File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnGetResponseFileAsync(CancellationToken ct)
    {
        var mine = await caseStudies.ForDelegateAsync(Id, User.UserId(), ct);
        if (mine?.Response?.AccountFileId is not { } fileId)
        {
            return NotFound();
        }
        var file = await db.StoredFiles.AsNoTracking().FirstAsync(f => f.Id == fileId, ct);
        return File(file.Content, file.ContentType, file.FileName);
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) =>
        DoAsync(caseStudies.SaveAsync(Id, User.UserId(), Input, submit: false, ct), "Your draft has been saved.", ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) =>
        DoAsync(caseStudies.SaveAsync(Id, User.UserId(), Input, submit: true, ct), "Your response has been submitted for assessment.", ct);

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        var counted = await caseStudies.UploadAsync(Id, User.UserId(), Input, ResponseUpload, ct);
        return await DoAsync(Task.FromResult(counted.Failure),
            counted.Succeeded ? $"Your response file was counted: {UkFormat.Plural(counted.Value.Words, "word", "words")}." : "", ct);
    }

    public Task<IActionResult> OnPostRemoveUploadAsync(CancellationToken ct) =>
        DoAsync(caseStudies.RemoveUploadAsync(Id, User.UserId(), Input, ct), "The uploaded file is no longer your response.", ct);

    private AccountInput Input => new(Version, Stamp, Sections, null, []);

    private async Task<IActionResult> DoAsync(Task<Failure?> action, string done, CancellationToken ct)
    {
        var failure = await action;
        if (failure is null)
        {
            TempData["Flash"] = done;
            return RedirectToPage(new { id = Id });
        }
        if (failure.Kind == FailureKind.NotFound || !await LoadAsync(ct))
        {
            return NotFound();
        }
        ModelState.AddFailure(failure, prefix: "");
        // What was typed stays on the page; the form carries the stamp of what is now saved.
        Version = Answer?.Version ?? 1;
        Stamp = Answer?.ConcurrencyStamp;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var mine = await caseStudies.ForDelegateAsync(Id, User.UserId(), ct);
        if (mine is null)
        {
            return false;
        }
        Mine = mine;
        Now = time.UtcNow();
        if (Answer?.AccountFileId is { } fileId)
        {
            ResponseFileName = await db.StoredFiles.AsNoTracking().Where(f => f.Id == fileId).Select(f => f.FileName).FirstOrDefaultAsync(ct);
        }
        if (Answer is { Status: SubmissionStatus.Released } released)
        {
            Judgements = await db.CriterionJudgements.AsNoTracking().Where(j => j.SubmissionId == released.Id)
                .OrderBy(j => j.Criterion.Position).ThenBy(j => j.Criterion.Code)
                .Select(j => new JudgementRow(j.Criterion.Code + " " + j.Criterion.Text, j.Met == true, j.Comment)).ToListAsync(ct);
        }
        return true;
    }
}
