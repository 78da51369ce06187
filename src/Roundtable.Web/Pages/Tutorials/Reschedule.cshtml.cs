using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Pages.Tutorials;

// Moves a tutorial to another free time, with the same partner unless the delegate chose another.
public class RescheduleModel(AppDbContext db, DelegateTutorials tutorials, PartnerDirectory directory, TutorialBookings bookings, BookingFacts facts) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? SlotId { get; set; }

    public BookingView Booking { get; private set; } = null!;
    public string PartnerName { get; private set; } = "";
    public List<FreeSlot> Slots { get; private set; } = [];
    public bool TooLate { get; private set; }
    public int NoticeHours { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (SlotId is null)
        {
            ModelState.AddModelError(nameof(SlotId), "Choose a new time.");
            return Page();
        }
        var moved = await bookings.RescheduleAsync(id, User.UserId(), SlotId.Value, ct);
        if (moved.Succeeded)
        {
            TempData["Flash"] = $"Your tutorial is moved to {UkFormat.DateTime(moved.Value.Slot.StartsAt)}.";
            if (moved.Warnings.Count > 0)
            {
                TempData["Warnings"] = string.Join('\n', moved.Warnings);
            }
            return RedirectToPage("Booking", new { id });
        }
        ModelState.AddFailure(moved.Failure, prefix: "");
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var found = await BookingModel.FindAsync(tutorials, User.UserId(), id, ct);
        if (found is null || found.Status != BookingStatus.Booked)
        {
            return false;
        }
        Booking = found;
        NoticeHours = await facts.NoticeHoursAsync(ct);
        TooLate = found.WithinNotice(tutorials.Now, NoticeHours);
        var partnerUserId = found.PartnerId;
        if (SlotId is { } chosen && await db.TutorialSlots.Where(s => s.Id == chosen).Select(s => s.Partner.UserId).FirstOrDefaultAsync(ct) is { } other)
        {
            partnerUserId = other;
        }
        var partner = await directory.ActivePartners.AsNoTracking().Where(p => p.UserId == partnerUserId)
            .Select(p => new { p.Id, p.User.FullName }).FirstOrDefaultAsync(ct);
        PartnerName = partner?.FullName ?? found.PartnerName;
        Slots = partner is null ? [] : await directory.FreeSlotsAsync(partner.Id, ct: ct);
        return true;
    }
}
