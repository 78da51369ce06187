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

    // A round needs a name the cohort has not used (case aside), like the term: Spring 2027.
    public static Result<string> CheckRound(BuddyRoundInput input, IEnumerable<string> earlierRounds)
    {
        var round = input.Round?.Trim() ?? "";
        if (round.Length == 0 || round.Length > RoundMaxLength)
        {
            return Failure.Invalid(nameof(BuddyRoundInput.Round),
                round.Length == 0 ? "Enter a name for this round, like Spring 2027" : $"Enter a name of at most {RoundMaxLength} characters");
        }
        return earlierRounds.Contains(round, StringComparer.OrdinalIgnoreCase)
            ? Failure.Invalid(nameof(BuddyRoundInput.Round), "There is already a round with that name")
            : round;
    }

    public static BuddyPair For(int cohortId, string round, BuddyGroup group, DateTime now) => new()
    {
        CohortId = cohortId, Round = round, CreatedAt = now,
        Members = group.MemberIds.Select(userId => new BuddyPairMember { UserId = userId }).ToList(),
    };
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

    public static BuddyCheckIn Log(int pairId, string authorId, BuddyCheckInInput input, DateTime now) =>
        new() { PairId = pairId, AuthorId = authorId, Date = input.Date!.Value, Note = input.Note!.Trim(), CreatedAt = now };

    public int Id { get; set; }
    public int PairId { get; set; }
    public string AuthorId { get; set; } = "";
    public AppUser Author { get; set; } = null!;
    public DateOnly Date { get; set; }
    public string Note { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

// A check-in a buddy logs. Date is null when the form could not read one (it says so itself).
public sealed record BuddyCheckInInput(DateOnly? Date, string? Note)
{
    public Failure? Check(DateOnly today)
    {
        var errors = new FieldErrors();
        if (Date > today)
        {
            errors.Add(nameof(Date), "The date of the check-in must be today or in the past");
        }
        if (string.IsNullOrWhiteSpace(Note))
        {
            errors.Add(nameof(Note), "Enter a short note");
        }
        else if (Note.Length > BuddyCheckIn.NoteMaxLength)
        {
            errors.Add(nameof(Note), $"Write the note in {UkFormat.Number(BuddyCheckIn.NoteMaxLength)} characters or fewer");
        }
        return errors.ToFailure();
    }
}

// The protocol's timings as data the programme team edits; the seed's values when none are saved.
public class ProtocolStepSetting
{
    public int Id { get; set; }
    public int GroupSize { get; set; }
    public int Position { get; set; }
    public int Minutes { get; set; }
}
