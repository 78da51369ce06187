using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.People;

namespace Roundtable.Web.Projects;

public sealed record SubmissionSummary(
    int Id, int Project, int Version, SubmissionStatus Status, int Words, AssessmentOutcome? Outcome,
    string? AssessorName, DateTime? SubmittedAt, DateTime? ReleasedAt);

// Where one delegate stands on both projects: the facts, the requirements panels and the latest
// version of each written account.
public sealed record DelegateProjects(
    int ParticipantId,
    Project1? Project1,
    Project2? Project2,
    IReadOnlyList<RequirementResult> Project1Requirements,
    IReadOnlyList<RequirementResult> Project2Requirements,
    PlacementDayCount Placement,
    SubmissionSummary? Submission1,
    SubmissionSummary? Submission2)
{
    public IReadOnlyList<RequirementResult> Requirements(int project) =>
        project == ProjectNumbers.Change ? Project1Requirements : Project2Requirements;

    public SubmissionSummary? Latest(int project) => project == ProjectNumbers.Change ? Submission1 : Submission2;

    public int MetCount(int project) => Requirements(project).Count(r => r.Met);
}

// Who reads project requirements through the API, and whose they may read: their own as a delegate,
// their delegates' as a tutor, anyone's as the programme team.
public sealed record ProjectReader(string UserId, bool IsDelegate, bool IsTutor, bool IsTeam)
{
    // The user id of the delegate asked about: the reader unless they name another with delegateId.
    public Result<string> Whose(string? delegateId)
    {
        var target = string.IsNullOrWhiteSpace(delegateId) ? UserId : delegateId.Trim();
        if (target == UserId && !IsDelegate)
        {
            return IsTeam || IsTutor
                ? Failure.Invalid(nameof(delegateId), "Give the delegate's id as ?delegateId=.")
                : Failure.Forbidden("Only delegates, their tutors and the programme team can read project requirements.");
        }
        if (target != UserId && !IsTeam && !IsTutor)
        {
            return Failure.Forbidden("You can read only your own project requirements.");
        }
        return target;
    }

    // A tutor is told nothing about delegates who are not theirs, not even that they exist.
    public bool MaySee(Participant place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return place.UserId == UserId || IsTeam || place.TutorId == UserId;
    }
}

public sealed class ProjectProgress(AppDbContext db, ProjectCalendar calendar)
{
    // Only NPQH delegates have projects (codes are stored upper case); a delegate on several NPQH
    // cohorts works on the latest.
    public IQueryable<Participant> NpqhParticipants =>
        db.Participants.Where(p => p.Cohort.Programme.Code == ProjectNumbers.HeadshipCode);

    public Task<Participant?> NpqhPlaceAsync(string userId, CancellationToken ct = default) =>
        NpqhParticipants.AsNoTracking()
            .Include(p => p.User).Include(p => p.Cohort).Include(p => p.School)
            .Where(p => p.UserId == userId)
            .OrderByDescending(p => p.Cohort.CourseStart).ThenByDescending(p => p.Id)
            .FirstOrDefaultAsync(ct);

    public async Task<DelegateProjects> ForAsync(int participantId, CancellationToken ct = default) =>
        (await ForManyAsync([participantId], ct))[participantId];

