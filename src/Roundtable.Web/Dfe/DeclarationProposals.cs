using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Projects;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Dfe;

// A declaration ready to send: queued already (QueuedId) or proposed now from the evidence.
public sealed record ReadyDeclaration(int ParticipantId, string DfeParticipantId, string DelegateName, string Cohort, int? QueuedId, DeclarationProposal DeclarationProposal);

// Works out each delegate's next declaration from Roundtable's own records: community sessions
// attended, tutorials held and assessment outcomes released (NPQH projects, or case-study responses). Only delegates with a DfE participant id
// are proposed; one whose last declaration is still being sent, or failed, waits for it.
public sealed class DeclarationProposals(AppDbContext db, TimeProvider time)
{
    public async Task<DeclarationRuleSettings> RulesAsync(CancellationToken ct) =>
        await db.DeclarationRuleSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? new DeclarationRuleSettings();

    // Ready declarations, oldest evidence first; only for the given delegates when ids are given.
    public async Task<List<ReadyDeclaration>> ReadyAsync(IReadOnlyCollection<int>? participantIds, CancellationToken ct)
    {
        var now = time.UtcNow();
        var rules = await RulesAsync(ct);
        var query = db.Participants.AsNoTracking().Where(p => p.DfeParticipantId != null);
        if (participantIds is not null)
        {
            query = query.Where(p => participantIds.Contains(p.Id));
        }
        var people = await query
            .Select(p => new { p.Id, p.UserId, p.CohortId, Dfe = p.DfeParticipantId!, Name = p.User.FullName, Cohort = p.Cohort.Name, p.Cohort.Programme.Code, p.Cohort.Programme.Regime })
            .ToListAsync(ct);
        if (people.Count == 0)
        {
            return [];
        }
        var ids = people.Select(p => p.Id).ToList();
        var rows = await db.Declarations.AsNoTracking().Where(d => ids.Contains(d.ParticipantId) && d.State != DeclarationState.Voided)
            .Select(d => new { d.Id, d.ParticipantId, d.Type, d.State, d.DeclarationDate, d.Evidence, d.HasPassed })
            .ToListAsync(ct);
        var facts = await FactsAsync(people.Select(p => (p.Id, p.UserId, p.CohortId, p.Code, p.Regime)).ToList(), now, ct);
        var ready = new List<ReadyDeclaration>();
        foreach (var p in people)
        {
            var mine = rows.Where(r => r.ParticipantId == p.Id).ToList();
            if (mine.FirstOrDefault(r => r.State == DeclarationState.Ready) is { } queued)
            {
                ready.Add(new ReadyDeclaration(p.Id, p.Dfe, p.Name, p.Cohort, queued.Id, new DeclarationProposal(queued.Type, queued.DeclarationDate, queued.Evidence, queued.HasPassed)));
                continue;
            }
            if (mine.Any(r => r.State is DeclarationState.Submitting or DeclarationState.Failed))
            {
                continue;
            }
            var declared = mine.Select(r => r.Type).ToHashSet();
            if (DeclarationProposer.Next(facts[p.Id], rules, declared, now) is { } proposal)
            {
                ready.Add(new ReadyDeclaration(p.Id, p.Dfe, p.Name, p.Cohort, null, proposal));
            }
        }
        return ready.OrderBy(r => r.DeclarationProposal.Date).ThenBy(r => r.ParticipantId).ToList();
    }

    private async Task<Dictionary<int, DeclarationFacts>> FactsAsync(List<(int Id, string UserId, int CohortId, string ProgrammeCode, AssessmentRegime Regime)> people, DateTime now, CancellationToken ct)
    {
        var ids = people.Select(p => p.Id).ToList();
        var userIds = people.Select(p => p.UserId).Distinct().ToList();
        var sessions = await db.SessionAttendance.AsNoTracking()
            .Where(a => a.Present && userIds.Contains(a.UserId))
            .Join(db.CommunitySessions, a => a.SessionId, s => s.Id, (a, s) => new { a.UserId, s.GroupId, s.StartsAt, s.CancelledAt })
            .Where(x => x.CancelledAt == null && x.StartsAt <= now)
            .Join(db.CommunityGroups, x => x.GroupId, g => g.Id, (x, g) => new { x.UserId, g.CohortId, x.StartsAt })
            .ToListAsync(ct);
        var tutorials = await db.Bookings.AsNoTracking()
            .Where(b => ids.Contains(b.ParticipantId) && b.Status == BookingStatus.Held && b.Slot.StartsAt <= now)
            .Select(b => new { b.ParticipantId, b.Slot.StartsAt })
            .ToListAsync(ct);
        var submissions = await db.Submissions.AsNoTracking()
            .Where(s => ids.Contains(s.ParticipantId))
            .Select(s => new { s.ParticipantId, s.Project, s.Version, s.Status, s.Outcome, s.ReleasedAt })
            .ToListAsync(ct);
        var facts = new Dictionary<int, DeclarationFacts>();
        foreach (var p in people)
        {
            var attended = sessions.Where(s => s.UserId == p.UserId && s.CohortId == p.CohortId).Select(s => new Attended(s.StartsAt, EvidenceKind.CommunitySession))
                .Concat(tutorials.Where(t => t.ParticipantId == p.Id).Select(t => new Attended(t.StartsAt, EvidenceKind.Tutorial)))
                .ToList();
            // The latest version of each project counts: a resubmission in progress means no outcome yet.
            var outcomes = submissions.Where(s => s.ParticipantId == p.Id)
                .GroupBy(s => s.Project)
                .Select(g => g.OrderByDescending(s => s.Version).First())
                .Where(s => s.Status == SubmissionStatus.Released && s.Outcome is not null && s.ReleasedAt is not null)
                .Select(s => new ProjectOutcome(s.Project, s.Outcome == AssessmentOutcome.Passed, s.ReleasedAt!.Value))
                .ToList();
            facts[p.Id] = new DeclarationFacts(attended, outcomes, string.Equals(p.ProgrammeCode, "NPQH", StringComparison.OrdinalIgnoreCase), p.Regime, p.ProgrammeCode);
        }
        return facts;
    }
}
