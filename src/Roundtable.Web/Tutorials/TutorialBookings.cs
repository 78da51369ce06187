using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Tutorials;

// Booking, cancelling and moving tutorials, and the programme team's changes to them, for the API
// and the pages alike. Each runs in a transaction that first takes the partners' locks
// (TutorialLock), so that the rules' view ("is the slot free?", "is the month full?") holds until the
// change is committed; the unique indexes on Booking stay the backstop.
public sealed class TutorialBookings(AppDbContext db, TimeProvider time, ProjectProgress progress, BookingFacts facts, TutorialNotifications notify)
{
    public const string NotOnNpqh = "Tutorials with professional partners are part of NPQH, and you are not on an NPQH cohort.";

    private static readonly Failure NoSuchSlot = WithField(Failure.NotFound("There is no slot with that id."), nameof(BookingInput.SlotId));

    public async Task<Result<Booking>> BookAsync(string delegateUserId, BookingInput input, CancellationToken ct = default)
    {
        if (input.Check() is { } invalid)
        {
            return invalid;
        }
        var place = await progress.NpqhPlaceAsync(delegateUserId, ct);
        if (place is null)
        {
            return Failure.Refused(NotOnNpqh);
        }
        var partnerId = await db.TutorialSlots.Where(s => s.Id == input.SlotId).Select(s => (int?)s.PartnerId).FirstOrDefaultAsync(ct);
        if (partnerId is null)
        {
            return NoSuchSlot;
        }
        var now = time.UtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await TutorialLock.TakeAsync(db, [partnerId.Value], ct);
        var slot = await db.TutorialSlots.AsNoTracking().SingleAsync(s => s.Id == input.SlotId, ct);
        var refused = slot.RefuseBooking(await facts.SlotTakenAsync(slot.Id, ct), now)
            ?? Allowance.Check(input.Project, await facts.AllowanceHolderAsync(place.Id, input.Project, ct))
            ?? await PartnerMonthFullAsync(slot, exceptBookingId: null, ct);
        if (refused is not null)
        {
            return refused;
        }
        var windowWarning = await facts.WindowWarningAsync(place, input.Project, slot.StartsAt, exceptBookingId: null, ct);
        var noPlacement = input.Project == ProjectNumbers.Placement ? await facts.NoPlacementWarningAsync(place, ct) : null;
        var booking = Booking.Book(slot, place.Id, input, outsideWindow: windowWarning is not null, now);
        db.Bookings.Add(booking);
        if (!await db.TrySaveUniqueAsync(ct))
        {
            await tx.RollbackAsync(ct);
            // Another request won between our checks and our insert: say which rule it was.
            return await facts.SlotTakenAsync(slot.Id, ct)
                ? Failure.Conflict("Someone has just booked this slot. Choose another.", nameof(BookingInput.SlotId))
                : Failure.Refused($"You already have a tutorial for Project {input.Project}.", nameof(BookingInput.Project));
        }
        await RefreshTutorial2FlagAsync(booking, ct);
        db.AuditEntries.Add(AuditEntry.Of(Booking.AuditSubject, booking.Id, "Booked", delegateUserId, now,
            $"Slot {slot.Id} on {UkFormat.DateTime(slot.StartsAt)}" + (windowWarning is null ? "" : "; outside the window")));
        await db.SaveChangesAsync(ct);
        await notify.BookedAsync(booking.Id, ct);
        await tx.CommitAsync(ct);
        Infrastructure.Operations.AppMetrics.BookingsMade.Add(1);
        return Result<Booking>.Ok(booking, new[] { windowWarning, noPlacement }.OfType<string>().ToList());
    }

    // By the delegate (late inside the notice period) or by the partner (which withdraws the slot).
    public async Task<Result<Booking>> CancelAsync(int bookingId, ClaimsPrincipal user, string? reason, CancellationToken ct = default)
    {
        if (new CancelInput(reason).Check() is { } invalid)
        {
            return invalid;
        }
        var booking = await facts.VisibleBookingAsync(bookingId, user, ct);
        var userId = user.UserId();
        if (booking is null)
        {
            return Failure.NotFound("There is no booking of yours with that id.");
        }
        var by = booking.Slot.Partner.UserId == userId ? CancelledBy.Partner : CancelledBy.Delegate;
        var why = reason!.Trim();
        var now = time.UtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await TutorialLock.TakeAsync(db, [booking.Slot.PartnerId], ct);
        await db.Entry(booking).ReloadAsync(ct);
        if (booking.Cancel(by, userId, why, now, await facts.NoticeHoursAsync(ct)) is { } refused)
        {
            return refused;
        }
        db.AuditEntries.Add(AuditEntry.Of(Booking.AuditSubject, booking.Id, booking.CancellationText, userId, now, why));
        await db.SaveChangesAsync(ct);
        await RefreshTutorial2FlagAsync(booking, ct);
        await db.SaveChangesAsync(ct);
        await notify.CancelledAsync(booking, ct);
        await tx.CommitAsync(ct);
        return booking;
    }

