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

    // The delegate's Project 2 for changing; a new one is added (not yet saved) when they have none.
    // New placement days, closure days and budget lines can be added to it without loading the rest.
    public async Task<Project2> Project2ForChangeAsync(int participantId, CancellationToken ct = default)
    {
        var project = await db.Project2s.FirstOrDefaultAsync(p => p.ParticipantId == participantId, ct);
        if (project is null)
        {
            project = new Project2 { ParticipantId = participantId };
            db.Project2s.Add(project);
        }
        return project;
    }

    // Documents of several versions and exemplars may share a stored file; it goes when nothing uses it.
    public async Task DeleteFileIfUnusedAsync(Guid fileId, CancellationToken ct = default)
    {
        if (!await db.SubmissionDocuments.AnyAsync(d => d.FileId == fileId, ct) && !await db.Exemplars.AnyAsync(e => e.FileId == fileId, ct))
        {
            await db.StoredFiles.Where(f => f.Id == fileId).ExecuteDeleteAsync(ct);
        }
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

    private static IReadOnlyList<RequirementResult> Project1Requirements(
        Project1? project, int words, IReadOnlyList<TermPeriod> terms, BankHolidayCalendar holidays, List<RequirementOverride> overrides) =>
        ProjectRequirements.ForProject1(project?.Facts(words) ?? Project1.NoFacts(words), terms, holidays, Reasons(overrides, ProjectNumbers.Change));

    private static IReadOnlyList<RequirementResult> Project2Requirements(
        Project2? project, int words, BankHolidayCalendar holidays, List<RequirementOverride> overrides) =>
        ProjectRequirements.ForProject2(project?.Facts(words) ?? Project2.NoFacts(words), holidays, Reasons(overrides, ProjectNumbers.Placement));

    private static Dictionary<string, string> Reasons(List<RequirementOverride> overrides, int project) =>
        overrides.Where(o => o.Project == project).ToDictionary(o => o.Key, o => o.Reason, StringComparer.Ordinal);
}
