using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Infrastructure.Email;
using Roundtable.Web.Pages.Shared;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Tutorials;

// A start is a UK wall-clock time, or an exact instant when the caller gave one (UtcStart).
public sealed record SlotInput(DateTime LocalStart, int Minutes, TutorialMode Mode, string? Where, DateTime? UtcStart = null);
public sealed record BookingInput(int SlotId, int Project, string? Focus, string? ProjectSummary);
public sealed record FeedbackInput(bool Held, string? Notes, string? ReferralReason);

// Every change to slots and bookings goes through here, for the API and the pages alike. Each one
// runs in a transaction that first takes the partner's lock (TutorialLock), so that checks such as
// "is the slot free?" and "is the month full?" hold until the change is committed; the unique
// indexes on Booking stay the backstop.
public sealed class TutorialBookings(AppDbContext db, TimeProvider time, ProjectProgress progress, IEmailSender email, ILogger<TutorialBookings> log)
{
    public const string AuditSubject = "Booking";

    private DateTime Now => time.UtcNow();

    public async Task<PartnerProfile> PartnerProfileAsync(string userId, CancellationToken ct = default)
    {
        var profile = await db.PartnerProfiles.FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (profile is not null)
        {
            return profile;
        }
        profile = new PartnerProfile { UserId = userId, UpdatedAt = Now };
        db.PartnerProfiles.Add(profile);
        if (await db.TrySaveUniqueAsync(ct))
        {
            return profile;
        }
        return await db.PartnerProfiles.SingleAsync(p => p.UserId == userId, ct);
    }

