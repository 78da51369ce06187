using Roundtable.Web.Projects;

namespace Roundtable.Web.Tutorials;

// What people give to the tutorial services, from the API and the forms alike. Each record checks
// its own shape (Invalid, beside the field named by nameof); the entities then decide whether the
// change is allowed. A form binds "Input" with these property names.

// Start is an exact instant (UTC): the API and the form turn a UK wall-clock time into it, and
// refuse a time the clocks skip (TutorialSlot.ClocksGoForward).
public sealed record SlotInput(DateTime Start, int Minutes, TutorialMode Mode, string? Where)
{
    public Failure? Check()
    {
        if (Minutes is < TutorialSlot.MinMinutes or > TutorialSlot.MaxMinutes)
        {
            return Failure.Invalid(nameof(Minutes), $"Length must be between {TutorialSlot.MinMinutes} and {TutorialSlot.MaxMinutes} minutes.");
        }
        var where = Where?.Trim() ?? "";
        if (where.Length > TutorialSlot.WhereMaxLength)
        {
            return Failure.Invalid(nameof(Where), $"Keep this to {TutorialSlot.WhereMaxLength} characters or fewer.");
        }
        if (Mode == TutorialMode.Online)
        {
            return Uri.TryCreate(where, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
                ? null
                : Failure.Invalid(nameof(Where), "Enter the meeting link, starting with https://");
        }
        return where.Length == 0 ? Failure.Invalid(nameof(Where), "Enter where the tutorial will take place.") : null;
    }
}

public sealed record WithdrawInput(string? Reason)
{
    public Failure? Check() => Texts.Required(Reason, TutorialSlot.ReasonMaxLength)
        ? null
        : Failure.Invalid(nameof(Reason), $"Give a reason, in {TutorialSlot.ReasonMaxLength} characters or fewer.");
}

public sealed record BookingInput(int SlotId, int Project, string? Focus, string? ProjectSummary)
{
    public Failure? Check()
    {
        if (!ProjectNumbers.IsValid(Project))
        {
            return Failure.Invalid(nameof(Project), "Choose Project 1 or Project 2.");
        }
        var focus = Focus?.Trim() ?? "";
        if (focus.Length == 0 || focus.Length > Booking.FocusMaxLength)
        {
            return Failure.Invalid(nameof(Focus),
                focus.Length == 0 ? "Say what you would like the tutorial to focus on." : $"Keep the focus to {Booking.FocusMaxLength} characters or fewer.");
        }
        var summary = ProjectSummary?.Trim() ?? "";
        if (summary.Length == 0 || summary.Length > Booking.SummaryMaxLength)
        {
            return Failure.Invalid(nameof(ProjectSummary),
                summary.Length == 0 ? "Summarise the project you are planning." : $"Keep the summary to {Booking.SummaryMaxLength} characters or fewer.");
        }
        return null;
    }
}

public sealed record CancelInput(string? Reason)
{
    public Failure? Check() => Texts.Required(Reason, Booking.ReasonMaxLength)
        ? null
        : Failure.Invalid(nameof(Reason), $"Give a reason for cancelling, in {Booking.ReasonMaxLength} characters or fewer.");
}

// ReferralReason is null when the partner makes no referral.
public sealed record FeedbackInput(bool Held, string? Notes, string? ReferralReason)
{
    public Failure? Check()
    {
        var notes = Notes?.Trim() ?? "";
        if (notes.Length > TutorialFeedback.NotesMaxLength)
        {
            return Failure.Invalid(nameof(Notes), $"Keep the notes to {TutorialFeedback.NotesMaxLength} characters or fewer.");
        }
        if (Held && notes.Length == 0)
        {
            return Failure.Invalid(nameof(Notes), "Write a few notes on the issues discussed.");
        }
        if (ReferralReason is not null && !Texts.Required(ReferralReason, Referral.ReasonMaxLength))
        {
            return Failure.Invalid(nameof(ReferralReason), $"Give the reason for the referral, in {Referral.ReasonMaxLength} characters or fewer.");
        }
        return null;
    }
}

public sealed record WindowOverrideInput(int ParticipantId, int Project, string? Reason)
{
    public Failure? Check()
    {
        if (!ProjectNumbers.IsValid(Project))
        {
            return Failure.Invalid(nameof(Project), "Choose Project 1 or Project 2.");
        }
        return Texts.Required(Reason, WindowOverride.ReasonMaxLength)
            ? null
            : Failure.Invalid(nameof(Reason), $"Give a reason, in {WindowOverride.ReasonMaxLength} characters or fewer.");
    }
}

internal static class Texts
{
    // Something other than spaces, and no longer than the column once trimmed.
    public static bool Required(string? text, int maxLength) => text?.Trim() is { Length: > 0 } t && t.Length <= maxLength;
}
