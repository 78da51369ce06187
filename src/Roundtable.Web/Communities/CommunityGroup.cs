using Roundtable.Web.People;

namespace Roundtable.Web.Communities;

public class CommunityGroup
{
    public const int NameMaxLength = 100;

    public int Id { get; set; }
    public int CohortId { get; set; }
    public Cohort Cohort { get; set; } = null!;
    public string Name { get; set; } = "";
    // Unpublished groups are the programme team's draft: delegates see a group once it is published.
    public bool Published { get; set; }
    // Why the group was formed as it is (formation reasons), shown to the team.
    public string? Notes { get; set; }
    // The group's own protocol from the library; null: its programme's default.
    public int? ProtocolId { get; set; }
    public List<CommunityMember> Members { get; set; } = [];
    public List<CommunitySession> Sessions { get; set; } = [];

    // A draft group made by hand: a name new to the cohort, and delegates not yet in any group.
    public static Result<CommunityGroup> Draft(int cohortId, NewGroupInput input, IReadOnlyCollection<string> takenNames, IReadOnlySet<string> unplaced)
    {
        var errors = new FieldErrors();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > NameMaxLength)
        {
            errors.Add(nameof(NewGroupInput.Name), name.Length == 0 ? "Enter a name for the group" : $"Enter a name of at most {NameMaxLength} characters");
        }
        else if (takenNames.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(nameof(NewGroupInput.Name), "This cohort already has a group with that name");
        }
        if (input.Members.Count == 0)
        {
            errors.Add(nameof(NewGroupInput.Members), "Choose the delegates for the group");
        }
        else if (input.Members.Any(m => !unplaced.Contains(m)))
        {
            errors.Add(nameof(NewGroupInput.Members), "Choose delegates who are not in a group yet");
        }
        if (errors.ToFailure() is { } failure)
        {
            return failure;
        }
        return new CommunityGroup
        {
            CohortId = cohortId,
            Name = name,
            Members = input.Members.Distinct(StringComparer.Ordinal).Select(userId => new CommunityMember { CohortId = cohortId, UserId = userId }).ToList(),
        };
    }

    // Groups marked 'Check' (size or school clashes) are published only when the team says so.
    public static Failure? CheckPublish(bool anyDraftNeedsChecking, bool acceptWarnings) =>
        anyDraftNeedsChecking && !acceptWarnings
            ? Failure.Invalid(nameof(PublishInput.AcceptWarnings), "Some groups are marked 'Check'. Move people to fix them, or tick the box to publish anyway")
            : null;
}

public class CommunityMember
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    public CommunityGroup Group { get; set; } = null!;
    // Repeated from the group so that a unique index keeps each delegate in one group per cohort.
    public int CohortId { get; set; }
    public string UserId { get; set; } = "";
    public AppUser User { get; set; } = null!;

    // False when they are in that group already.
    public bool MoveTo(int groupId)
    {
        if (GroupId == groupId)
        {
            return false;
        }
        GroupId = groupId;
        return true;
    }
}

public enum SessionMode { InPerson, Online }

public class CommunitySession
{
    public const int WhereMaxLength = 500;
    public const int TextMaxLength = 4000;
    // A session can be run live from a little before it starts until the end of its day (UK time).
    public static readonly TimeSpan LiveOpensBefore = TimeSpan.FromMinutes(30);

    public int Id { get; set; }
    public int GroupId { get; set; }
    public CommunityGroup Group { get; set; } = null!;
    public DateTime StartsAt { get; set; }
    public SessionMode Mode { get; set; }
    // A place for in-person sessions, a meeting link for online ones.
    public string Where { get; set; } = "";
    public string? ChairId { get; set; }
    public AppUser? Chair { get; set; }
    public DateTime? CancelledAt { get; set; }
    // The calendar event's SEQUENCE: rises with every change of time, place or status.
    public int Sequence { get; set; }
    // The protocol version the session was planned with, so later edits never change its agenda.
    public int? ProtocolVersionId { get; set; }

    public bool IsCancelled => CancelledAt is not null;

    // The record of the session, kept by the chair.
    public string? Successes { get; set; }
    public string? Reflections { get; set; }
    public string? QuestionsForTeam { get; set; }
    public DateTime? QuestionsResolvedAt { get; set; }
    public string? NextChairId { get; set; }
    public AppUser? NextChair { get; set; }
    public DateTime? RecordedAt { get; set; }