    public async Task<TutorialOutcome<TutorialSlot>> AddSlotAsync(string partnerUserId, SlotInput input, CancellationToken ct = default)
    {
        if (input.Minutes is < TutorialSlot.MinMinutes or > TutorialSlot.MaxMinutes)
        {
            return TutorialOutcome<TutorialSlot>.Fail(OutcomeKind.Invalid, $"Length must be between {TutorialSlot.MinMinutes} and {TutorialSlot.MaxMinutes} minutes.", "minutes");
        }
        var where = input.Where?.Trim() ?? "";
        if (SlotWhereError(input.Mode, where) is { } whereError)
        {
            return TutorialOutcome<TutorialSlot>.Fail(OutcomeKind.Invalid, whereError, "where");
        }
        var startsAt = input.UtcStart ?? default;
        if (input.UtcStart is null && !LondonTime.TryToUtc(input.LocalStart, out startsAt))
        {
            return TutorialOutcome<TutorialSlot>.Fail(OutcomeKind.Invalid, "That time does not exist in the UK: the clocks go forward then. Choose another time.", "start");
        }
        if (startsAt <= Now)
        {
            return TutorialOutcome<TutorialSlot>.Fail(OutcomeKind.Refused, "The start must be in the future.", "start");
        }

        var profile = await PartnerProfileAsync(partnerUserId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await TutorialLock.TakeAsync(db, [profile.Id], ct);
        var end = startsAt.AddMinutes(input.Minutes);
        var clash = await db.TutorialSlots.AsNoTracking()
            .Where(s => s.PartnerId == profile.Id && s.WithdrawnAt == null && s.StartsAt < end)
            .OrderByDescending(s => s.StartsAt).Take(20).ToListAsync(ct);
        if (clash.FirstOrDefault(s => s.Overlaps(startsAt, input.Minutes)) is { } other)
        {
            return TutorialOutcome<TutorialSlot>.Fail(OutcomeKind.Refused,
                $"This overlaps your slot on {UkFormat.DateTime(other.StartsAt)} ({other.Minutes} minutes). Slots may not overlap.", "start");
        }
        var slot = new TutorialSlot { PartnerId = profile.Id, StartsAt = startsAt, Minutes = input.Minutes, Mode = input.Mode, Where = where, CreatedAt = Now };
        db.TutorialSlots.Add(slot);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TutorialOutcome<TutorialSlot>.Ok(slot);
    }

    public static string? SlotWhereError(TutorialMode mode, string where)
    {
        if (where.Length > TutorialSlot.WhereMaxLength)
        {
            return $"Keep this to {TutorialSlot.WhereMaxLength} characters or fewer.";
        }
        if (mode == TutorialMode.Online)
        {
            return Uri.TryCreate(where, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
                ? null
                : "Enter the meeting link, starting with https://";
        }
        return where.Length == 0 ? "Enter where the tutorial will take place." : null;
    }

    // The partner withdraws a slot; a booking on it is cancelled by the partner, which frees the
    // delegate's allowance.
    public async Task<TutorialOutcome<TutorialSlot>> WithdrawSlotAsync(string partnerUserId, int slotId, string? reason, CancellationToken ct = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > TutorialSlot.ReasonMaxLength)
        {
            return TutorialOutcome<TutorialSlot>.Fail(OutcomeKind.Invalid, $"Give a reason, in {TutorialSlot.ReasonMaxLength} characters or fewer.", "reason");
        }
        var slot = await db.TutorialSlots.Include(s => s.Partner).FirstOrDefaultAsync(s => s.Id == slotId && s.Partner.UserId == partnerUserId, ct);
        if (slot is null)
        {
            return TutorialOutcome<TutorialSlot>.Fail(OutcomeKind.NotFound, "There is no slot of yours with that id.");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await TutorialLock.TakeAsync(db, [slot.PartnerId], ct);
        await db.Entry(slot).ReloadAsync(ct);
        if (slot.WithdrawnAt is not null)
        {
            return TutorialOutcome<TutorialSlot>.Fail(OutcomeKind.Conflict, "This slot has already been withdrawn.");
        }
        if (slot.StartsAt <= Now)
        {
            return TutorialOutcome<TutorialSlot>.Fail(OutcomeKind.Refused, "This slot has already started, so it cannot be withdrawn.");
        }
        slot.WithdrawnAt = Now;
        slot.WithdrawnReason = reason;
        var booking = await db.Bookings.Include(b => b.Participant).ThenInclude(p => p.User)
            .FirstOrDefaultAsync(b => b.ActiveSlotId == slot.Id, ct);
        if (booking is not null)
        {
            CancelByPartner(booking, partnerUserId, reason);
        }
        await db.SaveChangesAsync(ct);
        if (booking is not null)
        {
            db.AuditEntries.Add(AuditEntry.Of(AuditSubject, booking.Id, "Cancelled by partner", partnerUserId, Now, reason));
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        if (booking is not null)
        {
            await NotifyDelegateOfPartnerCancellationAsync(booking, slot, reason, ct);
        }
        return TutorialOutcome<TutorialSlot>.Ok(slot);
    }

    public async Task<TutorialOutcome<Booking>> BookAsync(string delegateUserId, BookingInput input, CancellationToken ct = default)
    {
        if (!ProjectNumbers.IsValid(input.Project))
        {
            return TutorialOutcome<Booking>.Fail(OutcomeKind.Invalid, "Choose Project 1 or Project 2.", "project");
        }
        var focus = input.Focus?.Trim() ?? "";
        var summary = input.ProjectSummary?.Trim() ?? "";
        if (focus.Length == 0 || focus.Length > Booking.FocusMaxLength)
        {
            return TutorialOutcome<Booking>.Fail(OutcomeKind.Invalid,
                focus.Length == 0 ? "Say what you would like the tutorial to focus on." : $"Keep the focus to {Booking.FocusMaxLength} characters or fewer.", "focus");
        }
        if (summary.Length == 0 || summary.Length > Booking.SummaryMaxLength)
        {
            return TutorialOutcome<Booking>.Fail(OutcomeKind.Invalid,
                summary.Length == 0 ? "Summarise the project you are planning." : $"Keep the summary to {Booking.SummaryMaxLength} characters or fewer.", "projectSummary");
        }
        var place = await progress.NpqhPlaceAsync(delegateUserId, ct);
        if (place is null)
        {
            return TutorialOutcome<Booking>.Fail(OutcomeKind.Refused, "Tutorials with professional partners are part of NPQH, and you are not on an NPQH cohort.");
        }
        var slot = await db.TutorialSlots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == input.SlotId, ct);
        if (slot is null)
        {
            return TutorialOutcome<Booking>.Fail(OutcomeKind.NotFound, "There is no slot with that id.", "slotId");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await TutorialLock.TakeAsync(db, [slot.PartnerId], ct);
        if (await SlotUnavailableAsync(slot.Id, ct) is { } unavailable)
        {
            return TutorialOutcome<Booking>.Fail(unavailable.Kind, unavailable.Error, "slotId");
        }
        if (await AllowanceUsedAsync(place.Id, input.Project, exceptBookingId: null, ct) is { } used)
        {
            return TutorialOutcome<Booking>.Fail(OutcomeKind.Refused, used, "project");
        }
        if (await MonthFullAsync(slot, exceptBookingId: null, ct) is { } full)
        {
            return TutorialOutcome<Booking>.Fail(OutcomeKind.Refused, full, "slotId");
        }

        var warnings = new List<string>();
        var windowWarning = await WindowWarningAsync(place, input.Project, slot.StartsAt, exceptBookingId: null, ct);
        if (windowWarning is not null)
        {
            warnings.Add(windowWarning);
        }
        if (input.Project == ProjectNumbers.Placement && await NoPlacementWarningAsync(place, ct) is { } noPlacement)
        {
            warnings.Add(noPlacement);
        }
        var booking = new Booking
        {
            SlotId = slot.Id, ParticipantId = place.Id, Project = input.Project, Focus = focus, ProjectSummary = summary,
            Status = BookingStatus.Booked, BookedAt = Now, OutsideWindow = windowWarning is not null,
        };
        booking.SyncIndexColumns();
        db.Bookings.Add(booking);
        if (!await db.TrySaveUniqueAsync(ct))
        {
            await tx.RollbackAsync(ct);
            // Another request won between our checks and our insert: say which rule it was.
            return await db.Bookings.AnyAsync(b => b.ActiveSlotId == slot.Id, ct)
                ? TutorialOutcome<Booking>.Fail(OutcomeKind.Conflict, "Someone has just booked this slot. Choose another.", "slotId")
                : TutorialOutcome<Booking>.Fail(OutcomeKind.Refused, $"You already have a tutorial for Project {input.Project}.", "project");
        }
        await RefreshTutorial2FlagAsync(booking, ct);
        db.AuditEntries.Add(AuditEntry.Of(AuditSubject, booking.Id, "Booked", delegateUserId, Now,
            $"Slot {slot.Id} on {UkFormat.DateTime(slot.StartsAt)}" + (windowWarning is null ? "" : "; outside the window")));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await NotifyPartnerAsync(booking.Id, "New tutorial booked", "has booked a tutorial with you", ct);
        return TutorialOutcome<Booking>.Ok(booking, warnings);
    }

    public async Task<TutorialOutcome<Booking>> CancelAsync(int bookingId, string userId, string? reason, CancellationToken ct = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > Booking.ReasonMaxLength)
        {
            return TutorialOutcome<Booking>.Fail(OutcomeKind.Invalid, $"Give a reason for cancelling, in {Booking.ReasonMaxLength} characters or fewer.", "reason");
        }
        var booking = await VisibleBookingAsync(bookingId, userId, ct);
        if (booking is null)
        {
            return TutorialOutcome<Booking>.Fail(OutcomeKind.NotFound, "There is no booking of yours with that id.");
        }
        var byPartner = booking.Slot.Partner.UserId == userId;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await TutorialLock.TakeAsync(db, [booking.Slot.PartnerId], ct);
        await db.Entry(booking).ReloadAsync(ct);
        if (booking.Status != BookingStatus.Booked)
        {
            return TutorialOutcome<Booking>.Fail(OutcomeKind.Conflict, $"This tutorial is {StatusText(booking.Status).ToLowerInvariant()}, so it cannot be cancelled.");
        }
        if (booking.Slot.StartsAt <= Now)
        {
            return TutorialOutcome<Booking>.Fail(OutcomeKind.Conflict, "This tutorial has already started. The partner records whether it was held.");
        }
        var late = false;
        if (byPartner)
        {
            CancelByPartner(booking, userId, reason);
            booking.Slot.WithdrawnAt = Now;
            booking.Slot.WithdrawnReason = reason;
        }
        else
        {
            var noticeHours = await NoticeHoursAsync(ct);
            late = booking.Slot.StartsAt - Now < TimeSpan.FromHours(noticeHours);
            booking.Status = late ? BookingStatus.LateCancelled : BookingStatus.Cancelled;
            booking.CancelledAt = Now;
            booking.CancelledById = userId;
            booking.CancelReason = reason;
            booking.SyncIndexColumns();
        }
        db.AuditEntries.Add(AuditEntry.Of(AuditSubject, booking.Id, byPartner ? "Cancelled by partner" : late ? "Cancelled late by delegate" : "Cancelled by delegate", userId, Now, reason));
        await db.SaveChangesAsync(ct);
        await RefreshTutorial2FlagAsync(booking, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (byPartner)
        {
            await NotifyDelegateOfPartnerCancellationAsync(booking, booking.Slot, reason, ct);
        }
        else
        {
            await NotifyPartnerOfCancellationAsync(booking, reason, ct);
        }
        return TutorialOutcome<Booking>.Ok(booking);
    }

    // Moves the booking to another free slot in one update, so the delegate never has two bookings
    // or none; the slot's unique index settles a race for the new slot.
    public async Task<TutorialOutcome<Booking>> RescheduleAsync(int bookingId, string delegateUserId, int newSlotId, CancellationToken ct = default)
    {
        var booking = await db.Bookings.Include(b => b.Slot).Include(b => b.Participant).ThenInclude(p => p.Cohort)
            .FirstOrDefaultAsync(b => b.Id == bookingId && b.Participant.UserId == delegateUserId, ct);
        if (booking is null)
        {
            return TutorialOutcome<Booking>.Fail(OutcomeKind.NotFound, "There is no booking of yours with that id.");
        }
        var newSlot = await db.TutorialSlots.FirstOrDefaultAsync(s => s.Id == newSlotId, ct);
        if (newSlot is null)
        {
            return TutorialOutcome<Booking>.Fail(OutcomeKind.NotFound, "There is no slot with that id.", "slotId");
        }
        if (newSlot.Id == booking.SlotId)
        {
            return TutorialOutcome<Booking>.Fail(OutcomeKind.Refused, "Your tutorial is already in this slot.", "slotId");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await TutorialLock.TakeAsync(db, [booking.Slot.PartnerId, newSlot.PartnerId], ct);
        await db.Entry(booking).ReloadAsync(ct);
        if (booking.Status != BookingStatus.Booked)
        {
            return TutorialOutcome<Booking>.Fail(OutcomeKind.Conflict, $"This tutorial is {StatusText(booking.Status).ToLowerInvariant()}, so it cannot be moved.");
        }
        if (booking.Slot.StartsAt <= Now)
        {
            return TutorialOutcome<Booking>.Fail(OutcomeKind.Conflict, "This tutorial has already started, so it cannot be moved.");
        }
        // Moving a tutorial inside the notice period would be a late cancellation that escapes its flag.
        var noticeHours = await NoticeHoursAsync(ct);
        if (booking.Slot.StartsAt - Now < TimeSpan.FromHours(noticeHours))
        {
            return TutorialOutcome<Booking>.Fail(OutcomeKind.Refused,
                $"Your tutorial is less than {noticeHours} hours away, so it can no longer be moved. Cancel it instead (a late cancellation, which the programme team can restore) or talk to your partner.", "slotId");
        }
        if (await SlotUnavailableAsync(newSlot.Id, ct) is { } unavailable)
        {
            return TutorialOutcome<Booking>.Fail(unavailable.Kind, unavailable.Error, "slotId");
        }
        if (await MonthFullAsync(newSlot, booking.Id, ct) is { } full)
        {
            return TutorialOutcome<Booking>.Fail(OutcomeKind.Refused, full, "slotId");
        }
        var oldStart = booking.Slot.StartsAt;
        var warning = await WindowWarningAsync(booking.Participant, booking.Project, newSlot.StartsAt, booking.Id, ct);
        booking.Slot = newSlot;
        booking.SlotId = newSlot.Id;
        booking.OutsideWindow = warning is not null;
        booking.SyncIndexColumns();
        if (!await db.TrySaveUniqueAsync(ct))
        {
            await tx.RollbackAsync(ct);
            return TutorialOutcome<Booking>.Fail(OutcomeKind.Conflict, "Someone has just booked that slot. Your tutorial stays where it was.", "slotId");
        }
        await RefreshTutorial2FlagAsync(booking, ct);
        db.AuditEntries.Add(AuditEntry.Of(AuditSubject, booking.Id, "Rescheduled", delegateUserId, Now,
            $"From {UkFormat.DateTime(oldStart)} to {UkFormat.DateTime(newSlot.StartsAt)}"));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await NotifyPartnerAsync(booking.Id, "Tutorial moved", $"has moved their tutorial with you from {UkFormat.DateTime(oldStart)} to a new time", ct);
        return TutorialOutcome<Booking>.Ok(booking, warning is null ? [] : [warning]);
    }

    public async Task<TutorialOutcome<TutorialFeedback>> RecordFeedbackAsync(int bookingId, string partnerUserId, FeedbackInput input, string baseUrl, CancellationToken ct = default)
    {
        var notes = input.Notes?.Trim() ?? "";
        var referral = input.ReferralReason?.Trim();
        if (notes.Length > TutorialFeedback.NotesMaxLength)
        {
            return TutorialOutcome<TutorialFeedback>.Fail(OutcomeKind.Invalid, $"Keep the notes to {TutorialFeedback.NotesMaxLength} characters or fewer.", "notes");
        }
        if (input.Held && notes.Length == 0)
        {
            return TutorialOutcome<TutorialFeedback>.Fail(OutcomeKind.Invalid, "Write a few notes on the issues discussed.", "notes");
        }
        if (referral is not null && (referral.Length == 0 || referral.Length > Referral.ReasonMaxLength))
        {
            return TutorialOutcome<TutorialFeedback>.Fail(OutcomeKind.Invalid, $"Give the reason for the referral, in {Referral.ReasonMaxLength} characters or fewer.", "referral");
        }
        var booking = await db.Bookings.Include(b => b.Slot).ThenInclude(s => s.Partner)
            .Include(b => b.Participant).ThenInclude(p => p.User)
            .Include(b => b.Participant).ThenInclude(p => p.Tutor)
            .FirstOrDefaultAsync(b => b.Id == bookingId && b.Slot.Partner.UserId == partnerUserId, ct);
        if (booking is null)
        {
            return TutorialOutcome<TutorialFeedback>.Fail(OutcomeKind.NotFound, "There is no tutorial of yours with that id.");
        }
        if (await db.TutorialFeedback.AnyAsync(f => f.BookingId == booking.Id, ct))
        {
            return TutorialOutcome<TutorialFeedback>.Fail(OutcomeKind.Refused, "Feedback on this tutorial has already been recorded.");
        }
        if (booking.Status != BookingStatus.Booked)
        {
            return TutorialOutcome<TutorialFeedback>.Fail(OutcomeKind.Refused, $"This tutorial was {StatusText(booking.Status).ToLowerInvariant()}: there is nothing to give feedback on.");
        }
        if (booking.Slot.StartsAt > Now)
        {
            return TutorialOutcome<TutorialFeedback>.Fail(OutcomeKind.Refused, $"This tutorial starts on {UkFormat.DateTime(booking.Slot.StartsAt)}. Record feedback once it has started.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var feedback = new TutorialFeedback { BookingId = booking.Id, Held = input.Held, Notes = notes, RecordedAt = Now, RecordedById = partnerUserId };
        db.TutorialFeedback.Add(feedback);
        booking.Status = input.Held ? BookingStatus.Held : BookingStatus.NoShow;
        booking.SyncIndexColumns();
        Referral? made = null;
        if (referral is not null)
        {
            made = new Referral { BookingId = booking.Id, TutorId = booking.Participant.TutorId, Reason = referral, CreatedAt = Now };
            db.Referrals.Add(made);
        }
        db.AuditEntries.Add(AuditEntry.Of(AuditSubject, booking.Id, input.Held ? "Feedback: held" : "Feedback: did not attend", partnerUserId, Now,
            made is null ? null : "Referred to the tutor"));
        if (!await db.TrySaveUniqueAsync(ct))
        {
            return TutorialOutcome<TutorialFeedback>.Fail(OutcomeKind.Refused, "Feedback on this tutorial has already been recorded.");
        }
        await tx.CommitAsync(ct);
        if (made is not null && booking.Participant.Tutor is { Email: { } tutorEmail } tutor)
        {
            await SendAsync(new EmailMessage(tutorEmail, tutor.FullName, $"Referral from a professional partner: {booking.Participant.User.FullName}",
                $"""
                Dear {tutor.FullName},

                {booking.Slot.Partner.User?.FullName ?? "A professional partner"} has referred {booking.Participant.User.FullName} to you after their Project {booking.Project} tutorial on {UkFormat.DateTime(booking.Slot.StartsAt)}.

                Reason: {made.Reason}

                See and mark it dealt with on your home page: {baseUrl.TrimEnd('/')}/Tutor
                """), ct);
        }
        else if (made is not null)
        {
            // No tutor to tell: the programme team hears of it instead, so the referral is not lost.
            var teamRole = RoleSeed.IdOf(Roles.ProgrammeTeam);
            var team = await db.Users.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == teamRole) && u.Email != null)
                .Select(u => new { u.Email, u.FullName }).ToListAsync(ct);
            foreach (var member in team)
            {
                await SendAsync(new EmailMessage(member.Email!, member.FullName, $"Referral with no tutor to receive it: {booking.Participant.User.FullName}",
                    $"""
                    {booking.Slot.Partner.User?.FullName ?? "A professional partner"} has referred {booking.Participant.User.FullName} to their tutor after their Project {booking.Project} tutorial on {UkFormat.DateTime(booking.Slot.StartsAt)}, but no tutor is assigned to them.

                    Reason: {made.Reason}

                    Assign a tutor under People, or follow it up yourselves: {baseUrl.TrimEnd('/')}/Programme/Tutorials/Booking/{booking.Id}
                    """), ct);
            }
        }
        return TutorialOutcome<TutorialFeedback>.Ok(feedback);
    }

    // Only the tutor the referral was made to may close it; closing it twice changes nothing.
    public async Task<TutorialOutcome<Referral>> MarkReferralDealtWithAsync(int referralId, string tutorId, CancellationToken ct = default)
    {
        var referral = await db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId && r.TutorId == tutorId, ct);
        if (referral is null)
        {
            return TutorialOutcome<Referral>.Fail(OutcomeKind.NotFound, "There is no referral to you with that id.");
        }
        if (referral.DealtWithAt is null)
        {
            referral.DealtWithAt = Now;
            referral.DealtWithById = tutorId;
            db.AuditEntries.Add(AuditEntry.Of(AuditSubject, referral.BookingId, "Referral dealt with by the tutor", tutorId, Now));
            await db.SaveChangesAsync(ct);
        }
        return TutorialOutcome<Referral>.Ok(referral);
    }

    public async Task<TutorialOutcome<Booking>> RestoreAllowanceAsync(int bookingId, string teamUserId, CancellationToken ct = default)
    {
        var booking = await db.Bookings.FirstOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null)
        {
            return TutorialOutcome<Booking>.Fail(OutcomeKind.NotFound, "There is no booking with that id.");
        }
        if (booking.Status != BookingStatus.LateCancelled || booking.AllowanceRestoredAt is not null)
        {
            return TutorialOutcome<Booking>.Fail(OutcomeKind.Conflict, "Only a late cancellation that still uses the allowance can be restored.");
        }
        booking.AllowanceRestoredAt = Now;
        booking.AllowanceRestoredById = teamUserId;
        booking.SyncIndexColumns();
        db.AuditEntries.Add(AuditEntry.Of(AuditSubject, booking.Id, "Allowance restored", teamUserId, Now));
        await db.SaveChangesAsync(ct);
        return TutorialOutcome<Booking>.Ok(booking);
    }

    // The team lets a delegate's tutorial fall outside its window; bookings already made stop being flagged.
    public async Task<TutorialOutcome<WindowOverride>> OverrideWindowAsync(int participantId, int project, string? reason, string teamUserId, CancellationToken ct = default)
    {
        reason = reason?.Trim();
        if (!ProjectNumbers.IsValid(project))
        {
            return TutorialOutcome<WindowOverride>.Fail(OutcomeKind.Invalid, "Choose Project 1 or Project 2.", "project");
        }
        if (string.IsNullOrEmpty(reason) || reason.Length > WindowOverride.ReasonMaxLength)
        {
            return TutorialOutcome<WindowOverride>.Fail(OutcomeKind.Invalid, $"Give a reason, in {WindowOverride.ReasonMaxLength} characters or fewer.", "reason");
        }
        if (!await progress.NpqhParticipants.AnyAsync(p => p.Id == participantId, ct))
        {
            return TutorialOutcome<WindowOverride>.Fail(OutcomeKind.NotFound, "There is no NPQH delegate with that id.");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.WindowOverrides.FirstOrDefaultAsync(o => o.ParticipantId == participantId && o.Project == project, ct);
        existing ??= db.WindowOverrides.Add(new WindowOverride { ParticipantId = participantId, Project = project }).Entity;
        existing.Reason = reason;
        existing.ById = teamUserId;
        existing.At = Now;
        if (!await db.TrySaveUniqueAsync(ct))
        {
            return TutorialOutcome<WindowOverride>.Fail(OutcomeKind.Conflict, "Someone else has just recorded an override for this tutorial.");
        }
        await db.Bookings.Where(b => b.ParticipantId == participantId && b.Project == project && b.OutsideWindow)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.OutsideWindow, false), ct);
        await tx.CommitAsync(ct);
        return TutorialOutcome<WindowOverride>.Ok(existing);
    }

    // Tutorial 2's window hangs on tutorial 1's date: when tutorial 1 is booked, moved or cancelled,
    // the flag on a live tutorial 2 follows (the change itself is already saved in this transaction).
    private async Task RefreshTutorial2FlagAsync(Booking changed, CancellationToken ct)
    {
        if (changed.Project != ProjectNumbers.Change)
        {
            return;
        }
        var tutorial2 = await db.Bookings.Include(b => b.Slot).Include(b => b.Participant)
            .FirstOrDefaultAsync(b => b.ParticipantId == changed.ParticipantId && b.Project == ProjectNumbers.Placement
                && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.Held || b.Status == BookingStatus.NoShow), ct);
        if (tutorial2 is not null)
        {
            tutorial2.OutsideWindow = await WindowWarningAsync(tutorial2.Participant, ProjectNumbers.Placement, tutorial2.Slot.StartsAt, null, ct) is not null;
        }
    }

