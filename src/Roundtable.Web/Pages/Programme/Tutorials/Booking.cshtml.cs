using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Pages.Programme.Tutorials;

public class BookingModel(AppDbContext db, AuditTrail trail) : PageModel
{
    [FromRoute] public int Id { get; set; }
    public Booking Booking { get; private set; } = null!;
    public List<Referral> Referrals { get; private set; } = [];
    public List<AuditRow> Trail { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var booking = await db.Bookings.AsNoTracking()
            .Include(b => b.Slot).ThenInclude(s => s.Partner).ThenInclude(p => p.User)
            .Include(b => b.Participant).ThenInclude(p => p.User)
            .Include(b => b.Feedback)
            .FirstOrDefaultAsync(b => b.Id == Id, ct);
        if (booking is null)
        {
            return NotFound();
        }
        Booking = booking;
        Referrals = await db.Referrals.AsNoTracking().Where(r => r.BookingId == Id).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        Trail = await trail.HistoryAsync(Booking.AuditSubject, Id, ct);
        return Page();
    }
}
