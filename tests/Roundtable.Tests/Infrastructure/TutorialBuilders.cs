using Microsoft.EntityFrameworkCore;
using Roundtable.Web.People;
using Roundtable.Web.Tutorials;

namespace Roundtable.Tests.Infrastructure;

// Builders for partner profiles, slots, bookings and feedback, written straight to the database.
public static class TutorialBuilders
{
    // The partner's profile, made the first time it is asked for.
    public static Task<PartnerProfile> PartnerProfileAsync(this AppFactory app, AppUser partner, int monthlyCap = PartnerProfile.DefaultMonthlyCap) =>
        app.WithDbAsync(async db =>
        {
            if (await db.PartnerProfiles.FirstOrDefaultAsync(p => p.UserId == partner.Id) is { } existing)
            {
                return existing;
            }
            var profile = new PartnerProfile
            {
                UserId = partner.Id, HeadshipYears = 10, Phase = SchoolPhase.Primary, Region = Region.SouthEast, MonthlyCap = monthlyCap,
                Specialisms = "Early reading", Biography = "A long-serving head.", UpdatedAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.PartnerProfiles.Add(profile);
            await db.SaveChangesAsync();
            return profile;
        });

    public static Task<TutorialSlot> SlotAsync(this AppFactory app, PartnerProfile partner, TimeSpan fromNow, int minutes = 60, TutorialMode mode = TutorialMode.Online) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var slot = new TutorialSlot
            {
                PartnerId = partner.Id, StartsAt = now + fromNow, Minutes = minutes, Mode = mode, CreatedAt = now.AddDays(-30),
                Where = mode == TutorialMode.Online ? "https://meet.example.org/t" : "Head's office",
            };
            db.TutorialSlots.Add(slot);
            await db.SaveChangesAsync();
            return slot;
        });

    public static async Task<Booking> BookingAsync(this AppFactory app, TutorialSlot slot, AppUser delegateUser, int project = 1,
        BookingStatus status = BookingStatus.Booked, bool outsideWindow = false, string focus = "Finding a SMART target", string summary = "A reading project")
    {
        var participantId = await app.WithDbAsync(db => db.Participants.Where(p => p.UserId == delegateUser.Id).Select(p => p.Id).SingleAsync());
        return await app.WithDbAsync(async db =>
        {
            var booking = new Booking
            {
                SlotId = slot.Id, ParticipantId = participantId, Project = project, Status = status, Focus = focus, ProjectSummary = summary,
                BookedAt = slot.StartsAt.AddDays(-14), OutsideWindow = outsideWindow,
            };
            if (status == BookingStatus.LateCancelled)
            {
                booking.CancelledAt = slot.StartsAt.AddHours(-10);
                booking.CancelledById = delegateUser.Id;
                booking.CancelReason = "Called away";
            }
            db.Bookings.Add(booking);
            await db.SaveChangesAsync();
            booking.SyncIndexColumns();
            await db.SaveChangesAsync();
            return booking;
        });
    }

    public static Task<TutorialFeedback> FeedbackAsync(this AppFactory app, Booking booking, bool held = true, string notes = "We talked about baselines.") =>
        app.WithDbAsync(async db =>
        {
            var tracked = await db.Bookings.Include(b => b.Slot).ThenInclude(s => s.Partner).SingleAsync(b => b.Id == booking.Id);
            var feedback = new TutorialFeedback
            {
                BookingId = tracked.Id, Held = held, Notes = notes, RecordedAt = tracked.Slot.EndsAt, RecordedById = tracked.Slot.Partner.UserId,
            };
            db.TutorialFeedback.Add(feedback);
            tracked.Status = held ? BookingStatus.Held : BookingStatus.NoShow;
            tracked.SyncIndexColumns();
            await db.SaveChangesAsync();
            return feedback;
        });
}
