using Roundtable.Web.People;

namespace Roundtable.Web.Communities;

// A buddy pair (or the one trio when numbers are odd) for one round of pairing in a cohort.
public class BuddyPair
{
    public const int RoundMaxLength = 100;

    public int Id { get; set; }
    public int CohortId { get; set; }
    public string Round { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public List<BuddyPairMember> Members { get; set; } = [];
    public List<BuddyCheckIn> CheckIns { get; set; } = [];
}

public class BuddyPairMember
{
    public int Id { get; set; }
    public int PairId { get; set; }
    public BuddyPair Pair { get; set; } = null!;
    public string UserId { get; set; } = "";
    public AppUser User { get; set; } = null!;
}

// The note is private to the pair; everyone else sees only that a check-in happened.
public class BuddyCheckIn
{
    public const int NoteMaxLength = 1000;

    public int Id { get; set; }
    public int PairId { get; set; }
    public string AuthorId { get; set; } = "";
    public AppUser Author { get; set; } = null!;
    public DateOnly Date { get; set; }
    public string Note { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

// The protocol's timings as data the programme team edits; the seed's values when none are saved.
public class ProtocolStepSetting
{
    public int Id { get; set; }
    public int GroupSize { get; set; }
    public int Position { get; set; }
    public int Minutes { get; set; }
}
