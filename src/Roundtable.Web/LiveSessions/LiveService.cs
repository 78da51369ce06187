using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;

namespace Roundtable.Web.LiveSessions;

public sealed record LiveStepView(string Name, string Phase, int? Turn, string? Owner, string Speakers, bool OwnerSilent, int Minutes, string? OwnerId = null, string? Listeners = null);
public sealed record LivePerson(string Id, string Name);
public sealed record LiveNext(string Name, int Minutes);
// The caller's own part in the current step, decided from who is signed in.
public sealed record LiveYou(bool IsOwner, string? Prompt);
// Id is 0 for a proposed breakout not yet saved (the chair has moved nobody and not started).
public sealed record LiveBreakoutView(int Id, int Number, IReadOnlyList<LivePerson> Members, LivePerson? Chair, string Status, int StepIndex, int StepCount, string? StepName);

public sealed record LiveState(
    string Status, int StepIndex, LiveStepView? Step, DateTime? StepEndsAt, int RemainingSeconds, DateTime ServerTime,
    LivePerson? Chair, LiveNext? Next, int Version, IReadOnlyList<string> Prompts, string? Note, IReadOnlyList<LiveStepView> Steps)
{
    public LivePerson? NoteTaker { get; init; }
    // The session's breakouts (empty below seven present); on a breakout's own state, empty.
    public IReadOnlyList<LiveBreakoutView> Breakouts { get; init; } = [];
    public int? BreakoutId { get; init; }
    public int? BreakoutNumber { get; init; }
    // On a breakout's state: the whole session has moved on to the shared review.
    public bool CalledBack { get; init; }
    public LiveYou? You { get; init; }

    public const string OwnerListens = "This is your problem: listen and do not speak during this step.";
    public const string OwnerSpeaks = "This is your problem: this step is yours to speak in.";

    public LiveState ForPerson(string personId) => this with
    {
        You = Step?.OwnerId is { } owner && owner == personId && Status is "Running" or "Paused"
            ? new LiveYou(true, Step.OwnerSilent ? OwnerListens : OwnerSpeaks)
            : new LiveYou(false, null),
    };
}

// Loads, checks and changes live sessions and their breakouts: load, check who acts, apply the
// rule, save with a version check, then announce the new state to every server's open streams.
public sealed class LiveService(AppDbContext db, CommunityQueries queries, ProtocolSettings protocol, ILiveNotifier notifier, TimeProvider time)
{
    private const string BreakoutsStep = "Breakouts";

    public async Task<Result<LiveState>> GetAsync(int sessionId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var session = await VisibleSessionAsync(sessionId, user, ct);
        return session.Succeeded ? (await StateAsync(session.Value, ct)).ForPerson(user.UserId()) : session.Failure;
    }

    public async Task<Result<LiveState>> GetBreakoutAsync(int sessionId, int breakoutId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var session = await VisibleSessionAsync(sessionId, user, ct);
        if (!session.Succeeded)
        {
            return session.Failure;
        }
        var state = await BreakoutStateAsync(session.Value, breakoutId, ct);
        return state is null ? NoSuchBreakout : state.ForPerson(user.UserId());
    }

    private static readonly Failure NoSuchBreakout = Failure.NotFound("There is no breakout with that id in this session.");

    // The session, if this person may see its group (members, their tutors, the programme team).
    public async Task<Result<CommunitySession>> VisibleSessionAsync(int sessionId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var session = await db.CommunitySessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        return session is not null && await queries.CanViewGroupAsync(session.GroupId, user, ct)
            ? session
            : Failure.NotFound("There is no session with that id that you can see.");
    }

    // The breakout this person is in, if the session has saved breakouts.
    public Task<int?> MyBreakoutIdAsync(int sessionId, string userId, CancellationToken ct = default) =>
        db.LiveBreakoutMembers.Where(m => m.SessionId == sessionId && m.UserId == userId).Select(m => (int?)m.BreakoutId).FirstOrDefaultAsync(ct);

    public async Task<LiveState> StateAsync(CommunitySession session, CancellationToken ct = default)
    {
        var live = await db.LiveSessions.AsNoTracking().FirstOrDefaultAsync(l => l.SessionId == session.Id, ct)
            ?? new LiveSession { SessionId = session.Id, Status = LiveStatus.NotStarted };
        var chairId = live.ChairId ?? (await queries.ChairForAsync(session, ct))?.Id;
        var state = await RunStateAsync(live, chairId, ct);
        return state with { Breakouts = await BreakoutViewsAsync(session, live, ct) };
    }

