using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;

namespace Roundtable.Web.Communities;

// The NPQ framework areas a problem card links to: a list the programme team keeps per
// qualification, the NPQH's ten when none is saved.
public class FrameworkArea
{
    public const int NameMaxLength = ProblemCard.AreaMaxLength;

    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public string Name { get; set; } = "";
    public int Position { get; set; }

    public static async Task<IReadOnlyList<string>> ForProgrammeAsync(AppDbContext db, int programmeId, CancellationToken ct = default)
    {
        var saved = await db.FrameworkAreas.AsNoTracking().Where(a => a.ProgrammeId == programmeId)
            .OrderBy(a => a.Position).Select(a => a.Name).ToListAsync(ct);
        return saved.Count > 0 ? saved : ProblemSuitability.NpqhFrameworkAreas;
    }

    public static async Task<IReadOnlyList<string>> ForSessionAsync(AppDbContext db, int sessionId, CancellationToken ct = default)
    {
        var programmeId = await db.CommunitySessions.Where(s => s.Id == sessionId).Select(s => s.Group.Cohort.ProgrammeId).FirstAsync(ct);
        return await ForProgrammeAsync(db, programmeId, ct);
    }
}
