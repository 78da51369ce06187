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

    public DateTime EndsAt => StartsAt.AddMinutes(Minutes);

    public bool Overlaps(DateTime startsAt, int minutes) => StartsAt < startsAt.AddMinutes(minutes) && startsAt < EndsAt;
}
