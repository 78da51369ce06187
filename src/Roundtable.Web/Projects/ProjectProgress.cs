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
        var project2s = await db.Project2s.AsNoTracking().Include(p => p.PlacementDays).Include(p => p.ClosureDays).AsSplitQuery()
            .Where(p => ids.Contains(p.ParticipantId)).ToDictionaryAsync(p => p.ParticipantId, ct);
        var overrides = await db.RequirementOverrides.AsNoTracking().Where(o => ids.Contains(o.ParticipantId) && o.WithdrawnAt == null).ToListAsync(ct);
        var submissions = await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.ParticipantId))
            .Select(s => new { s.ParticipantId, Summary = new SubmissionSummary(s.Id, s.Project, s.Version, s.Status, s.Words, s.Outcome, s.Assessor!.FullName, s.SubmittedAt, s.ReleasedAt) })
            .ToListAsync(ct);

        var result = new Dictionary<int, DelegateProjects>();
        foreach (var id in ids)
        {
            SubmissionSummary? Latest(int project) => submissions
                .Where(s => s.ParticipantId == id && s.Summary.Project == project)
                .MaxBy(s => s.Summary.Version)?.Summary;
            var latest1 = Latest(ProjectNumbers.Change);
            var latest2 = Latest(ProjectNumbers.Placement);
            var p1 = project1s.GetValueOrDefault(id);
            var p2 = project2s.GetValueOrDefault(id);
            var mine = overrides.Where(o => o.ParticipantId == id).ToList();
            result[id] = new DelegateProjects(id, p1, p2,
                Project1Requirements(p1, latest1?.Words ?? 0, terms, holidays, mine),
                Project2Requirements(p2, latest2?.Words ?? 0, holidays, mine),
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
        if (project == ProjectNumbers.Change)
        {
            var p1 = await db.Project1s.AsNoTracking().FirstOrDefaultAsync(p => p.ParticipantId == participantId, ct);
            return Project1Requirements(p1, accountWords, await calendar.TermsAsync(ct), holidays, overrides);
        }
        var p2 = await db.Project2s.AsNoTracking().Include(p => p.PlacementDays).Include(p => p.ClosureDays).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.ParticipantId == participantId, ct);
        return Project2Requirements(p2, accountWords, holidays, overrides);
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
        Project1? project, int words, IReadOnlyList<TermPeriod> terms, BankHolidayCalendar holidays, List<RequirementOverride> overrides) =>
        ProjectRequirements.ForProject1(project?.Facts(words) ?? Project1.NoFacts(words), terms, holidays, Reasons(overrides, ProjectNumbers.Change));

    private static IReadOnlyList<RequirementResult> Project2Requirements(
        Project2? project, int words, BankHolidayCalendar holidays, List<RequirementOverride> overrides) =>
        ProjectRequirements.ForProject2(project?.Facts(words) ?? Project2.NoFacts(words), holidays, Reasons(overrides, ProjectNumbers.Placement));

    private static Dictionary<string, string> Reasons(List<RequirementOverride> overrides, int project) =>
        overrides.Where(o => o.Project == project).ToDictionary(o => o.Key, o => o.Reason, StringComparer.Ordinal);
}
