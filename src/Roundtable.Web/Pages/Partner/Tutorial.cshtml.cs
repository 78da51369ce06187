using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Projects;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Pages.Partner;

public class TutorialModel(TutorialBookings bookings, BookingFacts facts, TutorialQueries queries, TimeProvider time) : PageModel
{
    [FromRoute] public int Id { get; set; }
    public Booking Booking { get; private set; } = null!;
    public string? PlacementSchool { get; private set; }
    public bool Started { get; private set; }
    public bool CanCancel => Booking.Status == BookingStatus.Booked && !Started;
    public bool CanRecordFeedback => Booking.Status == BookingStatus.Booked && Started && Booking.Feedback is null;
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var cancelled = await bookings.CancelAsync(Id, User, Reason, ct);
        if (cancelled.Failure?.Kind == FailureKind.NotFound)
        {
            return NotFound();
        }
        if (!cancelled.Succeeded)
        {
            ModelState.AddFailure(cancelled.Failure, prefix: "");
            return Page();
        }
        TempData["Flash"] = $"Cancelled the tutorial with {DelegateNames.ForPartner(Booking.Participant)} on {UkFormat.DateTime(Booking.Slot.StartsAt)}. They have been told, and the slot is withdrawn.";
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var booking = await facts.PartnerBookingAsync(Id, User.UserId(), ct);
        if (booking is null)
        {
            return false;
        }
        Booking = booking;
        Started = booking.Slot.StartsAt <= time.UtcNow();
        if (booking.Project == ProjectNumbers.Placement)
        {
            PlacementSchool = await queries.PlacementSchoolAsync(booking.ParticipantId, ct);
        }
        return true;
    }
}
