using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Tutorials;

public sealed record PartnerBookingRow(int Id, DateTime StartsAt, int Minutes, string DelegateName, int Project, TutorialMode Mode, string Where,
    BookingStatus Status, bool HasFeedback);

public sealed record PartnerSlotRow(int Id, DateTime StartsAt, int Minutes, TutorialMode Mode, string Where, DateTime? WithdrawnAt, string? WithdrawnReason,
    int? BookingId, string? BookedBy);

public sealed record ReferralRow(int Id, int BookingId, string DelegateName, string PartnerName, DateTime CreatedAt, string Reason, int Project, DateTime? DealtWithAt);

public sealed record TeamBookingRow(int Id, string DelegateName, string PartnerName, int Project, DateTime StartsAt, BookingStatus Status,
    bool OutsideWindow, bool HasFeedback, DateTime? AllowanceRestoredAt, bool FeedbackOverdue)
{
    public bool LateCancellation => Status == BookingStatus.LateCancelled;
    public bool NoShow => Status == BookingStatus.NoShow;
    public bool CanRestoreAllowance => Status == BookingStatus.LateCancelled && AllowanceRestoredAt is null;
}

public sealed record DelegateWindowRow(int ParticipantId, string Name, string Cohort, TutorialWindow Tutorial1, TutorialWindow? Tutorial2, DateOnly? Tutorial1Date);

// Read models for the tutorial pages. The rules stay in the entities; this only gathers rows.
public sealed class TutorialQueries(AppDbContext db, TimeProvider time, ProjectCalendar calendar, ProjectProgress progress)
{
    // Feedback is due within two working days of the tutorial (weekends and bank holidays excluded).
    public const int FeedbackWorkingDays = 2;

    private DateTime Now => time.UtcNow();

    public Task<List<PartnerBookingRow>> PartnerBookingsAsync(string partnerUserId, CancellationToken ct = default) =>
        db.Bookings.AsNoTracking().Where(b => b.Slot.Partner.UserId == partnerUserId)
            .OrderBy(b => b.Slot.StartsAt)
            .Select(b => new PartnerBookingRow(b.Id, b.Slot.StartsAt, b.Slot.Minutes, DelegateNames.ForPartner(b.Participant.User.FullName, b.Participant.School!.Name), b.Project, b.Slot.Mode, b.Slot.Where,
                b.Status, b.Feedback != null))
            .ToListAsync(ct);

    public Task<List<PartnerSlotRow>> FutureSlotsAsync(string partnerUserId, CancellationToken ct = default)
    {
        var now = Now;
        return db.TutorialSlots.AsNoTracking().Where(s => s.Partner.UserId == partnerUserId && s.StartsAt > now)
            .OrderBy(s => s.StartsAt)
            .Select(s => new
            {
                s.Id, s.StartsAt, s.Minutes, s.Mode, s.Where, s.WithdrawnAt, s.WithdrawnReason,
                Booking = db.Bookings.Where(b => b.ActiveSlotId == s.Id).Select(b => new { b.Id, b.Participant.User.FullName }).FirstOrDefault(),
            })
            .Select(s => new PartnerSlotRow(s.Id, s.StartsAt, s.Minutes, s.Mode, s.Where, s.WithdrawnAt, s.WithdrawnReason,
                s.Booking == null ? null : s.Booking.Id, s.Booking == null ? null : s.Booking.FullName))
            .ToListAsync(ct);
    }

    public Task<PartnerSlotRow?> PartnerSlotAsync(string partnerUserId, int slotId, CancellationToken ct = default) =>
        db.TutorialSlots.AsNoTracking().Where(s => s.Id == slotId && s.Partner.UserId == partnerUserId)
            .Select(s => new
            {
                s.Id, s.StartsAt, s.Minutes, s.Mode, s.Where, s.WithdrawnAt, s.WithdrawnReason,
                Booking = db.Bookings.Where(b => b.ActiveSlotId == s.Id).Select(b => new { b.Id, b.Participant.User.FullName }).FirstOrDefault(),
            })
            .Select(s => new PartnerSlotRow(s.Id, s.StartsAt, s.Minutes, s.Mode, s.Where, s.WithdrawnAt, s.WithdrawnReason,
                s.Booking == null ? null : s.Booking.Id, s.Booking == null ? null : s.Booking.FullName))
            .FirstOrDefaultAsync(ct);