    public async Task<Dictionary<int, DelegateProjects>> ForManyAsync(IReadOnlyCollection<int> participantIds, CancellationToken ct = default)
    {
        var ids = participantIds.Distinct().ToList();
        var holidays = await calendar.HolidaysAsync(ct);
        var terms = await calendar.TermsAsync(ct);
        var project1s = await db.Project1s.AsNoTracking().Where(p => ids.Contains(p.ParticipantId)).ToDictionaryAsync(p => p.ParticipantId, ct);
        // One delegate's days are a few dozen rows: one round trip beats three. Many delegates' days
        // multiplied together would not be, so a list is read in split queries.
        var project2Query = db.Project2s.AsNoTracking().Include(p => p.PlacementDays).Include(p => p.ClosureDays);
        var project2s = await (ids.Count == 1 ? project2Query.AsSingleQuery() : project2Query.AsSplitQuery())
            .Where(p => ids.Contains(p.ParticipantId)).ToDictionaryAsync(p => p.ParticipantId, ct);
        var budgetLines = await db.BudgetLines.Where(l => db.Project2s.Any(p => p.Id == l.Project2Id && ids.Contains(p.ParticipantId)))
            .GroupBy(l => l.Project2Id).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var overrides = await db.RequirementOverrides.AsNoTracking().Where(o => ids.Contains(o.ParticipantId) && o.WithdrawnAt == null).ToListAsync(ct);
        var submissions = await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.ParticipantId))
            .Select(s => new { s.ParticipantId, Summary = new SubmissionSummary(s.Id, s.Project, s.Version, s.Status, s.Words, s.Outcome, s.Assessor!.FullName, s.SubmittedAt, s.ReleasedAt) })
            .ToListAsync(ct);
        var criteria = await calendar.CriteriaAsync(ct);

        var result = new Dictionary<int, DelegateProjects>();
        var latestIds = new List<int>();
        var latest = new Dictionary<(int, int), SubmissionSummary?>();
        foreach (var id in ids)
        {
            foreach (var project in ProjectNumbers.All)
            {
                var summary = submissions.Where(s => s.ParticipantId == id && s.Summary.Project == project).MaxBy(s => s.Summary.Version)?.Summary;
                latest[(id, project)] = summary;
                if (summary is not null)
                {
                    latestIds.Add(summary.Id);
                }
            }
        }
        var documents = await DocumentsAsync(latestIds, ct);
        foreach (var id in ids)
        {
            var latest1 = latest[(id, ProjectNumbers.Change)];
            var latest2 = latest[(id, ProjectNumbers.Placement)];
            var p1 = project1s.GetValueOrDefault(id);
            var p2 = project2s.GetValueOrDefault(id);
            var mine = overrides.Where(o => o.ParticipantId == id).ToList();
            var evidence1 = Evidence(documents, latest1?.Id, criteria, ProjectNumbers.Change);
            var evidence2 = Evidence(documents, latest2?.Id, criteria, ProjectNumbers.Placement);
            result[id] = new DelegateProjects(id, p1, p2,
                Project1Requirements(p1, latest1?.Words ?? 0, evidence1, terms, holidays, mine),
                Project2Requirements(p2, latest2?.Words ?? 0, evidence2, p2 is null ? 0 : budgetLines.GetValueOrDefault(p2.Id), holidays, mine),
                WorkingDays.CountPlacementDays(p2?.PlacementDays.Select(d => d.Date) ?? [], p2?.ClosureDays.Select(d => d.Date) ?? [], holidays),
                latest1, latest2);
        }
        return result;
    }

    // The panel for one project with the words of the text being submitted, not the stored draft.
    public async Task<IReadOnlyList<RequirementResult>> RequirementsAsync(int participantId, int project, int accountWords, CancellationToken ct = default)
    {
        var holidays = await calendar.HolidaysAsync(ct);
        var overrides = await db.RequirementOverrides.AsNoTracking()
            .Where(o => o.ParticipantId == participantId && o.Project == project && o.WithdrawnAt == null).ToListAsync(ct);
        var criteria = await calendar.CriteriaAsync(ct);
        var latestId = await db.Submissions.Where(s => s.ParticipantId == participantId && s.Project == project)
            .OrderByDescending(s => s.Version).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        var evidence = Evidence(await DocumentsAsync(latestId is { } l ? [l] : [], ct), latestId, criteria, project);
        if (project == ProjectNumbers.Change)
        {
            var p1 = await db.Project1s.AsNoTracking().FirstOrDefaultAsync(p => p.ParticipantId == participantId, ct);
            return Project1Requirements(p1, accountWords, evidence, await calendar.TermsAsync(ct), holidays, overrides);
        }
        var p2 = await db.Project2s.AsNoTracking().Include(p => p.PlacementDays).Include(p => p.ClosureDays).Include(p => p.BudgetLines).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.ParticipantId == participantId, ct);
        return Project2Requirements(p2, accountWords, evidence, p2?.BudgetLines.Count ?? 0, holidays, overrides);
    }

    private sealed record DocumentCriteria(int SubmissionId, int DocumentId, List<int> CriterionIds);

    private async Task<List<DocumentCriteria>> DocumentsAsync(List<int> submissionIds, CancellationToken ct) =>
        submissionIds.Count == 0 ? [] : await db.SubmissionDocuments.AsNoTracking().Where(d => submissionIds.Contains(d.SubmissionId))
            .Select(d => new DocumentCriteria(d.SubmissionId, d.Id, d.Criteria.Select(c => c.CriterionId).ToList()))
            .ToListAsync(ct);

    private static EvidenceFacts Evidence(List<DocumentCriteria> documents, int? submissionId, IReadOnlyList<AssessmentCriterion> criteria, int project)
    {
        var ours = criteria.Where(c => c.Project == project).Select(c => c.Id).ToHashSet();
        var rows = documents.Where(d => d.SubmissionId == submissionId).ToList();
        var unmapped = rows.Count(r => !r.CriterionIds.Exists(ours.Contains));
        var evidenced = rows.SelectMany(r => r.CriterionIds).Where(ours.Contains).ToHashSet();
        var documentCount = rows.Count;
        return new EvidenceFacts(documentCount, unmapped, [.. criteria.Where(c => c.Project == project && !evidenced.Contains(c.Id)).Select(c => c.Code)], ours.Count);
    }

    // The API's view of one project's panel, for the reader's own projects or a delegate's they may see.
    public async Task<Result<IReadOnlyList<RequirementResult>>> RequirementsForAsync(
        int project, string? delegateId, ProjectReader reader, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!ProjectNumbers.IsValid(project))
        {
            return Failure.NotFound("There are two NPQH projects: 1 and 2.");
        }
        var whose = reader.Whose(delegateId);
        if (!whose.Succeeded)
        {
            return whose.Failure;
        }
        var place = await NpqhPlaceAsync(whose.Value, ct);
        if (place is null || !reader.MaySee(place))
        {
            return Failure.NotFound(whose.Value == reader.UserId
                ? "You have no NPQH projects: they belong to the NPQH programme."
                : "There is no NPQH delegate with that id among the delegates you can see.");
        }
        return Result<IReadOnlyList<RequirementResult>>.Ok((await ForAsync(place.Id, ct)).Requirements(project));
    }

    private static IReadOnlyList<RequirementResult> Project1Requirements(
        Project1? project, int words, EvidenceFacts evidence, IReadOnlyList<TermPeriod> terms, BankHolidayCalendar holidays, List<RequirementOverride> overrides) =>
        ProjectRequirements.ForProject1(project?.Facts(words, evidence) ?? Project1.NoFacts(words, evidence), terms, holidays, Reasons(overrides, ProjectNumbers.Change));

    private static IReadOnlyList<RequirementResult> Project2Requirements(
        Project2? project, int words, EvidenceFacts evidence, int budgetLines, BankHolidayCalendar holidays, List<RequirementOverride> overrides) =>
        ProjectRequirements.ForProject2(project?.Facts(words, evidence, budgetLines) ?? Project2.NoFacts(words, evidence), holidays, Reasons(overrides, ProjectNumbers.Placement));

    private static Dictionary<string, string> Reasons(List<RequirementOverride> overrides, int project) =>
        overrides.Where(o => o.Project == project).ToDictionary(o => o.Key, o => o.Reason, StringComparer.Ordinal);
}
