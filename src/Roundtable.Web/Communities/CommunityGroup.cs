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
    public List<CommunityMember> Members { get; set; } = [];
    public List<CommunitySession> Sessions { get; set; } = [];
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
}

public enum SessionMode { InPerson, Online }

public class CommunitySession
{
    public const int WhereMaxLength = 500;
    public const int TextMaxLength = 4000;

    public int Id { get; set; }
    public int GroupId { get; set; }
    public CommunityGroup Group { get; set; } = null!;
    public DateTime StartsAt { get; set; }
    public SessionMode Mode { get; set; }
    // A place for in-person sessions, a meeting link for online ones.
    public string Where { get; set; } = "";
    public string? ChairId { get; set; }
    public AppUser? Chair { get; set; }

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
