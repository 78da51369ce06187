using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Files;

namespace Roundtable.Web.Projects;

// A delegate's written account for one project: the draft they edit, its documents, submitting it
// and starting a resubmission. Every action saves what was typed first (unless it cannot be saved), so
// nothing is lost when a file or a submission is refused. The concurrency stamp and the unique
// version number make the loser of two saves at once (a double click, two windows) fail, not overwrite.
public sealed class WrittenAccounts(AppDbContext db, ProjectProgress progress, UploadQuota quota, TimeProvider time)
{
    private sealed record Draft(Submission Submission, IReadOnlyList<int> CriterionIds);

    public async Task<Failure?> SaveAsync(int participantId, int project, AccountInput input, CancellationToken ct = default)
    {
        var draft = await EditAsync(participantId, project, input, ct);
        return draft.Succeeded ? await SaveChangesAsync(participantId, project, input.Version, ct) : draft.Failure;
    }

    // Returns the file's name once attached.
    public async Task<Result<string>> AttachAsync(
        int participantId, int project, AccountInput input, AttachmentInput attachment, string userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var draft = await EditAsync(participantId, project, input, ct);
        if (!draft.Succeeded)
        {
            return draft.Failure;
        }
        var (submission, criterionIds) = draft.Value;
        if (submission.CheckAttachment(attachment, criterionIds) is { } refused)
        {
            return await SaveChangesAsync(participantId, project, input.Version, ct) ?? refused;
        }
        if (await quota.CheckAsync(userId, attachment.Upload!.Length, nameof(AttachmentInput.Upload), ct: ct) is { } overQuota)
        {
            return await SaveChangesAsync(participantId, project, input.Version, ct) ?? overQuota;
        }
        var now = time.UtcNow();
        var file = (await FileRules.ReadAsync(attachment.Upload!, userId, now, ct))!;
        db.StoredFiles.Add(file);
        submission.Attach(file, attachment.UploadCriterionIds.Where(criterionIds.Contains), now);
        return await SaveChangesAsync(participantId, project, input.Version, ct) is { } failure ? failure : file.FileName;
    }

    // The account uploaded as a .docx or .pdf instead of typed: counted (refused with the reason if it
    // cannot be), kept as the account, and the file it replaces deleted once nothing uses it.
    public async Task<Result<DocumentCount>> UploadAccountAsync(
        int participantId, int project, AccountInput input, IFormFile? upload, string userId, CancellationToken ct = default)
    {
        var draft = await EditAsync(participantId, project, input, ct);
        if (!draft.Succeeded)
        {
            return draft.Failure;
        }
        var submission = draft.Value.Submission;
        var refused = upload is null
            ? Failure.Invalid(AccountUpload, "Select your account as a Word (.docx) or PDF file")
            : !AccountDocuments.IsAccountFile(upload.FileName)
                ? Failure.Invalid(AccountUpload, "The account must be a Word (.docx) or PDF file")
                : FileRules.Check(upload.FileName, upload.Length) is { Ok: false, Error: var error } ? Failure.Invalid(AccountUpload, error ?? "") : null;
        refused ??= await quota.CheckAsync(userId, upload!.Length, AccountUpload, submission.AccountFileId, ct);
        if (refused is not null)
        {
            return await SaveChangesAsync(participantId, project, input.Version, ct) ?? refused;
        }
        var now = time.UtcNow();
        var file = (await FileRules.ReadAsync(upload!, userId, now, ct))!;
        var counted = AccountDocuments.Count(file.FileName, file.Content);
        if (!counted.Succeeded)
        {
            return await SaveChangesAsync(participantId, project, input.Version, ct)
                ?? Failure.Invalid(AccountUpload, counted.Failure.Message.TrimEnd('.'));
        }
        db.StoredFiles.Add(file);
        var replaced = submission.UseAccountFile(file, counted.Value, now);
        if (!replaced.Succeeded)
        {
            return replaced.Failure;
        }
        if (await SaveChangesAsync(participantId, project, input.Version, ct) is { } failure)
        {
            return failure;
        }
        if (replaced.Value is { } old)
        {
            await db.DeleteFileIfUnusedAsync(old, ct);
        }
        return counted.Value;
    }

    public const string AccountUpload = "AccountUpload";

