using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Files;

namespace Roundtable.Web.Projects;

// One delegate's view of one case study: whether they may respond and until when, and their response.
public sealed record DelegateCaseStudy(CaseStudy CaseStudy, Eligibility Eligibility, DateTime ClosesAt, Submission? Response);

// One delegate as the programme team sees them against a case study.
public sealed record CaseStudyDelegateRow(
    int ParticipantId, string Name, Eligibility Eligibility, CaseStudyAdjustment? Adjustment, DateTime ClosesAt,
    int? ResponseId, SubmissionStatus? Status, AssessmentOutcome? Outcome, int Words);

// One row of a delegate's assessments (GET /api/v1/assessments/mine).
public sealed record MyAssessment(string Id, string Regime, DateTime? OpensAt, DateTime? ClosesAt, int WordLimit, bool Eligible, string Status);

// Case studies published to cohorts, eligibility from attendance (and the team's overrides),
// extensions, and each delegate's one response. A response is a Submission (Project =
// ProjectNumbers.CaseStudy), so assigning, judging and releasing it is Assessments' work as for projects.
public sealed class CaseStudies(AppDbContext db, UploadQuota quota, TimeProvider time)
{
    public const string ResponseUpload = "ResponseUpload";

    // Cohorts of programmes on the case-study regime, by name.
    public Task<List<(int Id, string Name)>> CohortsAsync(CancellationToken ct = default) =>
        db.Cohorts.AsNoTracking().Where(c => c.Programme.Regime == AssessmentRegime.CaseStudy)
            .OrderBy(c => c.Programme.Code).ThenBy(c => c.Name)
            .Select(c => new ValueTuple<int, string>(c.Id, c.Programme.Code + " " + c.Name)).ToListAsync(ct);

