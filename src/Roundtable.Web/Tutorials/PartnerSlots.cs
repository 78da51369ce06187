using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Audit;

namespace Roundtable.Web.Tutorials;

// A partner's profile and the slots they offer, for the API and the pages alike. Writes take the
// partner's lock first (TutorialLock), so that "does it overlap?" holds until the change is committed.
public sealed class PartnerSlots(AppDbContext db, TimeProvider time, TutorialNotifications notify)
{
    // The partner's profile, made the first time it is needed.
    public async Task<PartnerProfile> ProfileAsync(string userId, CancellationToken ct = default)
    {
        var profile = await db.PartnerProfiles.FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (profile is not null)
        {
            return profile;
        }
        profile = new PartnerProfile { UserId = userId, UpdatedAt = time.UtcNow() };
        db.PartnerProfiles.Add(profile);
        if (await db.TrySaveUniqueAsync(ct))
        {
            return profile;
        }
        return await db.PartnerProfiles.SingleAsync(p => p.UserId == userId, ct);
    }

    public async Task<Result<TutorialSlot>> PublishAsync(string partnerUserId, SlotInput input, CancellationToken ct = default)
    {
        if (input.Check() is { } invalid)
        {
            return invalid;
        }
        var profile = await ProfileAsync(partnerUserId, ct);
        var now = time.UtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await TutorialLock.TakeAsync(db, [profile.Id], ct);
        var end = input.Start.AddMinutes(input.Minutes);
        var before = await db.TutorialSlots.AsNoTracking()
            .Where(s => s.PartnerId == profile.Id && s.WithdrawnAt == null && s.StartsAt < end)
            .OrderByDescending(s => s.StartsAt).Take(20).ToListAsync(ct);
        var openAhead = await db.TutorialSlots.CountAsync(s => s.PartnerId == profile.Id && s.WithdrawnAt == null && s.StartsAt > now, ct);
        var published = TutorialSlot.Publish(profile.Id, input, before, now, openAhead);
        if (!published.Succeeded)
        {
            return published;
        }
        db.TutorialSlots.Add(published.Value);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return published;
    }

    // A booking on the slot is cancelled by the partner, which frees the delegate's allowance.
    public async Task<Result<TutorialSlot>> WithdrawAsync(string partnerUserId, int slotId, string? reason, CancellationToken ct = default)
    {
        if (new WithdrawInput(reason).Check() is { } invalid)
        {
            return invalid;
        }
        var slot = await db.TutorialSlots.Include(s => s.Partner).FirstOrDefaultAsync(s => s.Id == slotId && s.Partner.UserId == partnerUserId, ct);
        if (slot is null)
        {
            return Failure.NotFound("There is no slot of yours with that id.");
        }
        var why = reason!.Trim();
        var now = time.UtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await TutorialLock.TakeAsync(db, [slot.PartnerId], ct);
        await db.Entry(slot).ReloadAsync(ct);
        if (slot.Withdraw(why, now) is { } refused)
        {
            return refused;
        }
        var booking = await db.Bookings.Include(b => b.Slot).FirstOrDefaultAsync(b => b.ActiveSlotId == slot.Id, ct);
        if (booking?.Cancel(CancelledBy.Partner, partnerUserId, why, now, noticeHours: 0) is { } cannot)
        {
            return cannot;
        }
        if (booking is not null)
        {
            db.AuditEntries.Add(AuditEntry.Of(Booking.AuditSubject, booking.Id, booking.CancellationText, partnerUserId, now, why));
        }
        await db.SaveChangesAsync(ct);
        if (booking is not null)
        {
            await notify.CancelledAsync(booking, ct);
        }
        await tx.CommitAsync(ct);
        return slot;
    }
}
