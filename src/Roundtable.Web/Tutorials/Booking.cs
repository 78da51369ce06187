namespace Roundtable.Web.Tutorials;

public enum BookingStatus { Booked, Held, NoShow, Cancelled, LateCancelled }

public enum CancelledBy { Delegate, Partner }

// A delegate's tutorial with a partner, for Project 1 or Project 2. Two nullable columns carry the
// rules into unique indexes, the backstop when many people press "book" at once:
// ActiveSlotId (the slot while the booking holds it) and AllowanceProject (the project while the
// booking uses the delegate's one tutorial for it).
public class Booking
{
    public const int FocusMaxLength = 1000;
    public const int SummaryMaxLength = 3000;
    public const int ReasonMaxLength = 500;
    public const string AuditSubject = "Booking";

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
    // The calendar event's SEQUENCE: rises whenever the time, the place or the status a calendar shows changes.
    public int Sequence { get; set; }
    public TutorialFeedback? Feedback { get; set; }

    public bool IsActive => Status is BookingStatus.Booked or BookingStatus.Held or BookingStatus.NoShow;

    public bool UsesAllowance => IsActive || (Status == BookingStatus.LateCancelled && AllowanceRestoredAt is null);

    public bool HasStarted(DateTime now) => Slot.StartsAt <= now;

    // Inside the notice period a delegate's cancellation is late, and the tutorial can no longer move.
    public bool WithinNotice(DateTime now, int noticeHours) => WithinNotice(Slot.StartsAt, now, noticeHours);

    public static bool WithinNotice(DateTime startsAt, DateTime now, int noticeHours) => startsAt - now < TimeSpan.FromHours(noticeHours);

    public static Booking Book(TutorialSlot slot, int participantId, BookingInput input, bool outsideWindow, DateTime now)
    {
        var booking = new Booking
        {
            SlotId = slot.Id, ParticipantId = participantId, Project = input.Project, Focus = input.Focus?.Trim() ?? "",
            ProjectSummary = input.ProjectSummary?.Trim() ?? "", Status = BookingStatus.Booked, BookedAt = now, OutsideWindow = outsideWindow,
        };
        booking.SyncIndexColumns();
        return booking;
    }

    // A delegate who cancels inside the notice period still uses the allowance (a late cancellation);
    // a partner who cancels frees it and gives up the slot too.
    public Failure? Cancel(CancelledBy by, string userId, string reason, DateTime now, int noticeHours)
    {
        if (Status != BookingStatus.Booked)
        {
            return Failure.Conflict($"This tutorial is {StatusText(Status).ToLowerInvariant()}, so it cannot be cancelled.");
        }
        if (HasStarted(now))
        {
            return Failure.Conflict("This tutorial has already started. The partner records whether it was held.");
        }
        var byPartner = by == CancelledBy.Partner;
        Status = !byPartner && WithinNotice(now, noticeHours) ? BookingStatus.LateCancelled : BookingStatus.Cancelled;
        CancelledByPartner = byPartner;
        CancelledAt = now;
        CancelledById = userId;
        CancelReason = reason;
        Sequence++;
        if (byPartner)
        {
            Slot.WithdrawnAt = now;
            Slot.WithdrawnReason = reason;
        }
        SyncIndexColumns();
        return null;
    }

    public string CancellationText => CancelledByPartner ? "Cancelled by partner"
        : Status == BookingStatus.LateCancelled ? "Cancelled late by delegate"
        : "Cancelled by delegate";