    // The delegate's NPQH projects (on a programme of the projects regime) and every case study of their
    // cohort whose window has opened. Status: not-started, draft, submitted, being-assessed, passed,
    // not-passed, or (a case study closed without a submitted response) missed.
    public async Task<List<MyAssessment>> MineAsync(string userId, CancellationToken ct = default)
    {
        var rows = new List<MyAssessment>();
        var places = await db.Participants.AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new { p.Id, p.Cohort.Programme.Regime, p.Cohort.Programme.Code }).ToListAsync(ct);
        foreach (var place in places.Where(p => p.Regime == AssessmentRegime.Projects
                     && string.Equals(p.Code, ProjectNumbers.HeadshipCode, StringComparison.OrdinalIgnoreCase)))
        {
            var versions = await db.Submissions.AsNoTracking().Where(s => s.ParticipantId == place.Id && s.Project != ProjectNumbers.CaseStudy).ToListAsync(ct);
            var latest = versions.GroupBy(s => s.Project).Select(g => g.MaxBy(s => s.Version)!).ToList();
            rows.AddRange(ProjectNumbers.All.Select(project => new MyAssessment($"project-{project}", AssessmentRegimes.Key(AssessmentRegime.Projects),
                null, null, ProjectNumbers.WordLimit(project), true, StatusKey(latest.FirstOrDefault(s => s.Project == project), closed: false))));
        }
        var now = time.UtcNow();
        foreach (var mine in await ForDelegateAsync(userId, ct))
        {
            rows.Add(new($"case-study-{mine.CaseStudy.Id}", AssessmentRegimes.Key(AssessmentRegime.CaseStudy), mine.CaseStudy.OpensAt, mine.ClosesAt,
                mine.CaseStudy.WordLimit, mine.Eligibility.Eligible, StatusKey(mine.Response, closed: now >= mine.ClosesAt)));
        }
        return rows;
    }

    public static string StatusKey(Submission? latest, bool closed) => latest switch
    {
        null or { Status: SubmissionStatus.Draft } when closed => "missed",
        null => "not-started",
        { Status: SubmissionStatus.Draft } => "draft",
        { Status: SubmissionStatus.Submitted } => "submitted",
        { Status: SubmissionStatus.Released, Outcome: AssessmentOutcome.Passed } => "passed",
        { Status: SubmissionStatus.Released } => "not-passed",
        _ => "being-assessed",
    };

    public async Task<Result<CaseStudy>> PublishAsync(CaseStudyInput input, string userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var cohorts = (await CohortsAsync(ct)).Select(c => c.Id).ToList();
        var read = CaseStudy.Read(input, cohorts);
        if (!read.Succeeded)
        {
            return read.Failure;
        }
        if (await quota.CheckAsync(userId, input.Upload!.Length, nameof(input.Upload), ct: ct) is { } overQuota)
        {
            return overQuota;
        }
        var now = time.UtcNow();
        var file = (await FileRules.ReadAsync(input.Upload!, userId, now, ct))!;
        db.StoredFiles.Add(file);
        var caseStudy = CaseStudy.Publish(read.Value, file, userId, now);
        db.CaseStudies.Add(caseStudy);
        await db.SaveChangesAsync(ct);
        return caseStudy;
    }

    // Held community sessions (recorded, not cancelled) of the delegate's group in the cohort that
    // started before the window opened, and how many of them the delegate attended.
    public async Task<(int Present, int Held)> AttendanceAsync(int cohortId, string userId, DateTime before, CancellationToken ct = default)
    {
        var held = db.CommunitySessions.Where(s => s.RecordedAt != null && s.CancelledAt == null && s.StartsAt < before
            && s.Group.CohortId == cohortId && s.Group.Members.Any(m => m.UserId == userId));
        var count = await held.CountAsync(ct);
        var present = await db.SessionAttendance.CountAsync(a => a.UserId == userId && a.Present && held.Any(s => s.Id == a.SessionId), ct);
        return (present, count);
    }

    public async Task<Eligibility> EligibilityAsync(CaseStudy caseStudy, int participantId, string userId, CaseStudyAdjustment? adjustment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caseStudy);
        var (present, held) = await AttendanceAsync(caseStudy.CohortId, userId, caseStudy.OpensAt, ct);
        return Eligibility.FromAttendance(present, held, caseStudy.AttendanceThreshold, adjustment);
    }

    // The case studies a delegate can see: those of their cohort whose window has opened.
    public async Task<List<DelegateCaseStudy>> ForDelegateAsync(string userId, CancellationToken ct = default)
    {
        var now = time.UtcNow();
        var places = await db.Participants.AsNoTracking().Where(p => p.UserId == userId).Select(p => new { p.Id, p.CohortId }).ToListAsync(ct);
        var result = new List<DelegateCaseStudy>();
        foreach (var place in places)
        {
            var ids = await db.CaseStudies.AsNoTracking().Where(c => c.CohortId == place.CohortId && c.OpensAt <= now)
                .OrderBy(c => c.OpensAt).Select(c => c.Id).ToListAsync(ct);
            foreach (var id in ids)
            {
                result.Add((await OneForDelegateAsync(id, place.Id, userId, ct))!);
            }
        }
        return result;
    }

    // Null (404) when the case study is not the delegate's cohort's or its window has not opened.
    public async Task<DelegateCaseStudy?> ForDelegateAsync(int caseStudyId, string userId, CancellationToken ct = default)
    {
        var now = time.UtcNow();
        var participantId = await db.Participants.AsNoTracking()
            .Where(p => p.UserId == userId && db.CaseStudies.Any(c => c.Id == caseStudyId && c.CohortId == p.CohortId && c.OpensAt <= now))
            .Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        return participantId is { } id ? await OneForDelegateAsync(caseStudyId, id, userId, ct) : null;
    }

    private async Task<DelegateCaseStudy?> OneForDelegateAsync(int caseStudyId, int participantId, string userId, CancellationToken ct)
    {
        var caseStudy = await db.CaseStudies.AsNoTracking().Include(c => c.File).FirstOrDefaultAsync(c => c.Id == caseStudyId, ct);
        if (caseStudy is null)
        {
            return null;
        }
        var adjustment = await db.CaseStudyAdjustments.AsNoTracking().FirstOrDefaultAsync(a => a.CaseStudyId == caseStudyId && a.ParticipantId == participantId, ct);
        var response = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.CaseStudyId == caseStudyId && s.ParticipantId == participantId, ct);
        var eligibility = await EligibilityAsync(caseStudy, participantId, userId, adjustment, ct);
        return new(caseStudy, eligibility, caseStudy.ClosesAtFor(adjustment), response);
    }

    public async Task<List<CaseStudyDelegateRow>> DelegatesAsync(CaseStudy caseStudy, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caseStudy);
        var people = await db.Participants.AsNoTracking().Where(p => p.CohortId == caseStudy.CohortId)
            .OrderBy(p => p.User.FullName).Select(p => new { p.Id, p.UserId, p.User.FullName }).ToListAsync(ct);
        var adjustments = await db.CaseStudyAdjustments.AsNoTracking().Where(a => a.CaseStudyId == caseStudy.Id).ToDictionaryAsync(a => a.ParticipantId, ct);
        var responses = await db.Submissions.AsNoTracking().Where(s => s.CaseStudyId == caseStudy.Id)
            .Select(s => new { s.Id, s.ParticipantId, s.Status, s.Outcome, s.Words }).ToDictionaryAsync(s => s.ParticipantId, ct);
        var rows = new List<CaseStudyDelegateRow>();
        foreach (var p in people)
        {
            var adjustment = adjustments.GetValueOrDefault(p.Id);
            var eligibility = await EligibilityAsync(caseStudy, p.Id, p.UserId, adjustment, ct);
            var response = responses.GetValueOrDefault(p.Id);
            rows.Add(new(p.Id, p.FullName, eligibility, adjustment, caseStudy.ClosesAtFor(adjustment),
                response?.Id, response?.Status, response?.Outcome, response?.Words ?? 0));
        }
        return rows;
    }

    public Task<Failure?> OverrideEligibilityAsync(int caseStudyId, int participantId, AdjustmentInput input, string byId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return AdjustAsync(caseStudyId, participantId, byId, (a, _, now) => CaseStudyAdjustment.SetEligibility(a, input.Eligible, input.Reason, byId, now), ct);
    }

    public Task<Failure?> ExtendAsync(int caseStudyId, int participantId, AdjustmentInput input, string byId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return AdjustAsync(caseStudyId, participantId, byId, (a, c, now) => CaseStudyAdjustment.Extend(a, c, input, byId, now), ct);
    }

    private async Task<Failure?> AdjustAsync(int caseStudyId, int participantId, string byId,
        Func<CaseStudyAdjustment, CaseStudy, DateTime, Failure?> change, CancellationToken ct)
    {
        var caseStudy = await db.CaseStudies.FirstOrDefaultAsync(c => c.Id == caseStudyId, ct);
        if (caseStudy is null || !await db.Participants.AnyAsync(p => p.Id == participantId && p.CohortId == caseStudy.CohortId, ct))
        {
            return Failure.NotFound("There is no such delegate on this case study's cohort.");
        }
        var adjustment = await db.CaseStudyAdjustments.FirstOrDefaultAsync(a => a.CaseStudyId == caseStudyId && a.ParticipantId == participantId, ct);
        var added = adjustment is null;
        adjustment ??= new CaseStudyAdjustment { CaseStudyId = caseStudyId, ParticipantId = participantId, ChangedById = byId };
        if (change(adjustment, caseStudy, time.UtcNow()) is { } refused)
        {
            return refused;
        }
        if (added)
        {
            db.CaseStudyAdjustments.Add(adjustment);
        }
        return await db.TrySaveUniqueAsync(ct) ? null : Failure.Conflict("Someone else changed this delegate's eligibility or extension at the same moment. Check it and try again.");
    }

    // Saves the delegate's draft (typed text); with submit, sends it for assessment.
    public async Task<Failure?> SaveAsync(int caseStudyId, string userId, AccountInput input, bool submit, CancellationToken ct = default)
    {
        var draft = await DraftAsync(caseStudyId, userId, input, ct);
        if (!draft.Succeeded)
        {
            return draft.Failure;
        }
        var (response, caseStudy) = draft.Value;
        var refused = submit ? response.SubmitResponse(caseStudy.WordLimit, time.UtcNow()) : null;
        return await SaveChangesAsync(response, ct) ?? (refused is null ? null : refused with { Errors = [.. refused.Errors, new(FieldError.General, Submission.NotSubmitted)] });
    }

    // The response uploaded as a .docx or .pdf, counted as accounts are (AccountDocuments).
    public async Task<Result<DocumentCount>> UploadAsync(int caseStudyId, string userId, AccountInput input, IFormFile? upload, CancellationToken ct = default)
    {
        var draft = await DraftAsync(caseStudyId, userId, input, ct);
        if (!draft.Succeeded)
        {
            return draft.Failure;
        }
        var response = draft.Value.Response;
        var refused = upload is null
            ? Failure.Invalid(ResponseUpload, "Select your response as a Word (.docx) or PDF file")
            : !AccountDocuments.IsAccountFile(upload.FileName)
                ? Failure.Invalid(ResponseUpload, "The response must be a Word (.docx) or PDF file")
                : FileRules.Check(upload.FileName, upload.Length) is { Ok: false, Error: var error } ? Failure.Invalid(ResponseUpload, error ?? "") : null;
        refused ??= await quota.CheckAsync(userId, upload!.Length, ResponseUpload, response.AccountFileId, ct);
        if (refused is not null)
        {
            return await SaveChangesAsync(response, ct) ?? refused;
        }
        var now = time.UtcNow();
        var file = (await FileRules.ReadAsync(upload!, userId, now, ct))!;
        var counted = AccountDocuments.Count(file.FileName, file.Content);
        if (!counted.Succeeded)
        {
            return await SaveChangesAsync(response, ct) ?? Failure.Invalid(ResponseUpload, counted.Failure.Message.TrimEnd('.'));
        }
        db.StoredFiles.Add(file);
        var replaced = response.UseAccountFile(file, counted.Value, now);
        if (!replaced.Succeeded)
        {
            return replaced.Failure;
        }
        if (await SaveChangesAsync(response, ct) is { } failure)
        {
            return failure;
        }
        if (replaced.Value is { } old)
        {
            await db.DeleteFileIfUnusedAsync(old, ct);
        }
        return counted.Value;
    }

    public async Task<Failure?> RemoveUploadAsync(int caseStudyId, string userId, AccountInput input, CancellationToken ct = default)
    {
        var draft = await DraftAsync(caseStudyId, userId, input, ct);
        if (!draft.Succeeded)
        {
            return draft.Failure;
        }
        var response = draft.Value.Response;
        var removed = response.RemoveAccountFile(time.UtcNow());
        if (!removed.Succeeded)
        {
            return removed.Failure;
        }
        if (await SaveChangesAsync(response, ct) is { } failure)
        {
            return failure;
        }
        await db.DeleteFileIfUnusedAsync(removed.Value, ct);
        return null;
    }

    // The delegate's response to change, started on the first save; refused outside their window or
    // when they are not eligible. The version follows their earlier case-study responses.
    private async Task<Result<(Submission Response, CaseStudy CaseStudy)>> DraftAsync(int caseStudyId, string userId, AccountInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = time.UtcNow();
        var caseStudy = await db.CaseStudies.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseStudyId, ct);
        var participant = caseStudy is null ? null
            : await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId && p.CohortId == caseStudy.CohortId, ct);
        if (caseStudy is null || participant is null || now < caseStudy.OpensAt)
        {
            return Failure.NotFound("There is no such case study open to you.");
        }
        var adjustment = await db.CaseStudyAdjustments.AsNoTracking().FirstOrDefaultAsync(a => a.CaseStudyId == caseStudyId && a.ParticipantId == participant.Id, ct);
        var eligibility = await EligibilityAsync(caseStudy, participant.Id, userId, adjustment, ct);
        if (caseStudy.CheckWindow(eligibility, adjustment, now) is { } closed)
        {
            return closed;
        }
        var response = await db.Submissions.FirstOrDefaultAsync(s => s.CaseStudyId == caseStudyId && s.ParticipantId == participant.Id, ct);
        if (Submission.CheckEditable(response, input.Version, input.Stamp) is { } stale)
        {
            return stale;
        }
        if (response is null)
        {
            var earlier = await db.Submissions.Where(s => s.ParticipantId == participant.Id && s.Project == ProjectNumbers.CaseStudy).MaxAsync(s => (int?)s.Version, ct) ?? 0;
            response = Submission.Start(participant.Id, ProjectNumbers.CaseStudy, earlier + 1, now);
            response.CaseStudyId = caseStudyId;
            db.Submissions.Add(response);
        }
        var text = new AccountInput(input.Version, input.Stamp, [input.Sections.Count > 0 ? input.Sections[0] : null], null, []);
        if (response.Edit(text, [], now) is { } invalid)
        {
            db.ChangeTracker.Clear();
            return invalid;
        }
        return (response, caseStudy);
    }

    // The loser of two saves at once (a double click, two windows): the unique response per delegate
    // per case study and the concurrency stamp refuse it, with nothing half done.
    private async Task<Failure?> SaveChangesAsync(Submission response, CancellationToken ct)
    {
        var (caseStudyId, participantId) = (response.CaseStudyId, response.ParticipantId);
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueSave.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            var status = await db.Submissions.AsNoTracking().Where(s => s.CaseStudyId == caseStudyId && s.ParticipantId == participantId)
                .Select(s => (SubmissionStatus?)s.Status).FirstOrDefaultAsync(ct);
            return Failure.Conflict(status is { } done && done != SubmissionStatus.Draft ? Submission.AlreadySubmitted : SubmittedElsewhere);
        }
    }

    public const string SubmittedElsewhere =
        "Your response was saved in another window at the same moment, so this one was not. What you typed is below: save again to keep it.";
}

public static class CaseStudyText
{
    public static string Status(string key) => key switch
    {
        "not-started" => "Not started",
        "draft" => "Draft",
        "submitted" => "Submitted",
        "being-assessed" => "Being assessed",
        "passed" => "Outcome: Passed",
        "not-passed" => "Outcome: Not passed",
        "missed" => "Not submitted: the window has closed",
        _ => key,
    };
}
