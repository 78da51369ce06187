using Roundtable.Web.Communities;

namespace Roundtable.Web.LiveSessions;

public enum LiveAction { Start, Next, Back, Pause, Resume, Extend, Finish, Takeover, Drop, NoteTaker }

public sealed record LiveCommand(LiveAction Action, int? FromStep = null, int? Minutes = null, int? Turn = null, string? PersonId = null);

public sealed record LiveClock(DateTime? StepEndsAt, int RemainingSeconds);

// The state machine of a live session, pure over the stored state and the time now. Each action
// either changes the state (null) or says why it does not fit the session now (a conflict).
public static class LiveRules
{
    public const int MinStepSeconds = 60;
    public const string DoesNotFit = "The action does not fit the session now";

    // Only the chair runs the session; any member of the group may take over as chair.
    public static Failure? MayAct(LiveAction action, bool isMember, string? chairId, string actorId) =>
        action == LiveAction.Takeover
            ? isMember ? null : NotTheChair("Only a member of the group can take over as chair.")
            : isMember && (chairId is null || chairId == actorId)
                ? null
                : NotTheChair("Only the chair can run the session. If the chair has dropped out, take over as chair first.");

    // Live sessions follow the calendar: a session is started or taken over only while it is due
    // and not yet recorded (so nobody becomes the chair of a past record), and only a session that
    // has begun can be finished. Other actions need a started session, which these rules guard.
    // A cancelled session refuses every action (409).
    public static Failure? FitsCalendar(LiveAction action, CommunitySession session, DateTime now)
    {
        if (session.RefuseLiveIfCancelled() is { } cancelled)
        {
            return cancelled;
        }
        var starts = UkFormat.DateTime(session.StartsAt);
        switch (action)
        {
            case LiveAction.Start or LiveAction.Takeover:
                if (session.IsRecorded)
                {
                    return OffCalendar("This session has been recorded, so it can no longer be run live or taken over. Its chair can correct the record.");
                }
                if (now < session.LiveOpensAt)
                {
                    return OffCalendar($"This session is not due yet: it starts at {starts}, and can be started or taken over from {UkFormat.Time(session.LiveOpensAt)} that day.");
                }
                if (now >= session.LiveClosesAt)
                {
                    return OffCalendar($"This session was due at {starts}: it can no longer be started or taken over. Its chair can keep the record.");
                }
                return null;
            case LiveAction.Finish when now < session.LiveOpensAt:
                return OffCalendar($"This session has not begun: it starts at {starts}.");
            default:
                return null;
        }
    }

    private static Failure OffCalendar(string message) => Failure.Refused(message) with { Title = "Not due" };

    public static Failure Misfit(string message) => Failure.Conflict(message) with { Title = DoesNotFit };

    private static Failure NotTheChair(string message) => Failure.Forbidden(message) with { Title = "Not the chair" };

