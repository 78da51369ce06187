using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;

namespace Roundtable.Web.Communities;

// Keeping a session's record: load the session, check who keeps it and what they wrote, save.
public sealed class SessionRecords(AppDbContext db, CommunityQueries queries, TimeProvider time)
{
    private static readonly Failure NotYours = Failure.NotFound("There is no session with that id whose record you keep.");

    // The session, if this person keeps its record (the programme team, or its chair while a member).
    public async Task<CommunitySession?> KeptByAsync(int sessionId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var session = await db.CommunitySessions.AsNoTracking().Include(s => s.Group).Include(s => s.Attendance).Include(s => s.Turns)
            .FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return null;
        }
        var me = user.UserId();
        var chair = await queries.ChairForAsync(session, ct);
        var isTeam = user.IsInRole(Roles.ProgrammeTeam);
        var isMember = !isTeam && chair?.Id == me && await queries.IsMemberAsync(session.GroupId, user, ct);
        return SessionRecord.MayKeep(isTeam, isMember, chair?.Id, me) || (!isTeam && await IsNoteTakerAsync(session, user, ct)) ? session : null;
    }

    // The member the chair (of the session or of one of its breakouts) named to take notes keeps the
    // record while the session runs live; a breakout's note-taker may finish writing up their
    // breakout's turns after it ends, until the whole session does.
    private async Task<bool> IsNoteTakerAsync(CommunitySession session, ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.UserId();
        var live = await db.LiveSessions.AsNoTracking().FirstOrDefaultAsync(l => l.SessionId == session.Id, ct);
        if (live is null || !(live.Status is LiveSessions.LiveStatus.Running or LiveSessions.LiveStatus.Paused))
        {
            return false;
        }
        var named = live.NoteTakerId == me
            || await db.LiveBreakouts.AnyAsync(b => b.SessionId == session.Id && b.NoteTakerId == me, ct);
        return named && await queries.IsMemberAsync(session.GroupId, user, ct);
    }

    public Task<List<MemberView>> MembersAsync(int groupId, CancellationToken ct = default) =>
        db.CommunityMembers.AsNoTracking().Where(m => m.GroupId == groupId).OrderBy(m => m.User.FullName)
            .Select(m => new MemberView(m.UserId, m.User.FullName, m.User.Email!)).ToListAsync(ct);

    public async Task<Failure?> RecordAsync(int sessionId, SessionRecordInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var kept = await KeptByAsync(sessionId, user, ct);
        if (kept is null)
        {
            return NotYours;
        }
        var members = await MembersAsync(kept.GroupId, ct);
        var record = SessionRecord.Check(input, members);
        if (!record.Succeeded)
        {
            return record.Failure;
        }
        var chairId = kept.ChairId ?? (await queries.ChairForAsync(kept, ct))?.Id ?? user.UserId();
        var session = await db.CommunitySessions.Include(s => s.Attendance).Include(s => s.Turns).FirstAsync(s => s.Id == sessionId, ct);
        session.Record(record.Value, members.Select(m => m.Id), chairId, time.UtcNow());
        return await db.TrySaveUniqueAsync(ct)
            ? null
            : Failure.Conflict("Someone else saved this record at the same moment. Reload the page to see theirs, then make your change again.");
    }
}
