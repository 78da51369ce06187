using Roundtable.Web.People;

namespace Roundtable.Web.Tutorials;

// A professional partner: an experienced headteacher whose circumstances delegates match against
// their own school (Project 1) or their placement school (Project 2).
public class PartnerProfile
{
    public const int SpecialismsMaxLength = 500;
    public const int BiographyMaxLength = 2000;
    public const int MaxHeadshipYears = 60;
    public const int MaxNumberOnRoll = 10_000;
    public const int MaxMonthlyCap = 60;
    public const int DefaultMonthlyCap = 6;

    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public AppUser User { get; set; } = null!;
    public int HeadshipYears { get; set; }
    public SchoolPhase? Phase { get; set; }
    public SettingType? SettingType { get; set; }
    public Region? Region { get; set; }
    public int? NumberOnRoll { get; set; }
    public string Specialisms { get; set; } = "";
    public string Biography { get; set; } = "";
    // The most tutorials the partner will take in one calendar month (UK time).
    public int MonthlyCap { get; set; } = DefaultMonthlyCap;
    // Bumped at the start of every write to this partner's slots and bookings, so that two such
    // writes queue one behind the other on both databases (see TutorialLock).
    public int LockVersion { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum TutorialMode
{
    Online,
    [System.ComponentModel.DataAnnotations.Display(Name = "In person")] InPerson,
}

// A time a partner offers. It is booked at most once at a time (Booking.ActiveSlotId is unique).
public class TutorialSlot
{
    public const int WhereMaxLength = 300;
    public const int MinMinutes = 15;
    public const int MaxMinutes = 180;
    public const int ReasonMaxLength = 500;
    // A partner plans a year at most, with at most this many open slots ahead at once.
    public const int MaxDaysAhead = 366;
    public const int MaxOpenSlots = 400;

    public int Id { get; set; }
    public int PartnerId { get; set; }
    public PartnerProfile Partner { get; set; } = null!;
    public DateTime StartsAt { get; set; }
    public int Minutes { get; set; }
    public TutorialMode Mode { get; set; }
    // The meeting link (online) or the place (in person).
    public string Where { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawnReason { get; set; }

    // A UK wall-clock time that does not exist: the hour skipped when the clocks go forward.
    public const string ClocksGoForward = "That time does not exist in the UK: the clocks go forward then. Choose another time.";

    public DateTime EndsAt => StartsAt.AddMinutes(Minutes);

    public bool Overlaps(DateTime startsAt, int minutes) => StartsAt < startsAt.AddMinutes(minutes) && startsAt < EndsAt;

    // A new slot starts in the future and overlaps none of the partner's slots still offered.
    public static Result<TutorialSlot> Publish(int partnerId, SlotInput input, IEnumerable<TutorialSlot> partnersSlots, DateTime now, int openSlotsAhead = 0)
    {
        if (input.Start <= now)
        {
            return Failure.Refused("The start must be in the future.", nameof(SlotInput.Start));
        }
        if (input.Start > now.AddDays(MaxDaysAhead))
        {
            return Failure.Refused($"Slots can be published up to {MaxDaysAhead} days ahead; choose an earlier start.", nameof(SlotInput.Start));
        }
        if (openSlotsAhead >= MaxOpenSlots)
        {
            return Failure.TooMany($"You already have {MaxOpenSlots} open slots ahead, the most a partner may publish. Withdraw some or wait until they have passed.");
        }
        if (partnersSlots.FirstOrDefault(s => s.WithdrawnAt is null && s.Overlaps(input.Start, input.Minutes)) is { } other)
        {
            return Failure.Refused($"This overlaps your slot on {UkFormat.DateTime(other.StartsAt)} ({other.Minutes} minutes). Slots may not overlap.", nameof(SlotInput.Start));
        }
        return new TutorialSlot
        {
            PartnerId = partnerId, StartsAt = input.Start, Minutes = input.Minutes, Mode = input.Mode, Where = input.Where?.Trim() ?? "", CreatedAt = now,
        };
    }

    // Whether a delegate may take this slot; taken: another booking holds it.
    public Failure? RefuseBooking(bool taken, DateTime now)
    {
        if (WithdrawnAt is not null)
        {
            return Failure.Conflict("The partner has withdrawn this slot. Choose another.", nameof(BookingInput.SlotId));
        }
        if (taken)
        {
            return Failure.Conflict("This slot has already been booked. Choose another.", nameof(BookingInput.SlotId));
        }
        return StartsAt <= now ? Failure.Refused("This slot is in the past. Choose a later one.", nameof(BookingInput.SlotId)) : null;
    }

    // The partner stops offering the slot; a booking on it is then cancelled by the partner.
    public Failure? Withdraw(string reason, DateTime now)
    {
        if (WithdrawnAt is not null)
        {
            return Failure.Conflict("This slot has already been withdrawn.");
        }
        if (StartsAt <= now)
        {
            return Failure.Refused("This slot has already started, so it cannot be withdrawn.");
        }
        WithdrawnAt = now;
        WithdrawnReason = reason.Trim();
        return null;
    }
}
