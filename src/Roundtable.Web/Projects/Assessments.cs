using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.People;

namespace Roundtable.Web.Projects;

public sealed record AssessorOption(string Id, string Name, int Assigned);

// A document of a version as staff read it: its criteria by code, without the file's contents.
public sealed record AccountDocument(int Id, string FileName, long Size, IReadOnlyList<string> Criteria);

// A submitted account's way to its outcome: the programme team assigns it, the assessor judges it,
// the team releases the outcome. The assessor and the team may save at the same moment: the
// submission's concurrency stamp lets one win and the other is told, with nothing half done.
public sealed class Assessments(AppDbContext db, TimeProvider time)
{
    public async Task<Result<AssessorOption>> AssignAsync(int submissionId, AssignmentInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var submission = await SubmittedAsync(submissionId, ct);
        if (submission is null)
        {
            return Failure.NotFound("There is no submission with that id.");
        }
        var assessors = await AssessorsAsync(ct);
        if (submission.AssignTo(input, assessors.Select(a => a.Id).ToList(), time.UtcNow()) is { } refused)
        {
            return refused;
        }
        return await SaveAsync(ct) is { } failure ? failure : assessors.Single(a => a.Id == input.AssessorId);
    }

    // Returns the status it is left in: still assigned, or assessed.
    public async Task<Result<SubmissionStatus>> JudgeAsync(int submissionId, string assessorId, AssessmentInput input, bool complete, CancellationToken ct = default)
    {
        var submission = await db.Submissions.Include(s => s.Judgements)
            .FirstOrDefaultAsync(s => s.Id == submissionId && s.AssessorId == assessorId, ct);
        if (submission is null)
        {
            return Failure.NotFound("There is no submission with that id assigned to you.");
        }
        var criteria = await CriteriaAsync(submission.Project, ct);
        if (submission.Judge(input, criteria, assessorId, complete, time.UtcNow()) is { } refused)
        {
            return refused;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return submission.Status;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueSave.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            var status = await db.Submissions.Where(s => s.Id == submissionId).Select(s => s.Status).SingleAsync(ct);
            return Failure.Conflict(status == SubmissionStatus.Released
                ? "The programme team released the outcome while you were saving, so your changes were not saved."
                : "This assessment was changed in another window at the same moment. Your judgements are below: save again to keep them.");
        }
    }

    public async Task<Failure?> ReleaseAsync(int submissionId, string releasedById, CancellationToken ct = default)
    {
        var submission = await SubmittedAsync(submissionId, ct);
        if (submission is null)
        {
            return Failure.NotFound("There is no submission with that id.");
        }
        return submission.Release(releasedById, time.UtcNow()) ?? await SaveAsync(ct);
    }

    // Everyone with the assessor role, with the number of assessments each has in hand.
    public Task<List<AssessorOption>> AssessorsAsync(CancellationToken ct = default)
    {
        var assessorRole = RoleSeed.IdOf(Roles.Assessor);
        return db.Users.AsNoTracking().Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == assessorRole))
            .OrderBy(u => u.FullName)
            .Select(u => new AssessorOption(u.Id, u.FullName, db.Submissions.Count(s => s.AssessorId == u.Id && s.Status == SubmissionStatus.Assigned)))
            .ToListAsync(ct);
    }

    // In the order assessors work through them.
    public Task<List<AssessmentCriterion>> CriteriaAsync(int project, CancellationToken ct = default) =>
        db.AssessmentCriteria.AsNoTracking().Where(c => c.Project == project).OrderBy(c => c.Position).ThenBy(c => c.Code).ToListAsync(ct);

    public async Task<List<AccountDocument>> DocumentsAsync(int submissionId, CancellationToken ct = default)
    {
        var rows = await db.SubmissionDocuments.AsNoTracking().Where(d => d.SubmissionId == submissionId)
            .OrderBy(d => d.AddedAt).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.File.FileName, d.File.Size, Criteria = d.Criteria.Select(c => c.CriterionId).ToList() })
            .ToListAsync(ct);
        var ids = rows.SelectMany(r => r.Criteria).Distinct().ToList();
        var codes = await db.AssessmentCriteria.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        return rows.Select(r => new AccountDocument(r.Id, r.FileName, r.Size,
            r.Criteria.Select(id => codes.GetValueOrDefault(id, "?")).Order(StringComparer.Ordinal).ToList())).ToList();
    }

    // Drafts are the delegate's own: staff see a version only once it is submitted.
    private Task<Submission?> SubmittedAsync(int submissionId, CancellationToken ct) =>
        db.Submissions.FirstOrDefaultAsync(s => s.Id == submissionId && s.Status != SubmissionStatus.Draft, ct);

    private async Task<Failure?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict("Someone else changed this submission at the same moment. Check it and try again.");
        }
    }
}