    // Back to the typed account; the file goes once nothing uses it.
    public async Task<Failure?> RemoveAccountFileAsync(int participantId, int project, AccountInput input, CancellationToken ct = default)
    {
        var draft = await EditAsync(participantId, project, input, ct);
        if (!draft.Succeeded)
        {
            return draft.Failure;
        }
        var removed = draft.Value.Submission.RemoveAccountFile(time.UtcNow());
        if (!removed.Succeeded)
        {
            return removed.Failure;
        }
        if (await SaveChangesAsync(participantId, project, input.Version, ct) is { } failure)
        {
            return failure;
        }
        await db.DeleteFileIfUnusedAsync(removed.Value, ct);
        return null;
    }

    // Returns the removed file's name.
    public async Task<Result<string>> RemoveDocumentAsync(int participantId, int project, int documentId, CancellationToken ct = default)
    {
        var latest = await LatestAsync(participantId, project, ct);
        var removed = latest is null ? Failure.NotFound("There is no such document on your draft.") : latest.RemoveDocument(documentId, time.UtcNow());
        if (!removed.Succeeded)
        {
            return removed.Failure;
        }
        var fileId = removed.Value.FileId;
        var fileName = await db.StoredFiles.Where(f => f.Id == fileId).Select(f => f.FileName).SingleAsync(ct);
        if (await SaveChangesAsync(participantId, project, latest!.Version, ct) is { } failure)
        {
            return failure;
        }
        await db.DeleteFileIfUnusedAsync(fileId, ct);
        return fileName;
    }

    // Refused (and saved as a draft) while a section is empty or a requirement is not met.
    public async Task<Failure?> SubmitAsync(int participantId, int project, AccountInput input, CancellationToken ct = default)
    {
        var draft = await EditAsync(participantId, project, input, ct);
        if (!draft.Succeeded)
        {
            return draft.Failure;
        }
        var submission = draft.Value.Submission;
        var requirements = await progress.RequirementsAsync(participantId, project, submission.Words, ct);
        if (submission.Submit(requirements, time.UtcNow()) is { } refused)
        {
            return await SaveChangesAsync(participantId, project, input.Version, ct) ?? refused;
        }
        return await SaveChangesAsync(participantId, project, input.Version, ct);
    }

    // The new version, a copy of the released one that did not pass.
    public async Task<Result<Submission>> StartResubmissionAsync(int participantId, int project, CancellationToken ct = default)
    {
        var latest = await LatestAsync(participantId, project, ct);
        var next = latest is null ? Failure.NotFound("You have not submitted this project yet.") : latest.StartResubmission(time.UtcNow());
        if (next.Succeeded)
        {
            db.Submissions.Add(next.Value);
            // Two clicks at once: the unique version number lets only one new version in.
            await db.TrySaveUniqueAsync(ct);
        }
        return next;
    }

    private async Task<Result<Draft>> EditAsync(int participantId, int project, AccountInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var criterionIds = await db.AssessmentCriteria.Where(c => c.Project == project).Select(c => c.Id).ToListAsync(ct);
        var latest = await LatestAsync(participantId, project, ct);
        if (Submission.CheckEditable(latest, input.Version, input.Stamp) is { } stale)
        {
            return stale;
        }
        var now = time.UtcNow();
        var submission = latest ?? Submission.Start(participantId, project, 1, now);
        if (submission.Edit(input, criterionIds, now) is { } invalid)
        {
            return invalid;
        }
        if (latest is null)
        {
            db.Submissions.Add(submission);
        }
        return new Draft(submission, criterionIds);
    }

    private Task<Submission?> LatestAsync(int participantId, int project, CancellationToken ct) =>
        db.Submissions.Include(s => s.Documents).ThenInclude(d => d.Criteria)
            .Where(s => s.ParticipantId == participantId && s.Project == project)
            .OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);

    private async Task<Failure?> SaveChangesAsync(int participantId, int project, int version, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueSave.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            var status = await db.Submissions.AsNoTracking()
                .Where(s => s.ParticipantId == participantId && s.Project == project && s.Version == version)
                .Select(s => (SubmissionStatus?)s.Status).FirstOrDefaultAsync(ct);
            return Failure.Conflict(status is { } s && s != SubmissionStatus.Draft ? Submission.AlreadySubmitted : Submission.ChangedElsewhere);
        }
    }
}
