using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Infrastructure.Files;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Projects;

// The written account for one project: one field per section with a live word count, supporting
// documents mapped to the criteria, the readiness panel, submission, the released outcome and
// resubmission. Every button posts the whole form, so what was typed is saved or shown again.
[RequestSizeLimit(64 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
public class SubmissionModel(AppDbContext db, ProjectProgress progress, TimeProvider time) : PageModel
{
    private const string ChangedElsewhere =
        "This account was changed in another window at the same moment. What you typed is below: saving again will replace the other window's changes.";
    private const string AlreadySubmitted = "This account has already been submitted. Nothing was changed.";

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
    [BindProperty] public int Version { get; set; }
    [BindProperty] public Guid? Stamp { get; set; }
    [BindProperty] public List<DocumentInput> Documents { get; set; } = [];
    [BindProperty] public IFormFile? Upload { get; set; }
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
    public int Words => WordCount.CountSections(Sections);
    public bool Editing => Current is null || Current.IsEditable;
    public IReadOnlyList<AccountSection> SectionDefinitions => AccountSections.For(Project);

    public bool IsChecked(DocumentRow row, int criterionId) =>
        Documents.FirstOrDefault(d => d.Id == row.Id) is { } posted ? posted.CriterionIds.Contains(criterionId) : row.CriterionIds.Contains(criterionId);

    public async Task<IActionResult> OnGetAsync(int? remove, CancellationToken ct)
    {
        if (!ProjectNumbers.IsValid(Project))
        {
            return NotFound();
        }
        var place = await progress.NpqhPlaceAsync(User.UserId(), ct);
        IsNpqh = place is not null;
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
        if (Apply(place) is null || !await SaveAsync(place, ct))
        {
            return await RedisplayAsync(place, ct);
        }
        TempData["Flash"] = "Your draft has been saved.";
        return RedirectToPage(new { project = Project });
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        var place = await BeginPostAsync(ct);
        if (place is null)
        {
            return NotFound();
        }
        var submission = Apply(place);
        if (submission is null)
        {
            return await RedisplayAsync(place, ct);
        }
        var selected = UploadCriterionIds.Where(id => Criteria.Any(c => c.Id == id)).Distinct().ToList();
        if (Upload is null)
        {
            ModelState.AddModelError(nameof(Upload), "Select a file to upload");
        }
        else if (FileRules.Check(Upload.FileName, Upload.Length) is { Ok: false } check)
        {
            ModelState.AddModelError(nameof(Upload), check.Error!);
        }
        else if (submission.Documents.Count >= Submission.MaxDocuments)
        {
            ModelState.AddModelError(nameof(Upload), $"You can attach at most {Submission.MaxDocuments} documents. Remove one to add another");
        }
        if (Criteria.Count > 0 && selected.Count == 0)
        {
            ModelState.AddModelError(nameof(UploadCriterionIds), "Select the criteria this document evidences");
        }
        if (!ModelState.IsValid)
        {
            // The text is kept even when the file is refused.
            await SaveAsync(place, ct);
            return await RedisplayAsync(place, ct);
        }
        var now = time.UtcNow();
        var file = (await FileRules.ReadAsync(Upload!, User.UserId(), now, ct))!;
        db.StoredFiles.Add(file);
        submission.Documents.Add(new SubmissionDocument
        {
            FileId = file.Id, AddedAt = now,
            Criteria = selected.Select(id => new DocumentCriterion { CriterionId = id }).ToList(),
        });
        if (!await SaveAsync(place, ct))
        {
            return await RedisplayAsync(place, ct);
        }
        TempData["Flash"] = $"Attached {file.FileName}. Your draft has been saved.";
        return RedirectToPage(new { project = Project });
    }

    public async Task<IActionResult> OnPostAskRemoveAsync(int documentId, CancellationToken ct)
    {
        var place = await BeginPostAsync(ct);
        if (place is null)
        {
            return NotFound();
        }
        if (Apply(place) is null || !await SaveAsync(place, ct))
        {
            return await RedisplayAsync(place, ct);
        }
        return RedirectToPage(new { project = Project, remove = documentId });
    }

    public async Task<IActionResult> OnPostRemoveDocumentAsync(int documentId, CancellationToken ct)
    {
        var place = await BeginPostAsync(ct);
        var document = Current is { IsEditable: true } ? Current.Documents.FirstOrDefault(d => d.Id == documentId) : null;
        if (place is null || document is null)
        {
            return NotFound();
        }
        var fileName = await db.StoredFiles.Where(f => f.Id == document.FileId).Select(f => f.FileName).SingleAsync(ct);
        Current!.Documents.Remove(document);
        Current.Touch(time.UtcNow());
        if (!await SaveAsync(place, ct))
        {
            return await RedisplayAsync(place, ct);
        }
        await progress.DeleteFileIfUnusedAsync(document.FileId, ct);
        TempData["Flash"] = $"Removed {fileName}.";
        return RedirectToPage(new { project = Project });
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        var place = await BeginPostAsync(ct);
        if (place is null)
        {
            return NotFound();
        }
        var submission = Apply(place);
        if (submission is null)
        {
            return await RedisplayAsync(place, ct);
        }
        for (var i = 0; i < AccountSections.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Sections[i]))
            {
                ModelState.AddModelError($"Sections[{i}]", $"Write the {SectionDefinitions[i].Title.ToLowerInvariant()} section before you submit");
            }
        }
        var requirements = await progress.RequirementsAsync(place.Id, Project, submission.Words, ct);
        foreach (var unmet in requirements.Where(r => !r.Met))
        {
            ModelState.AddModelError(unmet.Key == RequirementKeys.AccountWords ? "word-count" : "requirements", $"Not met: {unmet.Name}. {unmet.Detail}");
        }
        if (!ModelState.IsValid)
        {
            ModelState.AddModelError("", "Your account has not been submitted. It has been saved as a draft.");
            await SaveAsync(place, ct);
            return await RedisplayAsync(place, ct);
        }
        submission.Status = SubmissionStatus.Submitted;
        submission.SubmittedAt = time.UtcNow();
        if (!await SaveAsync(place, ct))
        {
            return await RedisplayAsync(place, ct);
        }
        TempData["Flash"] = $"Project {Project} has been submitted for assessment. You will see the outcome here when it is released.";
        return RedirectToPage(new { project = Project });
    }

    public async Task<IActionResult> OnPostResubmitAsync(CancellationToken ct)
    {
        var place = await BeginPostAsync(ct);
        if (place is null)
        {
            return NotFound();
        }
        if (Current is not { CanResubmit: true })
        {
            TempData["Flash"] = Current?.IsEditable == true ? "Your resubmission has already been started." : null;
            return RedirectToPage(new { project = Project });
        }
        db.Submissions.Add(Current.Resubmission(time.UtcNow()));
        // Two clicks at once: the unique version number lets only one new version in.
        await db.TrySaveUniqueAsync(ct);
        TempData["Flash"] = $"Resubmission started as version {Current.Version + 1}, from the text and documents of version {Current.Version}.";
        return RedirectToPage(new { project = Project });
    }

    private async Task<Participant?> BeginPostAsync(CancellationToken ct)
    {
        if (!ProjectNumbers.IsValid(Project))
        {
            return null;
        }
        var place = await progress.NpqhPlaceAsync(User.UserId(), ct);
        IsNpqh = place is not null;
        if (place is null)
        {
            return null;
        }
        Sections = Enumerable.Range(0, AccountSections.Count).Select(i => i < Sections.Count ? Sections[i] ?? "" : "").ToList<string?>();
        Criteria = await db.AssessmentCriteria.AsNoTracking().Where(c => c.Project == Project).OrderBy(c => c.Position).ThenBy(c => c.Code).ToListAsync(ct);
        Current = await db.Submissions.Include(s => s.Documents).ThenInclude(d => d.Criteria)
            .Where(s => s.ParticipantId == place.Id && s.Project == Project)
            .OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);
        return place;
    }

    // Puts the posted text and criteria mapping on the version being edited, or explains why not.
    private Submission? Apply(Participant place)
    {
        var now = time.UtcNow();
        if (Current is null)
        {
            if (Version != 1)
            {
                ModelState.AddModelError("", ChangedElsewhere);
                return null;
            }
            Current = Submission.Start(place.Id, Project, 1, now);
            db.Submissions.Add(Current);
        }
        else if (Current.Version != Version || !Current.IsEditable)
        {
            ModelState.AddModelError("", Current.Version == Version ? AlreadySubmitted : ChangedElsewhere);
            return null;
        }
        else if (Stamp != Current.ConcurrencyStamp)
        {
            ModelState.AddModelError("", ChangedElsewhere);
            return null;
        }
        for (var i = 0; i < AccountSections.Count; i++)
        {
            if (Sections[i]!.Length > Submission.SectionMaxLength)
            {
                ModelState.AddModelError($"Sections[{i}]", $"The {SectionDefinitions[i].Title.ToLowerInvariant()} section must be {UkFormat.Number(Submission.SectionMaxLength)} characters or fewer");
            }
        }
        if ((Annexes?.Length ?? 0) > Submission.SectionMaxLength)
        {
            ModelState.AddModelError(nameof(Annexes), $"The annexes must be {UkFormat.Number(Submission.SectionMaxLength)} characters or fewer");
        }
        if (!ModelState.IsValid)
        {
            return null;
        }
        var valid = Criteria.Select(c => c.Id).ToHashSet();
        foreach (var document in Current.Documents)
        {
            if (Documents.FirstOrDefault(d => d.Id == document.Id) is not { } posted)
            {
                continue;
            }
            var wanted = posted.CriterionIds.Where(valid.Contains).ToHashSet();
            document.Criteria.RemoveAll(c => !wanted.Contains(c.CriterionId));
            foreach (var id in wanted.Where(id => document.Criteria.TrueForAll(c => c.CriterionId != id)))
            {
                document.Criteria.Add(new DocumentCriterion { CriterionId = id });
            }
        }
        Current.SetText(Sections, Annexes, now);
        return Current;
    }

    // The concurrency stamp and the unique version number make the loser of two saves at once
    // (a double click on "Submit", two windows) fail here rather than overwrite the winner.
    private async Task<bool> SaveAsync(Participant place, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueSave.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            var status = await db.Submissions.AsNoTracking()
                .Where(s => s.ParticipantId == place.Id && s.Project == Project && s.Version == Version)
                .Select(s => (SubmissionStatus?)s.Status).FirstOrDefaultAsync(ct);
            ModelState.AddModelError("", status is { } s && s != SubmissionStatus.Draft ? AlreadySubmitted : ChangedElsewhere);
            return false;
        }
    }

    private async Task<PageResult> RedisplayAsync(Participant place, CancellationToken ct)
    {
        await LoadDisplayAsync(place, ct);
        return Page();
    }

    private async Task LoadDisplayAsync(Participant place, CancellationToken ct)
    {
        Criteria = await db.AssessmentCriteria.AsNoTracking().Where(c => c.Project == Project).OrderBy(c => c.Position).ThenBy(c => c.Code).ToListAsync(ct);
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