    // Moves the tutorial to another slot in one step, so the delegate never has two or none. The
    // booking's own rules come first, then whatever the caller found wrong with the new slot (taken,
    // withdrawn, the partner's month full). Moving inside the notice period would be a late
    // cancellation that escapes its flag, so it is refused.
    public Failure? MoveTo(TutorialSlot newSlot, bool outsideWindow, DateTime now, int noticeHours, Failure? newSlotRefused = null)
    {
        if (newSlot.Id == SlotId)
        {
            return Failure.Refused("Your tutorial is already in this slot.", nameof(BookingInput.SlotId));
        }
        if (Status != BookingStatus.Booked)
        {
            return Failure.Conflict($"This tutorial is {StatusText(Status).ToLowerInvariant()}, so it cannot be moved.");
        }
        if (HasStarted(now))
        {
            return Failure.Conflict("This tutorial has already started, so it cannot be moved.");
        }
        if (WithinNotice(now, noticeHours))
        {
            return Failure.Refused($"Your tutorial is less than {noticeHours} hours away, so it can no longer be moved. Cancel it instead (a late cancellation, which the programme team can restore) or talk to your partner.",
                nameof(BookingInput.SlotId));
        }
        if (newSlotRefused is not null)
        {
            return newSlotRefused;
        }
        Slot = newSlot;
        SlotId = newSlot.Id;
        OutsideWindow = outsideWindow;
        Sequence++;
        SyncIndexColumns();
        return null;
    }

    // The partner says whether the tutorial was held, once, and not before it has started.
    public Result<TutorialFeedback> RecordFeedback(FeedbackInput input, bool alreadyRecorded, string partnerUserId, DateTime now)
    {
        if (alreadyRecorded || Feedback is not null)
        {
            return Failure.Refused(FeedbackAlreadyRecorded);
        }
        if (Status != BookingStatus.Booked)
        {
            return Failure.Refused($"This tutorial was {StatusText(Status).ToLowerInvariant()}: there is nothing to give feedback on.");
        }
        if (!HasStarted(now))
        {
            return Failure.Refused($"This tutorial starts on {UkFormat.DateTime(Slot.StartsAt)}. Record feedback once it has started.");
        }
        var feedback = new TutorialFeedback { BookingId = Id, Held = input.Held, Notes = input.Notes?.Trim() ?? "", RecordedAt = now, RecordedById = partnerUserId };
        Status = input.Held ? BookingStatus.Held : BookingStatus.NoShow;
        SyncIndexColumns();
        return feedback;
    }

    public const string FeedbackAlreadyRecorded = "Feedback on this tutorial has already been recorded.";

    // The programme team gives back the tutorial a late cancellation used up.
    public Failure? RestoreAllowance(string teamUserId, DateTime now)
    {
        if (Status != BookingStatus.LateCancelled || AllowanceRestoredAt is not null)
        {
            return Failure.Conflict("Only a late cancellation that still uses the allowance can be restored.");
        }
        AllowanceRestoredAt = now;
        AllowanceRestoredById = teamUserId;
        SyncIndexColumns();
        return null;
    }

    // Keeps the two index columns in step with the status; called after every change of status.
    public void SyncIndexColumns()
    {
        ActiveSlotId = IsActive ? SlotId : null;
        AllowanceProject = UsesAllowance ? Project : null;
    }

    public static string StatusText(BookingStatus status) => status switch
    {
        BookingStatus.Booked => "Booked",
        BookingStatus.Held => "Held",
        BookingStatus.NoShow => "Did not attend",
        BookingStatus.Cancelled => "Cancelled",
        _ => "Cancelled late",
    };
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

    public static Referral Make(Booking booking, string reason, DateTime now) =>
        new() { BookingId = booking.Id, TutorId = booking.Participant.TutorId, Reason = reason.Trim(), CreatedAt = now };

    // Closing it twice changes nothing: false when it was already dealt with.
    public bool MarkDealtWith(string tutorId, DateTime now)
    {
        if (DealtWithAt is not null)
        {
            return false;
        }
        DealtWithAt = now;
        DealtWithById = tutorId;
        return true;
    }
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

    public void Record(string reason, string teamUserId, DateTime now)
    {
        Reason = reason.Trim();
        ById = teamUserId;
        At = now;
    }
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