    public static Failure? Apply(LiveRun s, LiveCommand c, string actorId, DateTime now, IReadOnlyList<LiveStep>? agendaAtStart = null)
    {
        switch (c.Action)
        {
            case LiveAction.Start:
                if (s.Status != LiveStatus.NotStarted)
                {
                    return Misfit("The session has already started.");
                }
                if (agendaAtStart is not null)
                {
                    s.Steps = agendaAtStart;
                }
                if (s.Steps.Count == 0)
                {
                    return Misfit("There is no agenda to run: at least three people must be present.");
                }
                s.Status = LiveStatus.Running;
                s.StartedAt = now;
                s.ChairId ??= actorId;
                EnterStep(s, 0, now);
                return null;

            case LiveAction.Next or LiveAction.Back:
                if (s.Status is not (LiveStatus.Running or LiveStatus.Paused))
                {
                    return Misfit(s.Status == LiveStatus.NotStarted ? "The session has not started." : "The session has finished.");
                }
                if (c.FromStep is null)
                {
                    return Misfit("Say which step the action was made on (fromStep).");
                }
                if (c.FromStep != s.StepIndex)
                {
                    return Misfit($"The session has moved on to step {s.StepIndex + 1} since: nothing changed.");
                }
                var target = s.StepIndex + (c.Action == LiveAction.Next ? 1 : -1);
                if (target < 0 || target >= s.Steps.Count)
                {
                    return Misfit(target < 0 ? "This is the first step." : "This is the last step: finish the session instead.");
                }
                // Moving to another step carries on running, even from a paused one.
                s.Status = LiveStatus.Running;
                EnterStep(s, target, now);
                return null;

            case LiveAction.Pause:
                if (s.Status != LiveStatus.Running)
                {
                    return Misfit("Only a running session can be paused.");
                }
                s.Status = LiveStatus.Paused;
                s.PausedAt = now;
                return null;

            case LiveAction.Resume:
                if (s.Status != LiveStatus.Paused)
                {
                    return Misfit("Only a paused session can be resumed.");
                }
                s.PausedSeconds += (int)Math.Round((now - s.PausedAt!.Value).TotalSeconds);
                s.PausedAt = null;
                s.Status = LiveStatus.Running;
                return null;

            case LiveAction.Extend:
                if (s.Status is not (LiveStatus.Running or LiveStatus.Paused))
                {
                    return Misfit("Minutes can be added or removed only while the session runs.");
                }
                if (c.Minutes is not (1 or -1))
                {
                    return Misfit("Add or remove one minute at a time (minutes: 1 or -1).");
                }
                var length = (s.Steps[s.StepIndex].Minutes * 60) + s.AdjustSeconds + (c.Minutes.Value * 60);
                if (length < MinStepSeconds)
                {
                    return Misfit("A step cannot be shorter than one minute.");
                }
                s.AdjustSeconds += c.Minutes.Value * 60;
                return null;

            case LiveAction.Finish:
                if (s.Status is not (LiveStatus.Running or LiveStatus.Paused))
                {
                    return Misfit(s.Status == LiveStatus.Finished ? "The session has already finished." : "The session has not started.");
                }
                if (s.Status == LiveStatus.Paused)
                {
                    s.PausedSeconds += (int)Math.Round((now - s.PausedAt!.Value).TotalSeconds);
                    s.PausedAt = null;
                }
                s.Status = LiveStatus.Finished;
                s.FinishedAt = now;
                return null;

            case LiveAction.Takeover:
                if (s.Status == LiveStatus.Finished)
                {
                    return Misfit("The session has finished.");
                }
                if (s.ChairId == actorId)
                {
                    return Misfit("You are already the chair.");
                }
                s.ChairId = actorId;
                return null;

            case LiveAction.Drop:
                return DropTurn(s, c.Turn);

            // Who may be named (a present member) is checked by the caller, which knows who is present.
            case LiveAction.NoteTaker:
                if (s.Status == LiveStatus.Finished)
                {
                    return Misfit("The session has finished.");
                }
                if (string.IsNullOrEmpty(c.PersonId))
                {
                    return Misfit("Say who takes the notes (personId).");
                }
                s.NoteTakerId = c.PersonId;
                return null;

            default:
                return Misfit("Unknown action.");
        }
    }

    // An absent owner's turn comes out of the agenda; the steps after it move up.
    private static Failure? DropTurn(LiveRun s, int? turn)
    {
        if (s.Status is not (LiveStatus.Running or LiveStatus.Paused))
        {
            return Misfit("Turns can be dropped only while the session runs.");
        }
        var steps = s.Steps.ToList();
        var first = steps.FindIndex(x => x.Turn == turn && x.Phase == "Turn");
        if (turn is null || first < 0)
        {
            return Misfit("There is no such turn to drop.");
        }
        if (first <= s.StepIndex)
        {
            return Misfit("That turn has already started: move on with 'next' instead.");
        }
        steps.RemoveAll(x => x.Turn == turn && x.Phase == "Turn");
        s.Steps = steps;
        return null;
    }

    private static void EnterStep(LiveRun s, int index, DateTime now)
    {
        s.StepIndex = index;
        s.StepStartedAt = now;
        s.PausedAt = null;
        s.PausedSeconds = 0;
        s.AdjustSeconds = 0;
    }

    // The countdown every screen shows, from the stored timestamps: negative once the step overruns.
    public static LiveClock Clock(LiveRun s, DateTime now)
    {
        if (s.Status is LiveStatus.NotStarted || s.StepStartedAt is null || s.Steps.Count == 0)
        {
            return new LiveClock(null, 0);
        }
        var length = TimeSpan.FromSeconds((s.Steps[s.StepIndex].Minutes * 60) + s.AdjustSeconds);
        var paused = TimeSpan.FromSeconds(s.PausedSeconds);
        var endsAt = s.StepStartedAt.Value + length + paused;
        return s.Status switch
        {
            LiveStatus.Running => new LiveClock(endsAt, (int)Math.Floor((endsAt - now).TotalSeconds)),
            LiveStatus.Paused => new LiveClock(null, (int)Math.Floor((endsAt - s.PausedAt!.Value).TotalSeconds)),
            _ => new LiveClock(null, (int)Math.Floor((endsAt - (s.FinishedAt ?? now)).TotalSeconds)),
        };
    }
}
