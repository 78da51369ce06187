using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Pages.Tutorials;

public class CancelModel(DelegateTutorials tutorials, TutorialBookings bookings, BookingFacts facts) : PageModel
{
    [BindProperty] public string? Reason { get; set; }

    public BookingView Booking { get; private set; } = null!;
    public bool Late { get; private set; }
    public int NoticeHours { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var cancelled = await bookings.CancelAsync(id, User, Reason, ct);
        if (cancelled.Succeeded)
        {
            TempData["Flash"] = cancelled.Value.Status == BookingStatus.LateCancelled
                ? "Your tutorial is cancelled. It was within the notice period, so it still counts as your tutorial until the programme team restores it."
                : $"Your tutorial is cancelled. You can book another for Project {cancelled.Value.Project}.";
            return RedirectToPage("Index");
        }
        ModelState.AddFailure(cancelled.Failure, prefix: "");
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var found = await BookingModel.FindAsync(tutorials, User.UserId(), id, ct);
        if (found is null)
        {
            return false;
        }
        Booking = found;
        NoticeHours = await facts.NoticeHoursAsync(ct);
        Late = Booking.WithinNotice(tutorials.Now, NoticeHours);
        return true;
    }
}