    public async Task<int> NoticeHoursAsync(CancellationToken ct = default) =>
        await db.TutorialSettings.AsNoTracking().Where(s => s.Id == TutorialSettings.SingletonId).Select(s => (int?)s.NoticeHours).FirstOrDefaultAsync(ct)
        ?? TutorialSettings.DefaultNoticeHours;

    // The booking as its delegate or its partner sees it; null for anyone else.
    public Task<Booking?> VisibleBookingAsync(int bookingId, string userId, CancellationToken ct = default) =>
        db.Bookings.Include(b => b.Slot).ThenInclude(s => s.Partner).ThenInclude(p => p.User)
            .Include(b => b.Participant).ThenInclude(p => p.User)
            .Include(b => b.Feedback)
            .FirstOrDefaultAsync(b => b.Id == bookingId && (b.Participant.UserId == userId || b.Slot.Partner.UserId == userId), ct);

    // The booking as its partner sees it; null for anyone else, its delegate included.
    public async Task<Booking?> PartnerBookingAsync(int bookingId, string partnerUserId, CancellationToken ct = default) =>
        await VisibleBookingAsync(bookingId, partnerUserId, ct) is { } booking && booking.Slot.Partner.UserId == partnerUserId ? booking : null;

    public static string StatusText(BookingStatus status) => status switch
    {
        BookingStatus.Booked => "Booked",
        BookingStatus.Held => "Held",
        BookingStatus.NoShow => "Did not attend",
        BookingStatus.Cancelled => "Cancelled",
        _ => "Cancelled late",
    };

