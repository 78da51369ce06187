using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;

namespace Roundtable.Web.Insight;

// The cohort gets a budget for the dashboard. The first group gets an earlier recorded session, so that its last member (absent from both
// recorded sessions, and without a problem card for either) shows on the at-risk list beside the
// delegates whose tutorial 1 window closed unbooked and delegate17's overdue feedback.
public static class InsightDemoData
{
    public const long BudgetPence = 2_400_00;

    public static async Task SeedAsync(AppDbContext db, int cohortId, TimeProvider time, CancellationToken ct = default)
    {
        // The dashboard shows the paid invoices against this cohort's budget.
        db.CohortBudgets.Add(new CohortBudget { CohortId = cohortId, AmountPence = BudgetPence, SetAt = time.UtcNow() });
        await db.SaveChangesAsync(ct);
        var first = await db.CommunityGroups.Include(g => g.Members).Include(g => g.Sessions)
            .Where(g => g.CohortId == cohortId && g.Published).OrderBy(g => g.Name).FirstOrDefaultAsync(ct);
        var recorded = first?.Sessions.Where(s => s.RecordedAt != null).OrderBy(s => s.StartsAt).FirstOrDefault();
        if (first is null || recorded is null || first.Members.Count == 0)
        {
            return;
        }
        var members = first.Members.Select(m => m.UserId).ToList();
        // The member already absent from the recorded session, or (in a small group where all came) the last.
        var rows = await db.SessionAttendance.Where(a => a.SessionId == recorded.Id).ToListAsync(ct);
        var absent = rows.FirstOrDefault(a => !a.Present)?.UserId ?? members[^1];
        foreach (var row in rows.Where(a => a.UserId == absent))
        {
            row.Present = false;
        }
        var startsAt = recorded.StartsAt.AddDays(-14);
        var earlier = new CommunitySession
        {
            GroupId = first.Id, StartsAt = startsAt, Mode = SessionMode.Online, Where = recorded.Where, ChairId = recorded.ChairId,
            Successes = "Everyone named one thing that went well this half-term.", RecordedAt = startsAt.AddHours(1),
        };
        earlier.Attendance.AddRange(members.Select(m => new SessionAttendance { UserId = m, Present = m != absent }));
        db.CommunitySessions.Add(earlier);
        await db.SaveChangesAsync(ct);
        var now = time.UtcNow();
        foreach (var m in members.Where(m => m != absent))
        {
            db.ProblemCards.Add(new ProblemCard
            {
                SessionId = earlier.Id, OwnerId = m, Problem = "Homework completion has dropped in key stage 3", Evidence = "Completion fell from 80% to 55% this term.",
                Context = "A new homework platform in September.", Why = "Pupils who skip homework fall behind.", FrameworkArea = "Curriculum and assessment",
                Specific = SuitabilityAnswer.Yes, Solvable = SuitabilityAnswer.Yes, Controllable = SuitabilityAnswer.Yes, UpdatedAt = now.AddDays(-36),
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
