using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Calendars;
using Roundtable.Web.Infrastructure.Auth;

namespace Roundtable.Web.Pages.Me;

// Everyone signed in: confirms before their own calendar address stops working.
public class StopCalendarModel(CalendarFeeds feeds) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await feeds.ExistingAddressAsync(User.UserId(), ct) is null ? RedirectToPage("Index") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await feeds.RevokeAsync(User.UserId(), ct);
        TempData["Flash"] = "Your calendar address no longer works. Calendars subscribed to it will stop updating.";
        return RedirectToPage("Index");
    }
}
