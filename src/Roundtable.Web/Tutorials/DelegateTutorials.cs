using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Tutorials;

public sealed record BookingView(
    int Id, int Project, BookingStatus Status, DateTime StartsAt, int Minutes, TutorialMode Mode, string Where,
    string PartnerId, string PartnerName, string PartnerEmail, string Focus, string ProjectSummary, bool OutsideWindow,
    string? CancelReason, bool CancelledByPartner, bool AllowanceRestored)
{
    public bool IsActive => Status is BookingStatus.Booked or BookingStatus.Held or BookingStatus.NoShow;

    public bool WithinNotice(DateTime now, int noticeHours) => Booking.WithinNotice(StartsAt, now, noticeHours);
}

// One delegate's tutorials, as the delegate's pages show them.
public sealed class DelegateTutorials(AppDbContext db, ProjectProgress progress, BookingFacts facts, TimeProvider time)
{
    public Task<Participant?> PlaceAsync(string userId, CancellationToken ct) => progress.NpqhPlaceAsync(userId, ct);

    public Task<List<BookingView>> BookingsAsync(int participantId, CancellationToken ct) =>
        db.Bookings.AsNoTracking().Where(b => b.ParticipantId == participantId)
            .OrderBy(b => b.Slot.StartsAt)
            .Select(b => new BookingView(b.Id, b.Project, b.Status, b.Slot.StartsAt, b.Slot.Minutes, b.Slot.Mode, b.Slot.Where,
                b.Slot.Partner.UserId, b.Slot.Partner.User.FullName, b.Slot.Partner.User.Email ?? "", b.Focus, b.ProjectSummary, b.OutsideWindow,
                b.CancelReason, b.CancelledByPartner, b.AllowanceRestoredAt != null))
            .ToListAsync(ct);

    public async Task<TutorialWindow?> WindowAsync(Participant place, int project, CancellationToken ct) =>
        TutorialWindows.For(project, place.Cohort.CourseStart,
            project == ProjectNumbers.Change ? null : await facts.Tutorial1DateAsync(place.Id, exceptBookingId: null, ct));

    public DateTime Now => time.UtcNow();
}
