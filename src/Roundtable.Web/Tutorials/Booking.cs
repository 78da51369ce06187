namespace Roundtable.Web.Tutorials;

public enum BookingStatus { Booked, Held, NoShow, Cancelled, LateCancelled }

// A delegate's tutorial with a partner, for Project 1 or Project 2. Two nullable columns carry the
// rules into unique indexes, the backstop when many people press "book" at once:
// ActiveSlotId (the slot while the booking holds it) and AllowanceProject (the project while the
// booking uses the delegate's one tutorial for it).
public class Booking
{
    public const int FocusMaxLength = 1000;
    public const int SummaryMaxLength = 3000;
    public const int ReasonMaxLength = 500;

    public int Id { get; set; }
    public int SlotId { get; set; }
    public TutorialSlot Slot { get; set; } = null!;
    public int ParticipantId { get; set; }
    public People.Participant Participant { get; set; } = null!;
    public int Project { get; set; }
    public string Focus { get; set; } = "";
    public string ProjectSummary { get; set; } = "";
    public BookingStatus Status { get; set; }
    public DateTime BookedAt { get; set; }
    public bool OutsideWindow { get; set; }
    public DateTime? CancelledAt { get; set; }
    public string? CancelledById { get; set; }
    public bool CancelledByPartner { get; set; }
    public string? CancelReason { get; set; }
    public DateTime? AllowanceRestoredAt { get; set; }
    public string? AllowanceRestoredById { get; set; }
    public int? ActiveSlotId { get; set; }
    public int? AllowanceProject { get; set; }
    public TutorialFeedback? Feedback { get; set; }

    public bool IsActive => Status is BookingStatus.Booked or BookingStatus.Held or BookingStatus.NoShow;

    public bool UsesAllowance => IsActive || (Status == BookingStatus.LateCancelled && AllowanceRestoredAt is null);

    // Keeps the two index columns in step with the status; called after every change of status.
    public void SyncIndexColumns()
    {
        ActiveSlotId = IsActive ? SlotId : null;
        AllowanceProject = UsesAllowance ? Project : null;
    }
}

// What the partner records after the tutorial: a couple of minutes' work.
public class TutorialFeedback
{
    public const int NotesMaxLength = 4000;

    public int Id { get; set; }
    public int BookingId { get; set; }
    public bool Held { get; set; }
    public string Notes { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public string RecordedById { get; set; } = "";
}

// A partner's note to the delegate's tutor (the requirements are unclear, no placement yet, ...).
public class Referral
{
    public const int ReasonMaxLength = 1000;

    public int Id { get; set; }
    public int BookingId { get; set; }
    public Booking Booking { get; set; } = null!;
    public string? TutorId { get; set; }
    public string Reason { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? DealtWithAt { get; set; }
    public string? DealtWithById { get; set; }
}

// The programme team's decision that a delegate's tutorial may fall outside its window.
public class WindowOverride
{
    public const int ReasonMaxLength = 500;

    public int Id { get; set; }
    public int ParticipantId { get; set; }
    public People.Participant Participant { get; set; } = null!;
    public int Project { get; set; }
    public string Reason { get; set; } = "";
    public string ById { get; set; } = "";
    public DateTime At { get; set; }
}

// Settings the programme team keeps for tutorials: one row.
public class TutorialSettings
{
    public const int SingletonId = 1;
    public const int DefaultNoticeHours = 48;
    public const int MaxNoticeHours = 24 * 14;

    public int Id { get; set; } = SingletonId;
    public int NoticeHours { get; set; } = DefaultNoticeHours;
}
