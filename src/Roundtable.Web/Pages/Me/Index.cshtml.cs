using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Calendars;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;

namespace Roundtable.Web.Pages.Me;

// Everyone signed in, whatever their role: their own account only.
public class IndexModel(AppDbContext db, CalendarFeeds feeds) : PageModel
{
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string? FeedUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = User.UserId();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == me).Select(u => new { u.FullName, u.Email }).FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return NotFound();
        }
        (Name, Email) = (user.FullName, user.Email ?? "");
        FeedUrl = await feeds.ExistingAddressAsync(me, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        await feeds.AddressAsync(User.UserId(), ct);
        TempData["Flash"] = "Your calendar address is ready. Copy it into your calendar app.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRenewAsync(CancellationToken ct)
    {
        await feeds.RenewAsync(User.UserId(), ct);
        TempData["Flash"] = "You have a new calendar address. The old one no longer works: subscribe to the new one.";
        return RedirectToPage();
    }
}
