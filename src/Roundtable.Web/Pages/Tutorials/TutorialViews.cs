using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.People;
using Roundtable.Web.Projects;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Pages.Tutorials;

public sealed record BookingView(
    int Id, int Project, BookingStatus Status, DateTime StartsAt, int Minutes, TutorialMode Mode, string Where,
    string PartnerId, string PartnerName, string PartnerEmail, string Focus, string ProjectSummary, bool OutsideWindow,
    string? CancelReason, bool CancelledByPartner, bool AllowanceRestored)
{
    public bool IsActive => Status is BookingStatus.Booked or BookingStatus.Held or BookingStatus.NoShow;
}

// One delegate's tutorials, as the delegate's pages show them.
public sealed class DelegateTutorials(AppDbContext db, ProjectProgress progress, TimeProvider time)
{
    public Task<Participant?> PlaceAsync(string userId, CancellationToken ct) => progress.NpqhPlaceAsync(userId, ct);

    public Task<List<BookingView>> BookingsAsync(int participantId, CancellationToken ct) =>
        db.Bookings.AsNoTracking().Where(b => b.ParticipantId == participantId)
            .OrderBy(b => b.Slot.StartsAt)
            .Select(b => new BookingView(b.Id, b.Project, b.Status, b.Slot.StartsAt, b.Slot.Minutes, b.Slot.Mode, b.Slot.Where,
                b.Slot.Partner.UserId, b.Slot.Partner.User.FullName, b.Slot.Partner.User.Email ?? "", b.Focus, b.ProjectSummary, b.OutsideWindow,
                b.CancelReason, b.CancelledByPartner, b.AllowanceRestoredAt != null))
            .ToListAsync(ct);

    public async Task<TutorialWindow?> WindowAsync(Participant place, int project, CancellationToken ct)
    {
        if (project == ProjectNumbers.Change)
        {
            return TutorialWindows.Tutorial1(place.Cohort.CourseStart);
        }
        var bookings = await BookingsAsync(place.Id, ct);
        var tutorial1 = bookings.FirstOrDefault(b => b.Project == ProjectNumbers.Change && b.IsActive);
        return tutorial1 is null ? null : TutorialWindows.Tutorial2(LondonTime.DateOf(tutorial1.StartsAt));
    }

    public DateTime Now => time.GetUtcNow().UtcDateTime;
}

public static class TutorialText
{
    public static string StatusTagClass(BookingStatus status) => status switch
    {
        BookingStatus.Booked => "govuk-tag govuk-tag--blue",
        BookingStatus.Held => "govuk-tag govuk-tag--green",
        BookingStatus.NoShow => "govuk-tag govuk-tag--orange",
        BookingStatus.LateCancelled => "govuk-tag govuk-tag--red",
        _ => "govuk-tag govuk-tag--grey",
    };

    public static string Mode(TutorialMode mode) => mode == TutorialMode.Online ? "Online" : "In person";

    public static string Length(int minutes) => minutes % 60 == 0 && minutes >= 60
        ? $"{minutes / 60} hour{(minutes == 60 ? "" : "s")}"
        : $"{minutes} minutes";

    public static string Project(int project) => project == ProjectNumbers.Change
        ? "Tutorial 1 – Project 1: whole-school change"
        : "Tutorial 2 – Project 2: placement";
}