    public async Task<string?> WindowWarningAsync(Participant place, int project, DateTime startsAt, int? exceptBookingId, CancellationToken ct)
    {
        var courseStart = place.Cohort?.CourseStart
            ?? await db.Cohorts.Where(c => c.Id == place.CohortId).Select(c => c.CourseStart).SingleAsync(ct);
        var overridden = await db.WindowOverrides.AnyAsync(o => o.ParticipantId == place.Id && o.Project == project, ct);
        DateOnly? tutorial1 = null;
        if (project == ProjectNumbers.Placement)
        {
            tutorial1 = await Tutorial1DateAsync(place.Id, exceptBookingId, ct);
        }
        return TutorialWindows.Warning(project, LondonTime.DateOf(startsAt), courseStart, tutorial1, overridden);
    }

    public async Task<DateOnly?> Tutorial1DateAsync(int participantId, int? exceptBookingId, CancellationToken ct)
    {
        var start = await db.Bookings.Where(b => b.ParticipantId == participantId && b.Project == ProjectNumbers.Change && b.Id != exceptBookingId
                && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.Held || b.Status == BookingStatus.NoShow))
            .OrderBy(b => b.Slot.StartsAt).Select(b => (DateTime?)b.Slot.StartsAt).FirstOrDefaultAsync(ct);
        return start is { } s ? LondonTime.DateOf(s) : null;
    }

    public async Task<string?> NoPlacementWarningAsync(Participant place, CancellationToken ct)
    {
        var hasPlacement = await db.Project2s.AnyAsync(p => p.ParticipantId == place.Id && p.PlacementSchoolName != null && p.PlacementSchoolName != "", ct);
        if (hasPlacement)
        {
            return null;
        }
        var tutor = place.TutorId is null ? null : await db.Users.Where(u => u.Id == place.TutorId).Select(u => new { u.FullName, u.Email }).FirstOrDefaultAsync(ct);
        return tutor is null
            ? "You have no placement school recorded. Partners do not find placements: ask your tutor or the programme team for help with that."
            : $"You have no placement school recorded. Partners do not find placements: talk to your tutor, {tutor.FullName} ({tutor.Email}).";
    }

    private async Task<(OutcomeKind Kind, string Error)?> SlotUnavailableAsync(int slotId, CancellationToken ct)
    {
        var slot = await db.TutorialSlots.AsNoTracking().SingleAsync(s => s.Id == slotId, ct);
        if (slot.WithdrawnAt is not null)
        {
            return (OutcomeKind.Conflict, "The partner has withdrawn this slot. Choose another.");
        }
        if (await db.Bookings.AnyAsync(b => b.ActiveSlotId == slotId, ct))
        {
            return (OutcomeKind.Conflict, "This slot has already been booked. Choose another.");
        }
        if (slot.StartsAt <= Now)
        {
            return (OutcomeKind.Refused, "This slot is in the past. Choose a later one.");
        }
        return null;
    }

    private async Task<string?> AllowanceUsedAsync(int participantId, int project, int? exceptBookingId, CancellationToken ct)
    {
        var existing = await db.Bookings.AsNoTracking().Where(b => b.ParticipantId == participantId && b.AllowanceProject == project && b.Id != exceptBookingId)
            .Select(b => new { b.Status }).FirstOrDefaultAsync(ct);
        return existing is null
            ? null
            : existing.Status == BookingStatus.LateCancelled
                ? $"Your Project {project} tutorial was cancelled late, which uses the allowance until the programme team restores it. Contact them if you need another."
                : $"You already have a tutorial for Project {project}. Each delegate has one tutorial per project: cancel or reschedule the one you have.";
    }

    private async Task<string?> MonthFullAsync(TutorialSlot slot, int? exceptBookingId, CancellationToken ct)
    {
        var cap = await db.PartnerProfiles.Where(p => p.Id == slot.PartnerId).Select(p => p.MonthlyCap).SingleAsync(ct);
        var local = LondonTime.ToLocal(slot.StartsAt);
        var monthStart = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        LondonTime.TryToUtc(monthStart, out var from);
        LondonTime.TryToUtc(monthStart.AddMonths(1), out var to);
        var taken = await db.Bookings.CountAsync(b => b.Slot.PartnerId == slot.PartnerId && b.Id != exceptBookingId
            && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.Held || b.Status == BookingStatus.NoShow)
            && b.Slot.StartsAt >= from && b.Slot.StartsAt < to, ct);
        return taken >= cap
            ? $"This partner takes at most {cap} tutorials a month and {local.ToString("MMMM yyyy", UkFormat.Culture)} is full. Choose a slot in another month or another partner."
            : null;
    }

    private void CancelByPartner(Booking booking, string partnerUserId, string reason)
    {
        booking.Status = BookingStatus.Cancelled;
        booking.CancelledByPartner = true;
        booking.CancelledAt = Now;
        booking.CancelledById = partnerUserId;
        booking.CancelReason = reason;
        booking.SyncIndexColumns();
    }

    private async Task NotifyDelegateOfPartnerCancellationAsync(Booking booking, TutorialSlot slot, string reason, CancellationToken ct)
    {
        var person = booking.Participant?.User ?? await db.Users.SingleAsync(u => u.Id == db.Participants.Where(p => p.Id == booking.ParticipantId).Select(p => p.UserId).Single(), ct);
        if (person.Email is null)
        {
            return;
        }
        await SendAsync(new EmailMessage(person.Email, person.FullName, "Your tutorial has been cancelled by the partner",
            $"""
            Dear {person.FullName},

            Your Project {booking.Project} tutorial on {UkFormat.DateTime(slot.StartsAt)} has been cancelled by the partner.

            Reason: {reason}

            This does not use your allowance: you can book another tutorial for Project {booking.Project} in Roundtable.
            """), ct);
    }

    private async Task NotifyPartnerAsync(int bookingId, string subject, string what, CancellationToken ct)
    {
        var b = await db.Bookings.AsNoTracking().Where(x => x.Id == bookingId)
            .Select(x => new { x.Project, x.Focus, x.Slot.StartsAt, x.Slot.Minutes, Partner = x.Slot.Partner.User, Delegate = x.Participant.User.FullName })
            .SingleAsync(ct);
        if (b.Partner.Email is null)
        {
            return;
        }
        await SendAsync(new EmailMessage(b.Partner.Email, b.Partner.FullName, $"{subject}: {b.Delegate}",
            $"""
            Dear {b.Partner.FullName},

            {b.Delegate} {what}: their Project {b.Project} tutorial on {UkFormat.DateTime(b.StartsAt)} ({b.Minutes} minutes, UK time).

            What they would like to focus on: {b.Focus}

            Their project summary and the coaching guide for this tutorial are on your Roundtable home page.
            """), ct);
    }

    private async Task NotifyPartnerOfCancellationAsync(Booking booking, string reason, CancellationToken ct)
    {
        var partner = await db.PartnerProfiles.Where(p => p.Id == booking.Slot.PartnerId).Select(p => p.User).SingleAsync(ct);
        var delegateName = await db.Participants.Where(p => p.Id == booking.ParticipantId).Select(p => p.User.FullName).SingleAsync(ct);
        if (partner.Email is null)
        {
            return;
        }
        await SendAsync(new EmailMessage(partner.Email, partner.FullName, $"Tutorial cancelled: {delegateName}",
            $"""
            Dear {partner.FullName},

            {delegateName} has cancelled their Project {booking.Project} tutorial with you on {UkFormat.DateTime(booking.Slot.StartsAt)}. The slot is free again.

            Reason: {reason}
            """), ct);
    }

    // The change is committed before the e-mail goes: a mail server that is down must not undo it.
    private async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        try
        {
            await email.SendAsync(message, ct);
        }
        catch (Exception e) when (e is IOException or MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException or System.Net.Sockets.SocketException or OperationCanceledException)
        {
            log.LogWarning(e, "Could not send e-mail to {To}", message.To);
        }
    }
}
