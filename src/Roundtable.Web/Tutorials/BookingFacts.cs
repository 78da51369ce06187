using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Data;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Tutorials;

// What the booking rules need to know from the database, for the services and the pages alike.
// Read only: the decisions are in Booking, TutorialSlot, Allowance, PartnerMonth and TutorialWindows.
public sealed class BookingFacts(AppDbContext db)
{
    public async Task<int> NoticeHoursAsync(CancellationToken ct = default) =>
        await db.TutorialSettings.AsNoTracking().Where(s => s.Id == TutorialSettings.SingletonId).Select(s => (int?)s.NoticeHours).FirstOrDefaultAsync(ct)
        ?? TutorialSettings.DefaultNoticeHours;

    // The booking as its delegate or its partner sees it (tracked); null for anyone else, and for
    // a delegate or partner who no longer holds that role.
    public Task<Booking?> VisibleBookingAsync(int bookingId, ClaimsPrincipal user, CancellationToken ct = default) =>
        VisibleBookingAsync(bookingId, user.UserId(), user.IsInRole(Roles.Delegate), user.IsInRole(Roles.Partner), ct);

    private Task<Booking?> VisibleBookingAsync(int bookingId, string userId, bool asDelegate, bool asPartner, CancellationToken ct) =>
        db.Bookings.Include(b => b.Slot).ThenInclude(s => s.Partner).ThenInclude(p => p.User)
            .Include(b => b.Participant).ThenInclude(p => p.User)
            .Include(b => b.Participant).ThenInclude(p => p.School)
            .Include(b => b.Feedback)
            .FirstOrDefaultAsync(b => b.Id == bookingId && ((asDelegate && b.Participant.UserId == userId) || (asPartner && b.Slot.Partner.UserId == userId)), ct);

    // The booking as its partner sees it; null for anyone else, its delegate included.
    public async Task<Booking?> PartnerBookingAsync(int bookingId, string partnerUserId, CancellationToken ct = default) =>
        await VisibleBookingAsync(bookingId, partnerUserId, asDelegate: false, asPartner: true, ct) is { } booking && booking.Slot.Partner.UserId == partnerUserId ? booking : null;

    public Task<bool> SlotTakenAsync(int slotId, CancellationToken ct) => db.Bookings.AnyAsync(b => b.ActiveSlotId == slotId, ct);

    // The status of the booking that uses the delegate's allowance for the project, if any.
    public Task<BookingStatus?> AllowanceHolderAsync(int participantId, int project, CancellationToken ct) =>
        db.Bookings.AsNoTracking().Where(b => b.ParticipantId == participantId && b.AllowanceProject == project)
            .Select(b => (BookingStatus?)b.Status).FirstOrDefaultAsync(ct);

    // The partner's cap, and their live tutorials in the UK month of the slot (one booking excepted).
    public async Task<(int Cap, int Taken)> PartnerMonthAsync(TutorialSlot slot, int? exceptBookingId, CancellationToken ct)
    {
        var cap = await db.PartnerProfiles.Where(p => p.Id == slot.PartnerId).Select(p => p.MonthlyCap).SingleAsync(ct);
        var (from, to) = PartnerMonth.Of(slot.StartsAt);
        var taken = await db.Bookings.CountAsync(b => b.Slot.PartnerId == slot.PartnerId && b.Id != exceptBookingId
            && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.Held || b.Status == BookingStatus.NoShow)
            && b.Slot.StartsAt >= from && b.Slot.StartsAt < to, ct);
        return (cap, taken);
    }

    public async Task<string?> WindowWarningAsync(Participant place, int project, DateTime startsAt, int? exceptBookingId, CancellationToken ct)
    {
        var courseStart = place.Cohort?.CourseStart
            ?? await db.Cohorts.Where(c => c.Id == place.CohortId).Select(c => c.CourseStart).SingleAsync(ct);
        var overridden = await db.WindowOverrides.AnyAsync(o => o.ParticipantId == place.Id && o.Project == project, ct);
        var tutorial1 = project == ProjectNumbers.Placement ? await Tutorial1DateAsync(place.Id, exceptBookingId, ct) : null;
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
}
