using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Projects;

// The written account for one project: one field per section with a live word count, supporting
// documents mapped to the criteria, the readiness panel, submission, the released outcome and
// resubmission. Every button posts the whole form, so what was typed is saved or shown again.
// The form's fields are AccountInput's and AttachmentInput's, at the top level.
[RequestSizeLimit(64 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
public class SubmissionModel(AppDbContext db, ProjectProgress progress, Assessments assessments, WrittenAccounts accounts) : PageModel
{
    public sealed class DocumentInput
    {
        public int Id { get; set; }
        public List<int> CriterionIds { get; set; } = [];
    }

    public sealed record DocumentRow(int Id, string FileName, long Size, IReadOnlyList<int> CriterionIds);
    public sealed record VersionRow(int Version, SubmissionStatus Status, DateTime? SubmittedAt, AssessmentOutcome? Outcome);
    public sealed record JudgementRow(string Criterion, bool Met, string Comment);

    [FromRoute] public int Project { get; set; }
    [BindProperty] public List<string?> Sections { get; set; } = [];
    [BindProperty] public string? Annexes { get; set; }
    [BindProperty] public string? Form { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public Guid? Stamp { get; set; }
    [BindProperty] public List<DocumentInput> Documents { get; set; } = [];
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public IFormFile? AccountUpload { get; set; }
    [BindProperty] public List<int> UploadCriterionIds { get; set; } = [];

    public bool IsNpqh { get; private set; }
    public Submission? Current { get; private set; }
    public List<AssessmentCriterion> Criteria { get; private set; } = [];
    public List<DocumentRow> DocumentRows { get; private set; } = [];
    public IReadOnlyList<RequirementResult> Requirements { get; private set; } = [];
    public List<VersionRow> EarlierVersions { get; private set; } = [];
    public Submission? Released { get; private set; }
    public List<JudgementRow> ReleasedJudgements { get; private set; } = [];
    public DocumentRow? ConfirmRemove { get; private set; }

    public int WordLimit => ProjectNumbers.WordLimit(Project);
    public int Words => Current?.HasAccountFile == true ? Current.AccountFileWords : WordCount.CountSections(Sections);
    public string? AccountFileName { get; private set; }
    public bool Editing => Current is null || Current.IsEditable;
    public IReadOnlyList<AccountSection> SectionDefinitions => AccountSections.For(Project);

    public bool IsChecked(DocumentRow row, int criterionId) =>
        Documents.FirstOrDefault(d => d.Id == row.Id) is { } posted ? posted.CriterionIds.Contains(criterionId) : row.CriterionIds.Contains(criterionId);

    private AccountInput Input => new(Version, Stamp, Sections, Annexes, Documents.Select(d => new DocumentCriteriaInput(d.Id, d.CriterionIds)).ToList(), Form);

    public async Task<IActionResult> OnGetAsync(int? remove, CancellationToken ct)
    {
        if (!ProjectNumbers.IsValid(Project))
        {
            return NotFound();
        }
        var place = await PlaceAsync(ct);
        if (place is null)
        {
            return Page();
        }
        await LoadDisplayAsync(place, ct);
        Sections = Current is null ? ["", "", ""] : [.. Current.Sections];
        Annexes = Current?.Annexes;
        if (remove is int id)
        {
            ConfirmRemove = Editing ? DocumentRows.FirstOrDefault(d => d.Id == id) : null;
            if (ConfirmRemove is null)
            {
                return NotFound();
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(int documentId, CancellationToken ct)
    {
        var place = await progress.NpqhPlaceAsync(User.UserId(), ct);
        var file = place is null ? null : await db.SubmissionDocuments.AsNoTracking()
            .Where(d => d.Id == documentId && db.Submissions.Any(s => s.Id == d.SubmissionId && s.ParticipantId == place.Id))
            .Select(d => d.File).FirstOrDefaultAsync(ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var place = await BeginPostAsync(ct);
        if (place is null)
        {
            return NotFound();
        }
        return await accounts.SaveAsync(place.Id, Project, Input, ct) is { } failure
            ? await RedisplayAsync(place, failure, ct)
            : Done("Your draft has been saved.");
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        var place = await BeginPostAsync(ct);
        if (place is null)
        {
            return NotFound();
        }
        var attached = await accounts.AttachAsync(place.Id, Project, Input, new AttachmentInput(Upload, UploadCriterionIds), User.UserId(), ct);
        return attached.Succeeded
            ? Done($"Attached {attached.Value}. Your draft has been saved.")
            : await RedisplayAsync(place, attached.Failure, ct);
    }

    public async Task<IActionResult> OnPostUploadAccountAsync(CancellationToken ct)
    {
        var place = await BeginPostAsync(ct);
        if (place is null)
        {
            return NotFound();
        }
        var counted = await accounts.UploadAccountAsync(place.Id, Project, Input, AccountUpload, User.UserId(), ct);
        if (!counted.Succeeded)
        {
            return await RedisplayAsync(place, counted.Failure, ct);
        }
        var excluded = counted.Value.Excluded.Count == 0 ? "" : " Not counted: " + UkFormat.List([.. counted.Value.Excluded.Select(e => $"{e.Heading} ({UkFormat.Plural(e.Words, "word", "words")})")]) + ".";
        return Done($"Your account has been uploaded: {UkFormat.Plural(counted.Value.Words, "word", "words")} counted of {UkFormat.Number(WordLimit)}.{excluded}");
    }

    public async Task<IActionResult> OnPostRemoveAccountAsync(CancellationToken ct)
    {
        var place = await BeginPostAsync(ct);
        if (place is null)
        {
            return NotFound();
        }
        return await accounts.RemoveAccountFileAsync(place.Id, Project, Input, ct) is { } failure
            ? await RedisplayAsync(place, failure, ct)
            : Done("The uploaded account has been removed. Your account is the sections below again.");
    }

    public async Task<IActionResult> OnGetAccountFileAsync(CancellationToken ct)
    {
        var place = await progress.NpqhPlaceAsync(User.UserId(), ct);
        var file = place is null ? null : await db.Submissions.AsNoTracking()
            .Where(s => s.ParticipantId == place.Id && s.Project == Project && s.AccountFileId != null)
            .OrderByDescending(s => s.Version).Select(s => s.AccountFile).FirstOrDefaultAsync(ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    // What was typed is saved before the question is asked.
    public async Task<IActionResult> OnPostAskRemoveAsync(int documentId, CancellationToken ct)
    {
        var place = await BeginPostAsync(ct);
        if (place is null)
        {
            return NotFound();
        }
        return await accounts.SaveAsync(place.Id, Project, Input, ct) is { } failure
            ? await RedisplayAsync(place, failure, ct)
            : RedirectToPage(new { project = Project, remove = documentId });
    }

    public async Task<IActionResult> OnPostRemoveDocumentAsync(int documentId, CancellationToken ct)
    {
        var place = await BeginPostAsync(ct);
        if (place is null)
        {
            return NotFound();
        }
        var removed = await accounts.RemoveDocumentAsync(place.Id, Project, documentId, ct);
        if (removed.Succeeded)
        {
            return Done($"Removed {removed.Value}.");
        }
        return removed.Failure.Kind == FailureKind.NotFound ? NotFound() : await RedisplayAsync(place, removed.Failure, ct);
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        var place = await BeginPostAsync(ct);
        if (place is null)
        {
            return NotFound();
        }
        return await accounts.SubmitAsync(place.Id, Project, Input, ct) is { } failure
            ? await RedisplayAsync(place, failure, ct)
            : Done($"Project {Project} has been submitted for assessment. You will see the outcome here when it is released.");
    }

    public async Task<IActionResult> OnPostResubmitAsync(CancellationToken ct)
    {
        var place = await BeginPostAsync(ct);
        if (place is null)
        {
            return NotFound();
        }
        var next = await accounts.StartResubmissionAsync(place.Id, Project, ct);
        return Done(next.Succeeded
            ? $"Resubmission started as version {next.Value.Version}, from the text and documents of version {next.Value.Version - 1}."
            : next.Failure.Message);
    }

    // The NPQH delegate posting, with the sections as posted (always three).
    private async Task<Participant?> BeginPostAsync(CancellationToken ct)
    {
        if (!ProjectNumbers.IsValid(Project))
        {
            return null;
        }
        Sections = Enumerable.Range(0, AccountSections.Count).Select(i => i < Sections.Count ? Sections[i] ?? "" : "").ToList<string?>();
        return await PlaceAsync(ct);
    }

    private async Task<Participant?> PlaceAsync(CancellationToken ct)
    {
        var place = await progress.NpqhPlaceAsync(User.UserId(), ct);
        IsNpqh = place is not null;
        return place;
    }

    private RedirectToPageResult Done(string flash)
    {
        TempData["Flash"] = flash;
        return RedirectToPage(new { project = Project });
    }

    private async Task<PageResult> RedisplayAsync(Participant place, Failure failure, CancellationToken ct)
    {
        ModelState.AddFailure(failure, prefix: "");
        await LoadDisplayAsync(place, ct);
        return Page();
    }

    private async Task LoadDisplayAsync(Participant place, CancellationToken ct)
    {
        Criteria = await assessments.CriteriaAsync(Project, ct);
        var versions = await db.Submissions.AsNoTracking().Include(s => s.Documents).ThenInclude(d => d.Criteria)
            .Where(s => s.ParticipantId == place.Id && s.Project == Project)
            .OrderByDescending(s => s.Version).ToListAsync(ct);
        Current = versions.FirstOrDefault();
        Version = Current?.Version ?? 1;
        Stamp = Current?.ConcurrencyStamp;
        EarlierVersions = versions.Skip(1).Select(v => new VersionRow(v.Version, v.Status, v.SubmittedAt, v.Status == SubmissionStatus.Released ? v.Outcome : null)).ToList();
        if (Current is not null)
        {
            var ids = Current.Documents.Select(d => d.Id).ToList();
            var names = await db.SubmissionDocuments.AsNoTracking().Where(d => ids.Contains(d.Id))
                .Select(d => new { d.Id, d.File.FileName, d.File.Size }).ToListAsync(ct);
            DocumentRows = Current.Documents.OrderBy(d => d.AddedAt).ThenBy(d => d.Id)
                .Select(d => names.Single(n => n.Id == d.Id) is var n ? new DocumentRow(d.Id, n.FileName, n.Size, d.Criteria.Select(c => c.CriterionId).ToList()) : null!)
                .ToList();
        }
        if (Current?.AccountFileId is { } accountFileId)
        {
            AccountFileName = await db.StoredFiles.Where(f => f.Id == accountFileId).Select(f => f.FileName).FirstOrDefaultAsync(ct);
        }
        Released = versions.FirstOrDefault(v => v.Status == SubmissionStatus.Released);
        if (Released is not null)
        {
            ReleasedJudgements = await db.CriterionJudgements.AsNoTracking().Where(j => j.SubmissionId == Released.Id)
                .OrderBy(j => j.Criterion.Position).ThenBy(j => j.Criterion.Code)
                .Select(j => new JudgementRow(j.Criterion.Code + " " + j.Criterion.Text, j.Met == true, j.Comment)).ToListAsync(ct);
        }
        Requirements = (await progress.ForAsync(place.Id, ct)).Requirements(Project);
    }
}