    public async Task<LiveState?> BreakoutStateAsync(CommunitySession session, int breakoutId, CancellationToken ct = default)
    {
        var breakout = await db.LiveBreakouts.AsNoTracking().FirstOrDefaultAsync(b => b.Id == breakoutId && b.SessionId == session.Id, ct);
        if (breakout is null)
        {
            return null;
        }
        var main = await db.LiveSessions.AsNoTracking().Where(l => l.SessionId == session.Id).Select(l => new { l.Status, l.StepIndex }).FirstOrDefaultAsync(ct);
        var state = await RunStateAsync(breakout, breakout.ChairId, ct);
        return state with
        {
            BreakoutId = breakout.Id, BreakoutNumber = breakout.Number,
            CalledBack = main is not null && (main.Status == LiveStatus.Finished || main.StepIndex > 0),
        };
    }

    private async Task<LiveState> RunStateAsync(LiveRun live, string? chairId, CancellationToken ct)
    {
        var now = time.UtcNow();
        var steps = live.Steps;
        var ids = new[] { chairId, live.NoteTakerId }.OfType<string>().ToList();
        var people = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => new LivePerson(u.Id, u.FullName)).ToListAsync(ct);
        var clock = LiveRules.Clock(live, now);
        var current = steps.Count > 0 && live.Status != LiveStatus.NotStarted ? steps[live.StepIndex] : null;
        var next = live.IsRunning && live.StepIndex + 1 < steps.Count ? steps[live.StepIndex + 1] : null;
        return new LiveState(
            live.Status.ToString(), live.StepIndex,
            current is null ? null : View(current) with { Minutes = current.Minutes + (live.AdjustSeconds / 60) },
            clock.StepEndsAt, clock.RemainingSeconds, now, people.FirstOrDefault(p => p.Id == chairId),
            next is null ? null : new LiveNext(next.Name, next.Minutes),
            live.Version, current?.Prompts ?? [], current?.Note, steps.Select(View).ToList())
        {
            NoteTaker = people.FirstOrDefault(p => p.Id == live.NoteTakerId),
        };
    }

    private static LiveStepView View(LiveStep s) => new(s.Name, s.Phase, s.Turn, s.Owner, s.Speakers, s.OwnerSilent, s.Minutes, s.OwnerId, s.WhoListens);

    // Saved breakouts once the run started (or the chair moved someone); before that, the split
    // the start would make from who is present now.
    private async Task<IReadOnlyList<LiveBreakoutView>> BreakoutViewsAsync(CommunitySession session, LiveSession live, CancellationToken ct)
    {
        var saved = await db.LiveBreakouts.AsNoTracking().Where(b => b.SessionId == session.Id).Include(b => b.Members)
            .OrderBy(b => b.Number).ToListAsync(ct);
        if (live.Status == LiveStatus.NotStarted)
        {
            var split = await SplitAsync(session, saved, ct);
            return split.Select(g => new LiveBreakoutView(g.Id, g.Number, g.Members.Select(m => new LivePerson(m.Id, m.Name)).ToList(),
                g.Members.Where(m => m.Id == g.ChairId).Select(m => new LivePerson(m.Id, m.Name)).FirstOrDefault(),
                LiveStatus.NotStarted.ToString(), 0, 0, null)).ToList();
        }
        var ids = saved.SelectMany(b => b.Members.Select(m => m.UserId)).ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        return saved.Select(b =>
        {
            var steps = b.Steps;
            return new LiveBreakoutView(b.Id, b.Number,
                b.Members.Select(m => new LivePerson(m.UserId, names.GetValueOrDefault(m.UserId, ""))).OrderBy(p => p.Name, StringComparer.Ordinal).ToList(),
                b.ChairId is null ? null : new LivePerson(b.ChairId, names.GetValueOrDefault(b.ChairId, "")),
                b.Status.ToString(), b.StepIndex, steps.Count,
                b.Status == LiveStatus.NotStarted || steps.Count == 0 ? null : (steps[b.StepIndex].Turn is int t ? $"Turn {t}: " : "") + steps[b.StepIndex].Name);
        }).ToList();
    }

    public sealed record SplitGroup(int Id, int Number, IReadOnlyList<BreakoutPerson> Members, string? ChairId);

    // Who is present (everyone, if attendance has not been taken), with school and birthday.
    private async Task<List<BreakoutPerson>> PresentAsync(CommunitySession session, CancellationToken ct)
    {
        var members = await db.CommunityMembers.AsNoTracking().Where(m => m.GroupId == session.GroupId)
            .Select(m => new
            {
                m.UserId, m.User.FullName,
                Participant = db.Participants.Where(p => p.UserId == m.UserId && p.CohortId == m.CohortId)
                    .OrderBy(p => p.Id).Select(p => new { p.SchoolId, p.BirthdayDay, p.BirthdayMonth }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var present = await db.SessionAttendance.AsNoTracking().Where(a => a.SessionId == session.Id && a.Present).Select(a => a.UserId).ToListAsync(ct);
        return members.Where(m => present.Count == 0 || present.Contains(m.UserId))
            .Select(m => new BreakoutPerson(m.UserId, m.FullName, m.Participant?.SchoolId,
                m.Participant?.BirthdayDay is int d && m.Participant.BirthdayMonth is int mo ? new Birthday(d, mo) : null))
            .ToList();
    }

    private async Task<List<string>> ChairHistoryAsync(int groupId, CancellationToken ct) =>
        await db.CommunitySessions.AsNoTracking().Where(s => s.GroupId == groupId && s.ChairId != null && s.RecordedAt != null)
            .OrderBy(s => s.StartsAt).Select(s => s.ChairId!).ToListAsync(ct);

    // The saved split while it still holds exactly who is present, otherwise a fresh one.
    private async Task<IReadOnlyList<SplitGroup>> SplitAsync(CommunitySession session, IReadOnlyList<LiveBreakout> saved, CancellationToken ct)
    {
        var present = await PresentAsync(session, ct);
        if (!BreakoutSplit.Needed(present.Count))
        {
            return [];
        }
        var history = await ChairHistoryAsync(session.GroupId, ct);
        var byId = present.ToDictionary(p => p.Id);
        var groups = SavedMatches(saved, present)
            ? saved.Select(b => (b.Id, b.Number, Members: (IReadOnlyList<BreakoutPerson>)b.Members.Select(m => byId[m.UserId]).OrderBy(p => p.Name, StringComparer.Ordinal).ToList())).ToList()
            : BreakoutSplit.Split(present, session.Id, (await protocol.TemplatesForSessionAsync(session, ct)).GroupSizesFor(present.Count)).Select((g, i) => (Id: 0, Number: i + 1, Members: g)).ToList();
        return groups.Select(g => new SplitGroup(g.Id, g.Number, g.Members, BreakoutSplit.ChairOf(g.Members, history))).ToList();
    }

    private static bool SavedMatches(IReadOnlyList<LiveBreakout> saved, List<BreakoutPerson> present)
    {
        var ids = saved.SelectMany(b => b.Members.Select(m => m.UserId)).ToHashSet(StringComparer.Ordinal);
        return saved.Count > 0 && ids.Count == present.Count && present.All(p => ids.Contains(p.Id));
    }

    // Before the start, the session's chair moves a person to another breakout of the proposed split.
    public async Task<Result<LiveState>> MoveAsync(int sessionId, string? personId, int? toNumber, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var visible = await VisibleSessionAsync(sessionId, user, ct);
        if (!visible.Succeeded)
        {
            return visible.Failure;
        }
        var session = visible.Value;
        var me = user.UserId();
        var live = await db.LiveSessions.AsNoTracking().FirstOrDefaultAsync(l => l.SessionId == sessionId, ct);
        var chairId = live?.ChairId ?? (await queries.ChairForAsync(session, ct))?.Id;
        if (!await queries.IsMemberAsync(session.GroupId, user, ct) || chairId != me)
        {
            return Failure.Forbidden("Only the session's chair can move people between breakouts.") with { Title = "Not the chair" };
        }
        if (live is not null && live.Status != LiveStatus.NotStarted)
        {
            return LiveRules.Misfit("The session has started: the breakouts are fixed.");
        }
        var saved = await db.LiveBreakouts.Where(b => b.SessionId == sessionId).Include(b => b.Members).OrderBy(b => b.Number).ToListAsync(ct);
        var split = await SplitAsync(session, saved, ct);
        if (split.Count == 0)
        {
            return LiveRules.Misfit($"Breakouts are for sessions with {BreakoutSplit.MinimumForBreakouts} or more present.");
        }
        var from = split.FirstOrDefault(g => g.Members.Any(m => m.Id == personId));
        if (from is null)
        {
            return Failure.Invalid("personId", "Choose a person who is present.");
        }
        if (toNumber is not int to || to < 1 || to > split.Count)
        {
            return Failure.Invalid("breakout", $"Choose a breakout from 1 to {split.Count}.");
        }
        if (to == from.Number)
        {
            return LiveRules.Misfit($"They are in breakout {to} already.");
        }
        if (BreakoutSplit.CheckMove(split.Select(g => g.Members.Count + (g.Number == to ? 1 : g.Number == from.Number ? -1 : 0)).ToList()) is { } badSize)
        {
            return badSize;
        }
        if (split[0].Id == 0)
        {
            // Save the proposal first: a new split replaces one that no longer matches who is present.
            db.LiveBreakouts.RemoveRange(saved);
            if (saved.Count > 0)
            {
                await db.SaveChangesAsync(ct);
            }
            saved = split.Select(g => new LiveBreakout
            {
                SessionId = sessionId, Number = g.Number, UpdatedAt = time.UtcNow(),
                Members = g.Members.Select(m => new LiveBreakoutMember { SessionId = sessionId, UserId = m.Id }).ToList(),
            }).ToList();
            db.LiveBreakouts.AddRange(saved);
        }
        var row = saved.SelectMany(b => b.Members).First(m => m.UserId == personId);
        var target = saved.First(b => b.Number == to);
        saved.First(b => b.Members.Contains(row)).Members.Remove(row);
        target.Members.Add(row);
        foreach (var b in saved.Where(b => b.Number == to || b.Number == from.Number))
        {
            b.Version++;
        }
        if (!await TrySaveAsync(ct))
        {
            return SameMoment;
        }
        var state = (await StateAsync(session, ct)).ForPerson(me);
        await notifier.NotifyAsync(sessionId, JsonSerializer.Serialize(state with { You = null }, LiveJson.Options), ct);
        return state;
    }

    private static readonly Failure SameMoment = LiveRules.Misfit("Someone else changed the session at the same moment: nothing changed. The screen shows the latest state.");

    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueSave.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

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
        var breakouts = await db.LiveBreakouts.Where(b => b.SessionId == sessionId).Include(b => b.Members).OrderBy(b => b.Number).ToListAsync(ct);
        var inBreakouts = live.Status != LiveStatus.NotStarted && breakouts.Count > 0;
        if (command.Action == LiveAction.NoteTaker && !(await PresentAsync(session, ct)).Any(p => p.Id == command.PersonId))
        {
            return Failure.Invalid("personId", "Choose a member who is present to take the notes.");
        }
        if (inBreakouts && command.Action == LiveAction.Back && live.StepIndex == 1)
        {
            return LiveRules.Misfit("Everyone is back from the breakouts for the shared review: the breakouts cannot reopen.");
        }
        if (inBreakouts && command.Action == LiveAction.Drop)
        {
            return LiveRules.Misfit("Turns are dropped in each breakout by its chair.");
        }
        IReadOnlyList<LiveStep>? agenda = null;
        if (command.Action == LiveAction.Start && live.Status == LiveStatus.NotStarted)
        {
            (agenda, var newBreakouts) = await AgendaAtStartAsync(session, breakouts, now, ct);
            // A split saved before the start that no longer matches who is present gives way.
            db.LiveBreakouts.RemoveRange(breakouts.Where(b => newBreakouts is null || !newBreakouts.Contains(b)));
            db.LiveBreakouts.AddRange(newBreakouts?.Where(b => b.Id == 0) ?? []);
            breakouts = newBreakouts ?? [];
        }
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
        // Calling everyone back (or finishing) closes the breakouts still running.
        var closing = breakouts.Count > 0 && (live.Status == LiveStatus.Finished || (command.Action == LiveAction.Next && live.StepIndex == 1))
            ? breakouts.Where(b => b.Status != LiveStatus.Finished).ToList()
            : [];
        foreach (var b in closing)
        {
            CloseBreakout(b, now);
        }
        if (command.Action is LiveAction.Start or LiveAction.Takeover)
        {
            // The session record shows who chaired, saved with the state in one go.
            (await db.CommunitySessions.FirstAsync(s => s.Id == sessionId, ct)).ChairId = live.ChairId;
        }
        if (!await TrySaveAsync(ct))
        {
            return SameMoment;
        }
        Infrastructure.Operations.AppMetrics.LiveActions.Add(1, new KeyValuePair<string, object?>("action", command.Action.ToString()));
        var state = await StateAsync(session, ct);
        await notifier.NotifyAsync(sessionId, JsonSerializer.Serialize(state, LiveJson.Options), ct);
        if (command.Action is LiveAction.Start || closing.Count > 0 || (inBreakouts && command.Action is LiveAction.Next or LiveAction.Finish))
        {
            foreach (var b in breakouts)
            {
                await notifier.NotifyAsync(LiveKeys.Breakout(b.Id), null, ct);
            }
        }
        return state.ForPerson(me);
    }

    private static void CloseBreakout(LiveBreakout b, DateTime now)
    {
        if (b.Status == LiveStatus.Paused)
        {
            b.PausedSeconds += (int)Math.Round((now - b.PausedAt!.Value).TotalSeconds);
            b.PausedAt = null;
        }
        b.Status = LiveStatus.Finished;
        b.FinishedAt ??= now;
        b.UpdatedAt = now;
        b.Version++;
    }

    public async Task<Result<LiveState>> ActOnBreakoutAsync(int sessionId, int breakoutId, LiveCommand command, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var visible = await VisibleSessionAsync(sessionId, user, ct);
        if (!visible.Succeeded)
        {
            return visible.Failure;
        }
        var session = visible.Value;
        var breakout = await db.LiveBreakouts.Include(b => b.Members).FirstOrDefaultAsync(b => b.Id == breakoutId && b.SessionId == sessionId, ct);
        if (breakout is null)
        {
            return NoSuchBreakout;
        }
        var me = user.UserId();
        var inBreakout = breakout.Members.Any(m => m.UserId == me) && await queries.IsMemberAsync(session.GroupId, user, ct);
        if (!inBreakout)
        {
            return Failure.Forbidden("Only members of this breakout can run it or take it over.") with { Title = "Not in this breakout" };
        }
        if (LiveRules.MayAct(command.Action, inBreakout, breakout.ChairId, me) is { } notAllowed)
        {
            return notAllowed;
        }
        var now = time.UtcNow();
        if (LiveRules.FitsCalendar(command.Action, session, now) is { } offCalendar)
        {
            return offCalendar;
        }
        if (command.Action == LiveAction.Start)
        {
            return LiveRules.Misfit(breakout.Status == LiveStatus.NotStarted
                ? "The breakouts start when the session's chair starts the session."
                : "The breakout has already started.");
        }
        if (command.Action == LiveAction.NoteTaker && breakout.Members.All(m => m.UserId != command.PersonId))
        {
            return Failure.Invalid("personId", "Choose a member of this breakout to take the notes.");
        }
        if (LiveRules.Apply(breakout, command, me, now) is { } misfit)
        {
            return misfit;
        }
        breakout.UpdatedAt = now;
        breakout.Version++;
        if (!await TrySaveAsync(ct))
        {
            return SameMoment;
        }
        Infrastructure.Operations.AppMetrics.LiveActions.Add(1, new KeyValuePair<string, object?>("action", command.Action.ToString()));
        var calledBack = breakout.Status == LiveStatus.Finished && await BackToReviewWhenAllFinishedAsync(sessionId, now, ct);
        var state = (await BreakoutStateAsync(session, breakoutId, ct))!;
        await notifier.NotifyAsync(LiveKeys.Breakout(breakoutId), JsonSerializer.Serialize(state, LiveJson.Options), ct);
        // The overview follows every breakout; a call back reaches every breakout's screens.
        await notifier.NotifyAsync(sessionId, null, ct);
        if (calledBack)
        {
            foreach (var id in await db.LiveBreakouts.Where(b => b.SessionId == sessionId && b.Id != breakoutId).Select(b => b.Id).ToListAsync(ct))
            {
                await notifier.NotifyAsync(LiveKeys.Breakout(id), null, ct);
            }
        }
        return state.ForPerson(me);
    }

    // When the last breakout finishes its turns, the whole session moves on to the shared review.
    // Two breakouts finishing together both try; the version check lets one of them move it.
    private async Task<bool> BackToReviewWhenAllFinishedAsync(int sessionId, DateTime now, CancellationToken ct)
    {
        if (await db.LiveBreakouts.AnyAsync(b => b.SessionId == sessionId && b.Status != LiveStatus.Finished, ct))
        {
            return false;
        }
        var main = await db.LiveSessions.FirstOrDefaultAsync(l => l.SessionId == sessionId, ct);
        if (main is null || !main.IsRunning || main.StepIndex != 0
            || LiveRules.Apply(main, new LiveCommand(LiveAction.Next, FromStep: 0), main.ChairId ?? "", now) is not null)
        {
            return false;
        }
        main.UpdatedAt = now;
        main.Version++;
        return await TrySaveAsync(ct);
    }

    // Fixed at the start from who is present (everyone, if attendance has not been taken), in the
    // turn order the chair set, otherwise by name. Seven or more split into breakouts, each with
    // its own agenda and chair; the session itself then holds the breakouts and the shared review.
    private async Task<(IReadOnlyList<LiveStep> Steps, List<LiveBreakout>? Breakouts)> AgendaAtStartAsync(
        CommunitySession session, List<LiveBreakout> saved, DateTime now, CancellationToken ct)
    {
        var present = await PresentAsync(session, ct);
        var order = await db.SessionTurns.AsNoTracking().Where(t => t.SessionId == session.Id).ToDictionaryAsync(t => t.OwnerId, t => t.Position, ct);
        List<LivePerson> InTurnOrder(IEnumerable<BreakoutPerson> people) => people
            .OrderBy(m => order.GetValueOrDefault(m.Id, int.MaxValue)).ThenBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => new LivePerson(m.Id, m.Name)).ToList();
        var local = TimeZoneInfo.ConvertTimeFromUtc(now, LondonTime.Zone);
        // The protocol version the session was planned with (issue 18): its group sizes and timings.
        var plan = await protocol.TemplatesForSessionAsync(session, ct);
        var agenda = AgendaBuilder.Build(present.Count, local, LondonTime.Zone, plan);
        if (!agenda.Succeeded)
        {
            return ([], null);
        }
        if (!BreakoutSplit.Needed(present.Count))
        {
            return (LiveSession.FromAgenda(agenda.Value.Groups[0], InTurnOrder(present)), null);
        }

        var split = await SplitAsync(session, saved, ct);
        var own = split.Select(g => AgendaBuilder.Build(g.Members.Count, local, LondonTime.Zone, plan)).ToList();
        if (own.Any(a => !a.Succeeded))
        {
            // A breakout of a size the session's protocol does not suit: refused like any misfit.
            return ([], null);
        }
        var breakouts = new List<LiveBreakout>();
        foreach (var (group, groupAgenda) in split.Zip(own))
        {
            var ownAgenda = groupAgenda.Value!.Groups[0];
            var breakout = group.Id == 0
                ? new LiveBreakout
                {
                    SessionId = session.Id, Number = group.Number,
                    Members = group.Members.Select(m => new LiveBreakoutMember { SessionId = session.Id, UserId = m.Id }).ToList(),
                }
                : saved.First(b => b.Id == group.Id);
            breakout.Steps = LiveSession.FromAgenda(ownAgenda, InTurnOrder(group.Members)).Where(s => s.Phase != nameof(AgendaPhase.Review)).ToList();
            breakout.ChairId = group.ChairId;
            breakout.Status = LiveStatus.Running;
            breakout.StartedAt = breakout.StepStartedAt = breakout.UpdatedAt = now;
            breakout.StepIndex = 0;
            breakout.Version++;
            breakouts.Add(breakout);
        }
        var longest = breakouts.Max(b => b.Steps.Sum(s => s.Minutes));
        var review = LiveSession.FromAgenda(agenda.Value.Groups[0], Array.Empty<LivePerson>()).Last(s => s.Phase == nameof(AgendaPhase.Review));
        IReadOnlyList<LiveStep> steps =
        [
            new LiveStep(BreakoutsStep, BreakoutsStep, null, null, "Each breakout, with its own chair", false, longest,
                [$"{breakouts.Count} breakouts run their own turns side by side.", "Everyone comes back for the shared review when every breakout has finished, or when the chair calls everyone back."], null,
                Listeners: "Each breakout, with its own chair"),
            review,
        ];
        return (steps, breakouts);
    }
}

public static class LiveJson
{
    // The same shape as the API's own JSON (camelCase), for events and notifications.
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

// Event streams are keyed by session id; a breakout's stream by its id negated, so one hub and one
// notification channel carry both without the keys meeting.
public static class LiveKeys
{
    public static int Breakout(int breakoutId) => -breakoutId;
}
