using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.People;

namespace Roundtable.Web.Insight;

// Whose figures a report covers: the whole cohort for the programme team, only their own
// delegates for a tutor (TutorId set); or, for the dashboard's "all cohorts", every cohort of a
// programme (ProgrammeId set, CohortId unused).
public sealed record ReportScope(int CohortId, string? TutorId)
{
    public int? ProgrammeId { get; private init; }

    public static ReportScope WholeProgramme(int programmeId) => new(0, null) { ProgrammeId = programmeId };

    public IQueryable<Participant> Delegates(AppDbContext db) => ProgrammeId is int programme
        ? db.Participants.Where(p => p.Cohort.ProgrammeId == programme)
        : db.Participants.Where(p => p.CohortId == CohortId && (TutorId == null || p.TutorId == TutorId));

    public IQueryable<CommunityGroup> Groups(AppDbContext db) => ProgrammeId is int programme
        ? db.CommunityGroups.Where(g => db.Cohorts.Any(c => c.Id == g.CohortId && c.ProgrammeId == programme))
        : db.CommunityGroups.Where(g => g.CohortId == CohortId);
}

public sealed record ReportReader(string UserId, bool IsTeam, bool IsTutor);

public sealed class ReportAccess(AppDbContext db)
{
    // The team sees any cohort; a tutor only a cohort where they have delegates, and only theirs.
    public async Task<Result<ReportScope>> ScopeAsync(ReportReader reader, int cohortId, CancellationToken ct = default)
    {
        if (reader.IsTeam)
        {
            return await db.Cohorts.AnyAsync(c => c.Id == cohortId, ct)
                ? new ReportScope(cohortId, null)
                : Failure.NotFound("There is no such cohort.");
        }
        if (reader.IsTutor && await db.Participants.AnyAsync(p => p.CohortId == cohortId && p.TutorId == reader.UserId, ct))
        {
            return new ReportScope(cohortId, reader.UserId);
        }
        return Failure.Forbidden(reader.IsTutor
            ? "You have no delegates in this cohort."
            : "Only the programme team and the cohort's tutors can read its report.");
    }
}