    // Moves the booking to another free slot in one update, so the delegate never has two bookings
    // or none; the slot's unique index settles a race for the new slot.
    public async Task<Result<Booking>> RescheduleAsync(int bookingId, string delegateUserId, int newSlotId, CancellationToken ct = default)
    {
        var booking = await db.Bookings.Include(b => b.Slot).Include(b => b.Participant).ThenInclude(p => p.Cohort)
            .FirstOrDefaultAsync(b => b.Id == bookingId && b.Participant.UserId == delegateUserId, ct);
        if (booking is null)
        {
            return Failure.NotFound("There is no booking of yours with that id.");
        }
        var newSlot = await db.TutorialSlots.FirstOrDefaultAsync(s => s.Id == newSlotId, ct);
        if (newSlot is null)
        {
            return NoSuchSlot;
        }
        var now = time.UtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await TutorialLock.TakeAsync(db, [booking.Slot.PartnerId, newSlot.PartnerId], ct);
        await db.Entry(booking).ReloadAsync(ct);
        await db.Entry(newSlot).ReloadAsync(ct);
        var from = booking.Slot.StartsAt;
        var newSlotRefused = newSlot.RefuseBooking(await facts.SlotTakenAsync(newSlot.Id, ct), now)
            ?? await PartnerMonthFullAsync(newSlot, booking.Id, ct);
        var warning = await facts.WindowWarningAsync(booking.Participant, booking.Project, newSlot.StartsAt, booking.Id, ct);
        if (booking.MoveTo(newSlot, outsideWindow: warning is not null, now, await facts.NoticeHoursAsync(ct), newSlotRefused) is { } refused)
        {
            return refused;
        }
        if (!await db.TrySaveUniqueAsync(ct))
        {
            await tx.RollbackAsync(ct);
            return Failure.Conflict("Someone has just booked that slot. Your tutorial stays where it was.", nameof(BookingInput.SlotId));
        }
        await RefreshTutorial2FlagAsync(booking, ct);
        db.AuditEntries.Add(AuditEntry.Of(Booking.AuditSubject, booking.Id, "Rescheduled", delegateUserId, now,
            $"From {UkFormat.DateTime(from)} to {UkFormat.DateTime(newSlot.StartsAt)}"));
        await db.SaveChangesAsync(ct);
        await notify.MovedAsync(booking.Id, from, ct);
        await tx.CommitAsync(ct);
        return Result<Booking>.Ok(booking, warning is null ? [] : [warning]);
    }

    public async Task<Result<Booking>> RestoreAllowanceAsync(int bookingId, string teamUserId, CancellationToken ct = default)
    {
        var booking = await db.Bookings.Include(b => b.Slot).FirstOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null)
        {
            return Failure.NotFound("There is no booking with that id.");
        }
        var now = time.UtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await TutorialLock.TakeAsync(db, [booking.Slot.PartnerId], ct);
        await db.Entry(booking).ReloadAsync(ct);
        if (booking.RestoreAllowance(teamUserId, now) is { } refused)
        {
            return refused;
        }
        db.AuditEntries.Add(AuditEntry.Of(Booking.AuditSubject, booking.Id, "Allowance restored", teamUserId, now));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return booking;
    }

    // The team lets a delegate's tutorial fall outside its window; bookings already made stop being flagged.
    public async Task<Result<WindowOverride>> OverrideWindowAsync(WindowOverrideInput input, string teamUserId, CancellationToken ct = default)
    {
        if (input.Check() is { } invalid)
        {
            return invalid;
        }
        if (!await progress.NpqhParticipants.AnyAsync(p => p.Id == input.ParticipantId, ct))
        {
            return Failure.NotFound("There is no NPQH delegate with that id.");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var decision = await db.WindowOverrides.FirstOrDefaultAsync(o => o.ParticipantId == input.ParticipantId && o.Project == input.Project, ct)
            ?? db.WindowOverrides.Add(new WindowOverride { ParticipantId = input.ParticipantId, Project = input.Project }).Entity;
        decision.Record(input.Reason!, teamUserId, time.UtcNow());
        if (!await db.TrySaveUniqueAsync(ct))
        {
            return Failure.Conflict("Someone else has just recorded an override for this tutorial.");
        }
        await db.Bookings.Where(b => b.ParticipantId == input.ParticipantId && b.Project == input.Project && b.OutsideWindow)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.OutsideWindow, false), ct);
        await tx.CommitAsync(ct);
        return decision;
    }

    private async Task<Failure?> PartnerMonthFullAsync(TutorialSlot slot, int? exceptBookingId, CancellationToken ct)
    {
        var (cap, taken) = await facts.PartnerMonthAsync(slot, exceptBookingId, ct);
        return PartnerMonth.Check(cap, taken, slot.StartsAt);
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
            tutorial2.OutsideWindow = await facts.WindowWarningAsync(tutorial2.Participant, ProjectNumbers.Placement, tutorial2.Slot.StartsAt, null, ct) is not null;
        }
    }

    private static Failure WithField(Failure failure, string field) => failure with { Errors = [new FieldError(field, failure.Message)] };
}