    public List<SessionAttendance> Attendance { get; set; } = [];
    public List<SessionTurn> Turns { get; set; } = [];

    public DateTime LiveOpensAt => StartsAt - LiveOpensBefore;

    public DateTime LiveClosesAt => LondonTime.EndOfDay(StartsAt);

    public bool IsDue(DateTime now) => now >= LiveOpensAt && now < LiveClosesAt;

    public bool IsRecorded => RecordedAt is not null;

    // "This session was cancelled on 1 December 2026", or null while it stands.
    public string? CancelledNotice => CancelledAt is { } at ? $"This session was cancelled on {UkFormat.Date(at)}" : null;

    // A cancelled session is not run live: nobody starts it, takes it over or runs any step of it.
    public Failure? RefuseLiveIfCancelled() =>
        CancelledNotice is { } notice ? Failure.Conflict($"{notice}, so it cannot be started, taken over or run live.") with { Title = "Session cancelled" } : null;

    // The programme team moves a session that has not started, or changes where it meets.
    public Failure? Change(DateTime startsAt, SessionMode mode, string where, DateTime now)
    {
        if (Unchangeable(now) is { } refused)
        {
            return refused;
        }
        if (startsAt <= now)
        {
            return Failure.Invalid(nameof(SessionScheduleInput.Time), "Choose a time that has not passed yet");
        }
        if (startsAt == StartsAt && mode == Mode && where == Where)
        {
            return null;
        }
        (StartsAt, Mode, Where) = (startsAt, mode, where);
        Sequence++;
        return null;
    }

    public Failure? Cancel(DateTime now)
    {
        if (Unchangeable(now) is { } refused)
        {
            return refused;
        }
        CancelledAt = now;
        Sequence++;
        return null;
    }

    private Failure? Unchangeable(DateTime now) =>
        IsCancelled ? Failure.Conflict("This session has been cancelled.")
        : RecordedAt is not null || StartsAt <= now ? Failure.Conflict("This session has already started, so it can no longer be changed.")
        : null;

    // The programme team has dealt with the group's questions (the first time counts).
    public void ResolveQuestions(DateTime now) => QuestionsResolvedAt ??= now;

    // Keeps the chair's record: attendance for every member, a turn for each owner who was here
    // or has something noted, and the session's own texts. Whoever chaired stays the chair.
    public void Record(SessionRecord record, IEnumerable<string> memberIds, string chairId, DateTime now)
    {
        foreach (var memberId in memberIds)
        {
            var row = Attendance.FirstOrDefault(a => a.UserId == memberId);
            if (row is null)
            {
                row = new SessionAttendance { SessionId = Id, UserId = memberId };
                Attendance.Add(row);
            }
            row.Present = record.Present.Contains(memberId);
        }
        foreach (var input in record.Turns)
        {
            var turn = Turns.FirstOrDefault(t => t.OwnerId == input.OwnerId);
            if (turn is null && input.ActionSteps is null && input.ChosenAction is null && !record.Present.Contains(input.OwnerId))
            {
                continue;
            }
            if (turn is null)
            {
                turn = new SessionTurn { SessionId = Id, OwnerId = input.OwnerId };
                Turns.Add(turn);
            }
            turn.Position = input.Position;
            turn.ActionSteps = input.ActionSteps;
            turn.ChosenAction = input.ChosenAction;
        }
        Successes = record.Successes;
        Reflections = record.Reflections;
        QuestionsForTeam = record.QuestionsForTeam;
        NextChairId = record.NextChairId;
        ChairId ??= chairId;
        RecordedAt = now;
    }
}

public class SessionAttendance
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public string UserId { get; set; } = "";
    public AppUser User { get; set; } = null!;
    public bool Present { get; set; }
}

// One problem owner's turn: its place in the order the chair set, what peers suggested, what the
// owner chose to do, and (recorded at the next session) what happened.
public class SessionTurn
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public CommunitySession Session { get; set; } = null!;
    public string OwnerId { get; set; } = "";
    public AppUser Owner { get; set; } = null!;
    public int Position { get; set; }
    public string? ActionSteps { get; set; }
    public string? ChosenAction { get; set; }
    public string? FollowUp { get; set; }
}
