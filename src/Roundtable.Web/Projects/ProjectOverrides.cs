using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;

namespace Roundtable.Web.Projects;

// The programme team's overrides of one delegate's requirements; withdrawn ones stay on record.
public sealed class ProjectOverrides(AppDbContext db, TimeProvider time)
{
    public async Task<Result<RequirementOverride>> OverrideAsync(int participantId, OverrideInput input, string byId, string byName, CancellationToken ct = default)
    {
        var inForce = await db.RequirementOverrides.AsNoTracking().Where(o => o.ParticipantId == participantId && o.WithdrawnAt == null).ToListAsync(ct);
        var created = RequirementOverride.Create(participantId, input, inForce, byId, byName, time.UtcNow());
        if (!created.Succeeded)
        {
            return created;
        }
        db.RequirementOverrides.Add(created.Value);
        // Two of the team at once: the unique index on overrides in force lets one in.
        return await db.TrySaveUniqueAsync(ct) ? created : Failure.Conflict(RequirementOverride.AlreadyOverridden, nameof(input.Requirement));
    }

    public async Task<Failure?> WithdrawAsync(int participantId, int overrideId, string byName, CancellationToken ct = default)
    {
        var row = await db.RequirementOverrides.FirstOrDefaultAsync(o => o.Id == overrideId && o.ParticipantId == participantId && o.WithdrawnAt == null, ct);
        if (row is null)
        {
            return Failure.NotFound("There is no such override in force.");
        }
        if (row.Withdraw(byName, time.UtcNow()) is { } refused)
        {
            return refused;
        }
        await db.SaveChangesAsync(ct);
        return null;
    }
}
