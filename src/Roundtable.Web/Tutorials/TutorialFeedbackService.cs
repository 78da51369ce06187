using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Audit;

namespace Roundtable.Web.Tutorials;

// The partner's feedback after a tutorial, with an optional referral to the delegate's tutor, and
// the tutor closing that referral.
public sealed class TutorialFeedbackService(AppDbContext db, TimeProvider time, TutorialNotifications notify)
{
    public async Task<Result<TutorialFeedback>> RecordAsync(int bookingId, string partnerUserId, FeedbackInput input, string baseUrl, CancellationToken ct = default)
    {
        if (input.Check() is { } invalid)
        {
            return invalid;
        }
        var booking = await db.Bookings.Include(b => b.Slot).ThenInclude(s => s.Partner).Include(b => b.Participant)
            .FirstOrDefaultAsync(b => b.Id == bookingId && b.Slot.Partner.UserId == partnerUserId, ct);
        if (booking is null)
        {
            return Failure.NotFound("There is no tutorial of yours with that id.");
        }
        var now = time.UtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await TutorialLock.TakeAsync(db, [booking.Slot.PartnerId], ct);
        await db.Entry(booking).ReloadAsync(ct);
        var recorded = booking.RecordFeedback(input, await db.TutorialFeedback.AnyAsync(f => f.BookingId == booking.Id, ct), partnerUserId, now);
        if (!recorded.Succeeded)
        {
            return recorded;
        }
        db.TutorialFeedback.Add(recorded.Value);
        var referral = input.ReferralReason is { } reason ? db.Referrals.Add(Referral.Make(booking, reason, now)).Entity : null;
        db.AuditEntries.Add(AuditEntry.Of(Booking.AuditSubject, booking.Id, input.Held ? "Feedback: held" : "Feedback: did not attend", partnerUserId, now,
            referral is null ? null : "Referred to the tutor"));
        if (!await db.TrySaveUniqueAsync(ct))
        {
            return Failure.Refused(Booking.FeedbackAlreadyRecorded);
        }
        if (referral is not null)
        {
            await notify.ReferredAsync(referral, baseUrl, ct);
        }
        await tx.CommitAsync(ct);
        return recorded;
    }

    // Only the tutor the referral was made to may close it; closing it twice changes nothing.
    public async Task<Result<Referral>> MarkReferralDealtWithAsync(int referralId, string tutorId, CancellationToken ct = default)
    {
        var referral = await db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId && r.TutorId == tutorId, ct);
        if (referral is null)
        {
            return Failure.NotFound("There is no referral to you with that id.");
        }
        var now = time.UtcNow();
        if (referral.MarkDealtWith(tutorId, now))
        {
            db.AuditEntries.Add(AuditEntry.Of(Booking.AuditSubject, referral.BookingId, "Referral dealt with by the tutor", tutorId, now));
            await db.SaveChangesAsync(ct);
        }
        return referral;
    }
}
