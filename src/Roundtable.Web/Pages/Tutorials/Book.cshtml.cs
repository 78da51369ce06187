using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Projects;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Pages.Tutorials;

public class BookModel(AppDbContext db, DelegateTutorials tutorials, TutorialBookings bookings, BookingFacts facts) : PageModel
{
    public sealed record Form(string? Focus, string? ProjectSummary);

    [BindProperty(SupportsGet = true)] public int SlotId { get; set; }
    [BindProperty(SupportsGet = true)] public int Project { get; set; } = ProjectNumbers.Change;
    [BindProperty] public Form Input { get; set; } = new(null, null);

    public FreeSlot? Slot { get; private set; }
    public string PartnerName { get; private set; } = "";
    public string PartnerId { get; private set; } = "";
    public List<string> Warnings { get; } = [];
    public BookingView? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var booked = await bookings.BookAsync(User.UserId(), new BookingInput(SlotId, Project, Input.Focus, Input.ProjectSummary), ct);
        if (booked.Succeeded)
        {
            TempData["Flash"] = $"Your tutorial is booked for {UkFormat.DateTime(Slot?.StartsAt ?? await StartAsync(booked.Value.SlotId, ct))}.";
            if (booked.Warnings.Count > 0)
            {
                TempData["Warnings"] = string.Join('\n', booked.Warnings);
            }
            return RedirectToPage("Booking", new { id = booked.Value.Id });
        }
        // The slot and the project were chosen on earlier pages: their failures go to the top.
        ModelState.AddFailure<Form>(booked.Failure);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private Task<DateTime> StartAsync(int slotId, CancellationToken ct) =>
        db.TutorialSlots.Where(s => s.Id == slotId).Select(s => s.StartsAt).SingleAsync(ct);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!ProjectNumbers.IsValid(Project))
        {
            return false;
        }
        var place = await tutorials.PlaceAsync(User.UserId(), ct);
        var slot = await db.TutorialSlots.AsNoTracking().Where(s => s.Id == SlotId)
            .Select(s => new { Slot = new FreeSlot(s.Id, s.StartsAt, s.Minutes, s.Mode, s.Where), s.Partner.UserId, s.Partner.User.FullName }).FirstOrDefaultAsync(ct);
        if (place is null || slot is null)
        {
            return false;
        }
        (Slot, PartnerId, PartnerName) = (slot.Slot, slot.UserId, slot.FullName);
        Existing = (await tutorials.BookingsAsync(place.Id, ct)).LastOrDefault(b => b.Project == Project && b.IsActive);
        if (await facts.WindowWarningAsync(place, Project, slot.Slot.StartsAt, null, ct) is { } window)
        {
            Warnings.Add(window);
        }
        if (Project == ProjectNumbers.Placement && await facts.NoPlacementWarningAsync(place, ct) is { } noPlacement)
        {
            Warnings.Add(noPlacement);
        }
        return true;
    }
}