    // Project 2 tutorials are about the placement school, as far as the delegate has recorded it.
    public async Task<string?> PlacementSchoolAsync(int participantId, CancellationToken ct = default)
    {
        var placement = await db.Project2s.AsNoTracking().Where(p => p.ParticipantId == participantId)
            .Select(p => new { p.PlacementSchoolName, p.PlacementSchoolPhase }).FirstOrDefaultAsync(ct);
        if (placement is null || string.IsNullOrWhiteSpace(placement.PlacementSchoolName))
        {
            return null;
        }
        return placement.PlacementSchoolPhase is { } phase
            ? $"{placement.PlacementSchoolName} ({EnumText.Display(phase).ToLowerInvariant()})"
            : placement.PlacementSchoolName;
    }

    public Task<List<ReferralRow>> TutorReferralsAsync(string tutorId, CancellationToken ct = default) =>
        db.Referrals.AsNoTracking().Where(r => r.TutorId == tutorId)
            .OrderByDescending(r => r.CreatedAt)
            .Select(r => new ReferralRow(r.Id, r.BookingId, r.Booking.Participant.User.FullName, r.Booking.Slot.Partner.User.FullName, r.CreatedAt, r.Reason,
                r.Booking.Project, r.DealtWithAt))
            .ToListAsync(ct);

    public static bool IsFeedbackOverdue(DateOnly tutorialDate, DateOnly today, BankHolidayCalendar holidays) =>
        today > tutorialDate && WorkingDays.Count(tutorialDate.AddDays(1), today, holidays).WorkingDays > FeedbackWorkingDays;

    public async Task<List<TeamBookingRow>> TeamBookingsAsync(CancellationToken ct = default)
    {
        var now = Now;
        var today = LondonTime.Today(time);
        var holidays = await calendar.HolidaysAsync(ct);
        var rows = await db.Bookings.AsNoTracking()
            .OrderByDescending(b => b.Slot.StartsAt)
            .Select(b => new
            {
                b.Id, Delegate = b.Participant.User.FullName, Partner = b.Slot.Partner.User.FullName, b.Project, b.Slot.StartsAt, b.Status,
                b.OutsideWindow, HasFeedback = b.Feedback != null, b.AllowanceRestoredAt,
            })
            .ToListAsync(ct);
        return rows.Select(r => new TeamBookingRow(r.Id, r.Delegate, r.Partner, r.Project, r.StartsAt, r.Status, r.OutsideWindow, r.HasFeedback,
                r.AllowanceRestoredAt,
                r.Status == BookingStatus.Booked && !r.HasFeedback && r.StartsAt <= now && IsFeedbackOverdue(LondonTime.DateOf(r.StartsAt), today, holidays)))
            .ToList();
    }

    public async Task<List<DelegateWindowRow>> DelegateWindowsAsync(CancellationToken ct = default)
    {
        var delegates = await progress.NpqhParticipants.AsNoTracking()
            .OrderBy(p => p.User.FullName)
            .Select(p => new
            {
                p.Id, p.User.FullName, Cohort = p.Cohort.Name, p.Cohort.CourseStart,
                Tutorial1 = db.Bookings.Where(b => b.ParticipantId == p.Id && b.Project == ProjectNumbers.Change
                        && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.Held || b.Status == BookingStatus.NoShow))
                    .OrderBy(b => b.Slot.StartsAt).Select(b => (DateTime?)b.Slot.StartsAt).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return delegates.Select(d =>
        {
            DateOnly? t1 = d.Tutorial1 is { } s ? LondonTime.DateOf(s) : null;
            return new DelegateWindowRow(d.Id, d.FullName, d.Cohort, TutorialWindows.Tutorial1(d.CourseStart), t1 is { } date ? TutorialWindows.Tutorial2(date) : null, t1);
        }).ToList();
    }
}
