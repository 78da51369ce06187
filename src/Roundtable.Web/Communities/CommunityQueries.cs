using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;

namespace Roundtable.Web.Communities;

public sealed record MemberView(string Id, string Name, string Email);

public sealed record ChairOrderView(IReadOnlyList<(ChairOrderEntry Entry, string Email)> Order, MemberView? Next, bool NextWasAppointed);

// Who may see a group, and the facts about it that several pages and endpoints need.
public sealed class CommunityQueries(AppDbContext db, ProtocolSettings protocol, TimeProvider time)
{
    // Members of a published group, their tutors and the programme team may see it. Membership
    // counts only while the person still holds the role it came with: a delegate or tutor whose
    // role the programme team took away loses the group at once.
    public async Task<bool> CanViewGroupAsync(int groupId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.IsInRole(Roles.ProgrammeTeam))
        {
            return await db.CommunityGroups.AnyAsync(g => g.Id == groupId, ct);
        }
        var me = user.UserId();
        var asDelegate = user.IsInRole(Roles.Delegate);
        var asTutor = user.IsInRole(Roles.Tutor);
        return (asDelegate || asTutor) && await db.CommunityMembers.AnyAsync(m => m.GroupId == groupId && m.Group.Published
            && ((asDelegate && m.UserId == me) || (asTutor && db.Participants.Any(p => p.UserId == m.UserId && p.CohortId == m.CohortId && p.TutorId == me))), ct);
    }

    // Whose problem cards, turns and artefacts someone who can see the group may read: everyone's
    // (null) for its members, the programme team, and tutors whose cohort the programme team granted
    // sight of whole groups; otherwise only a tutor's own delegates (the spec gives a tutor their
    // delegates' progress, not the rest of the group's).
    public async Task<IReadOnlySet<string>?> CardOwnersVisibleAsync(int groupId, ClaimsPrincipal user, CancellationToken ct = default) =>
        await CardOwnersVisibleAsync(groupId, user, user.IsInRole(Roles.ProgrammeTeam) || await IsMemberAsync(groupId, user, ct), ct);

    // For a caller that has already asked IsMemberAsync.
    public async Task<IReadOnlySet<string>?> CardOwnersVisibleAsync(int groupId, ClaimsPrincipal user, bool isMember, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(Roles.ProgrammeTeam) || isMember)
        {
            return null;
        }
        if (!user.IsInRole(Roles.Tutor))
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }
        if (await db.CommunityGroups.AnyAsync(g => g.Id == groupId && g.Cohort.TutorsSeeWholeGroups, ct))
        {
            return null;
        }
        var me = user.UserId();
        var mine = await db.CommunityMembers.Where(m => m.GroupId == groupId
                && db.Participants.Any(p => p.UserId == m.UserId && p.CohortId == m.CohortId && p.TutorId == me))
            .Select(m => m.UserId).ToListAsync(ct);
        return mine.ToHashSet(StringComparer.Ordinal);
    }

    public Task<bool> IsMemberAsync(int groupId, string userId, CancellationToken ct = default) =>
        db.CommunityMembers.AnyAsync(m => m.GroupId == groupId && m.UserId == userId && m.Group.Published, ct);

    // A member who still holds the delegate role (what the live session and the record go by).
    public async Task<bool> IsMemberAsync(int groupId, ClaimsPrincipal user, CancellationToken ct = default) =>
        user.IsInRole(Roles.Delegate) && await IsMemberAsync(groupId, user.UserId(), ct);

    private sealed record GroupSession(int Id, string? ChairId, string? NextChairId, DateTime? RecordedAt, DateTime? CancelledAt);

    // The group's sessions in order: the chair rotation's history and the first one still open.
    private Task<List<GroupSession>> GroupSessionsAsync(int groupId, CancellationToken ct) =>
        db.CommunitySessions.AsNoTracking().Where(s => s.GroupId == groupId).OrderBy(s => s.StartsAt)
            .Select(s => new GroupSession(s.Id, s.ChairId, s.NextChairId, s.RecordedAt, s.CancelledAt)).ToListAsync(ct);

    public async Task<ChairOrderView> ChairOrderAsync(int groupId, CancellationToken ct = default) =>
        await ChairOrderAsync(groupId, await GroupSessionsAsync(groupId, ct), ct);

    private async Task<ChairOrderView> ChairOrderAsync(int groupId, List<GroupSession> sessions, CancellationToken ct)
    {
        // A member's cohort is the group's: their birthday is on their place in it.
        var members = await db.CommunityMembers.AsNoTracking().Where(m => m.GroupId == groupId)
            .Select(m => new
            {
                m.UserId, m.User.FullName, m.User.Email,
                BirthdayDay = db.Participants.Where(p => p.CohortId == m.CohortId && p.UserId == m.UserId).Select(p => p.BirthdayDay).FirstOrDefault(),
                BirthdayMonth = db.Participants.Where(p => p.CohortId == m.CohortId && p.UserId == m.UserId).Select(p => p.BirthdayMonth).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var ids = members.Select(m => m.UserId).ToList();
        var candidates = members.Select(m =>
            new ChairCandidate(m.UserId, m.FullName, m.BirthdayDay is int d && m.BirthdayMonth is int mo ? new Birthday(d, mo) : null)).ToList();

        var history = sessions.Where(s => s.ChairId != null && s.RecordedAt != null).Select(s => s.ChairId!).ToList();
        var rotation = ChairRotation.ProposeNext(candidates, history);

        // The group may appoint someone else at the review: the latest recorded session's choice wins.
        var appointed = sessions.LastOrDefault(s => s.RecordedAt != null)?.NextChairId;
        var nextId = appointed is not null && ids.Contains(appointed) ? appointed : rotation.ProposedNextChairId;
        var emails = members.ToDictionary(m => m.UserId, m => m.Email ?? "");
        var next = nextId is null ? null : members.Where(m => m.UserId == nextId).Select(m => new MemberView(m.UserId, m.FullName, m.Email ?? "")).First();
        return new ChairOrderView(rotation.Order.Select(e => (e, emails[e.MemberId])).ToList(), next, appointed is not null && appointed == nextId && appointed != rotation.ProposedNextChairId);
    }

    // Who chairs a session: whoever recorded it; for the first session not yet recorded, the next
    // chair in the rotation (or the one the group appointed); for later sessions, not yet known.
    public async Task<MemberView?> ChairForAsync(CommunitySession session, CancellationToken ct = default)
    {
        if (session.ChairId is not null)
        {
            return await db.Users.Where(u => u.Id == session.ChairId).Select(u => new MemberView(u.Id, u.FullName, u.Email!)).FirstOrDefaultAsync(ct);
        }
        var sessions = await GroupSessionsAsync(session.GroupId, ct);
        var firstOpen = sessions.Find(s => s.RecordedAt == null && s.CancelledAt == null)?.Id ?? 0;
        return firstOpen == session.Id ? (await ChairOrderAsync(session.GroupId, sessions, ct)).Next : null;
    }

    // The agenda for a session: from who attended once recorded, otherwise the whole group.
    public async Task<Result<Agenda>> AgendaForAsync(CommunitySession session, CancellationToken ct = default)
    {
        var present = session.Attendance.Count(a => a.Present);
        var participants = present > 0
            ? present
            : await db.CommunityMembers.CountAsync(m => m.GroupId == session.GroupId, ct);
        var local = TimeZoneInfo.ConvertTimeFromUtc(session.StartsAt, LondonTime.Zone);
        return AgendaBuilder.Build(participants, local, LondonTime.Zone, await protocol.TemplatesForSessionAsync(session, ct));
    }

    // The delegate's next session that has not started yet, in a published group.
    public Task<CommunitySession?> NextSessionForAsync(string userId, CancellationToken ct = default) =>
        UpcomingSessionsFor(userId).FirstOrDefaultAsync(ct);

    // The delegate's sessions that have not started yet in published groups, soonest first.
    public IQueryable<CommunitySession> UpcomingSessionsFor(string userId)
    {
        var now = time.UtcNow();
        return db.CommunitySessions
            .Where(s => s.StartsAt > now && s.CancelledAt == null && s.Group.Published && s.Group.Members.Any(m => m.UserId == userId))
            .OrderBy(s => s.StartsAt);
    }
}
