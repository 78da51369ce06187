using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;

namespace Roundtable.Web.Dfe;

// Declarations in the demo: every demo delegate with a DfE participant id and a session or tutorial
// behind them has a declaration ready; delegate1's started declaration is already submitted
// (a fictional DfE id), so the page shows a result and a void.
public static class DeclarationsDemoData
{
    public static async Task SeedAsync(AppDbContext db, int cohortId, TimeProvider time, CancellationToken ct = default)
    {
        var cohort = await db.Cohorts.Include(c => c.Programme).Include(c => c.Participants).ThenInclude(p => p.User).SingleAsync(c => c.Id == cohortId, ct);
        cohort.Programme.DfeCourseIdentifier ??= cohort.Programme.IsHeadship ? DfeCourses.Headship : null;
        // Fictional, fixed ids for any demo delegate the DfE link's demo data left without one.
        foreach (var p in cohort.Participants.Where(p => p.DfeParticipantId is null))
        {
            p.DfeParticipantId = $"00000000-0000-4000-8000-{p.Id:D12}";
        }
        await db.SaveChangesAsync(ct);

        var delegate1 = cohort.Participants.FirstOrDefault(p => string.Equals(p.User.Email, $"delegate1@{DemoData.Domain}", StringComparison.OrdinalIgnoreCase));
        if (delegate1 is null)
        {
            return;
        }
        var ready = await new DeclarationProposals(db, time).ReadyAsync([delegate1.Id], ct);
        if (ready is [var first, ..])
        {
            var now = time.UtcNow();
            var row = Declaration.Queue(delegate1.Id, first.DeclarationProposal, null, now.AddDays(-3));
            row.Accepted("11111111-2222-4333-8444-555555555555", "eligible", null, now.AddDays(-3));
            row.Attempts = 1;
            db.Declarations.Add(row);
            await db.SaveChangesAsync(ct);
        }
    }
}
