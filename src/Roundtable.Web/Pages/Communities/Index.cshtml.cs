using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;

namespace Roundtable.Web.Pages.Communities;

public class IndexModel(AppDbContext db, CommunityQueries queries, TimeProvider time) : PageModel
{
    public sealed record SessionRow(int Id, DateTime StartsAt, SessionMode Mode, string Where, bool Upcoming, bool CardReady, bool Recorded);
    public sealed record GroupView(int Id, string Name, List<MemberView> Members, List<SessionRow> Sessions, MemberView? NextChair, bool NextChairAppointed);
    public sealed record BuddyView(string Round, List<string> Others);

    public List<GroupView> Groups { get; private set; } = [];
    public BuddyView? Buddy { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.UserId();
        var now = time.UtcNow();
        var groups = await db.CommunityGroups.AsNoTracking()
            .Where(g => g.Published && g.Members.Any(m => m.UserId == me))
            .Select(g => new
            {
                g.Id, g.Name,
                Members = g.Members.OrderBy(m => m.User.FullName).Select(m => new MemberView(m.UserId, m.User.FullName, m.User.Email!)).ToList(),
                Sessions = g.Sessions.OrderBy(s => s.StartsAt).Select(s => new SessionRow(s.Id, s.StartsAt, s.Mode, s.Where, s.StartsAt > now,
                    db.ProblemCards.Any(c => c.SessionId == s.Id && c.OwnerId == me), s.RecordedAt != null)).ToList(),
            })
            .ToListAsync(ct);
        foreach (var g in groups)
        {
            var chairs = await queries.ChairOrderAsync(g.Id, ct);
            Groups.Add(new GroupView(g.Id, g.Name, g.Members, g.Sessions, chairs.Next, chairs.NextWasAppointed));
        }
        var pair = await db.BuddyPairs.AsNoTracking().Where(p => p.Members.Any(m => m.UserId == me))
            .OrderByDescending(p => p.CreatedAt)
            .Select(p => new { p.Round, Others = p.Members.Where(m => m.UserId != me).Select(m => m.User.FullName).ToList() })
            .FirstOrDefaultAsync(ct);
        Buddy = pair is null ? null : new BuddyView(pair.Round, pair.Others);
    }
}
