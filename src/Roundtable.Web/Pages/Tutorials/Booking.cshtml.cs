using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Pages.Tutorials;

public class BookingModel(DelegateTutorials tutorials, BookingFacts facts) : PageModel
{
    public BookingView Booking { get; private set; } = null!;
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public bool Started { get; private set; }
    public bool WouldBeLate { get; private set; }
    public int NoticeHours { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var found = await FindAsync(tutorials, User.UserId(), id, ct);
        if (found is null)
        {
            return NotFound();
        }
        Booking = found;
        Warnings = (TempData["Warnings"] as string)?.Split('\n') ?? [];
        Started = Booking.StartsAt <= tutorials.Now;
        NoticeHours = await facts.NoticeHoursAsync(ct);
        WouldBeLate = Booking.WithinNotice(tutorials.Now, NoticeHours);
        return Page();
    }

    // A delegate's own booking only; anyone else's id is not found.
    public static async Task<BookingView?> FindAsync(DelegateTutorials tutorials, string userId, int id, CancellationToken ct)
    {
        var place = await tutorials.PlaceAsync(userId, ct);
        return place is null ? null : (await tutorials.BookingsAsync(place.Id, ct)).FirstOrDefault(b => b.Id == id);
    }
}
