using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Auth;

namespace Roundtable.Web.LiveSessions;

public sealed record LiveStepView(string Name, string Phase, int? Turn, string? Owner, string Speakers, bool OwnerSilent, int Minutes);
public sealed record LivePerson(string Id, string Name);
public sealed record LiveNext(string Name, int Minutes);

public sealed record LiveState(
    string Status, int StepIndex, LiveStepView? Step, DateTime? StepEndsAt, int RemainingSeconds, DateTime ServerTime,
    LivePerson? Chair, LiveNext? Next, int Version, IReadOnlyList<string> Prompts, string? Note, IReadOnlyList<LiveStepView> Steps);

// Loads, checks and changes live sessions: load, check who acts, apply the rule, save with a
// version check, then announce the new state to every server's open event streams.
public sealed class LiveService(AppDbContext db, CommunityQueries queries, ProtocolSettings protocol, ILiveNotifier notifier, TimeProvider time)
{
    public async Task<Result<LiveState>> GetAsync(int sessionId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var session = await VisibleSessionAsync(sessionId, user, ct);
        return session.Succeeded ? await StateAsync(session.Value, ct) : session.Failure;
    }

    // The session, if this person may see its group (members, their tutors, the programme team).
    public async Task<Result<CommunitySession>> VisibleSessionAsync(int sessionId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var session = await db.CommunitySessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        return session is not null && await queries.CanViewGroupAsync(session.GroupId, user, ct)
            ? session
            : Failure.NotFound("There is no session with that id that you can see.");
    }

    public async Task<LiveState> StateAsync(CommunitySession session, CancellationToken ct = default)
    {
        var live = await db.LiveSessions.AsNoTracking().FirstOrDefaultAsync(l => l.SessionId == session.Id, ct)
            ?? new LiveSession { SessionId = session.Id, Status = LiveStatus.NotStarted };
        var now = time.UtcNow();
        var steps = live.Steps;
        var chairId = live.ChairId ?? (await queries.ChairForAsync(session, ct))?.Id;
        var chair = chairId is null ? null : await db.Users.Where(u => u.Id == chairId).Select(u => new LivePerson(u.Id, u.FullName)).FirstOrDefaultAsync(ct);
        var clock = LiveRules.Clock(live, now);
        var current = steps.Count > 0 && live.Status != LiveStatus.NotStarted ? steps[live.StepIndex] : null;
        var next = live.Status is LiveStatus.Running or LiveStatus.Paused && live.StepIndex + 1 < steps.Count ? steps[live.StepIndex + 1] : null;
        return new LiveState(
            live.Status.ToString(), live.StepIndex,
            current is null ? null : View(current) with { Minutes = current.Minutes + (live.AdjustSeconds / 60) },
            clock.StepEndsAt, clock.RemainingSeconds, now, chair,
            next is null ? null : new LiveNext(next.Name, next.Minutes),
            live.Version, current?.Prompts ?? [], current?.Note, steps.Select(View).ToList());
    }

    private static LiveStepView View(LiveStep s) => new(s.Name, s.Phase, s.Turn, s.Owner, s.Speakers, s.OwnerSilent, s.Minutes);

    public async Task<Result<LiveState>> ActAsync(int sessionId, LiveCommand command, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var visible = await VisibleSessionAsync(sessionId, user, ct);
        if (!visible.Succeeded)
        {
            return visible.Failure;
        }
        var session = visible.Value;
        var me = user.UserId();
        var isMember = await queries.IsMemberAsync(session.GroupId, user, ct);
        var live = await db.LiveSessions.FirstOrDefaultAsync(l => l.SessionId == sessionId, ct);
        var isNew = live is null;
        live ??= new LiveSession { SessionId = sessionId, Status = LiveStatus.NotStarted };

        var chairId = live.ChairId ?? (await queries.ChairForAsync(session, ct))?.Id;
        if (LiveRules.MayAct(command.Action, isMember, chairId, me) is { } notAllowed)
        {
            return notAllowed;
        }

        var now = time.UtcNow();
        if (LiveRules.FitsCalendar(command.Action, session, now) is { } offCalendar)
        {
            return offCalendar;
        }
        var agenda = command.Action == LiveAction.Start && live.Status == LiveStatus.NotStarted ? await AgendaAtStartAsync(session, ct) : null;
        if (LiveRules.Apply(live, command, me, now, agenda) is { } misfit)
        {
            return misfit;
        }
        live.UpdatedAt = now;
        live.Version++;
        if (isNew)
        {
            db.LiveSessions.Add(live);
        }
        if (command.Action is LiveAction.Start or LiveAction.Takeover)
        {
            // The session record shows who chaired, saved with the state in one go.
            (await db.CommunitySessions.FirstAsync(s => s.Id == sessionId, ct)).ChairId = live.ChairId;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueSave.IsUniqueViolation(e))
        {
            return LiveRules.Misfit("Someone else changed the session at the same moment: nothing changed. The screen shows the latest state.");
        }
        Infrastructure.Operations.AppMetrics.LiveActions.Add(1, new KeyValuePair<string, object?>("action", command.Action.ToString()));
        var state = await StateAsync(session, ct);
        await notifier.NotifyAsync(sessionId, JsonSerializer.Serialize(state, LiveJson.Options), ct);
        return state;
    }

    // Fixed at the start from who is present (everyone, if attendance has not been taken), in the
    // turn order the chair set, otherwise by name.
    private async Task<IReadOnlyList<LiveStep>> AgendaAtStartAsync(CommunitySession session, CancellationToken ct)
    {
        var members = await db.CommunityMembers.AsNoTracking().Where(m => m.GroupId == session.GroupId)
            .Select(m => new { m.UserId, m.User.FullName }).ToListAsync(ct);
        var present = await db.SessionAttendance.AsNoTracking().Where(a => a.SessionId == session.Id && a.Present).Select(a => a.UserId).ToListAsync(ct);
        var order = await db.SessionTurns.AsNoTracking().Where(t => t.SessionId == session.Id).ToDictionaryAsync(t => t.OwnerId, t => t.Position, ct);
        var people = members.Where(m => present.Count == 0 || present.Contains(m.UserId))
            .OrderBy(m => order.GetValueOrDefault(m.UserId, int.MaxValue)).ThenBy(m => m.FullName, StringComparer.Ordinal)
            .Select(m => m.FullName).ToList();
        var local = TimeZoneInfo.ConvertTimeFromUtc(time.UtcNow(), LondonTime.Zone);
        var agenda = AgendaBuilder.Build(people.Count, local, LondonTime.Zone, await protocol.TemplatesForSessionAsync(session, ct));
        // With breakouts each group needs its own chair and screen; this run follows the first group.
        return agenda.Succeeded ? LiveSession.FromAgenda(agenda.Value.Groups[0], people) : [];
    }
}

public static class LiveJson
{
    // The same shape as the API's own JSON (camelCase), for events and notifications.
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
