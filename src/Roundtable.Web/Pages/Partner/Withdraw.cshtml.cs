using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Pages.Partner;

public class WithdrawModel(PartnerSlots slots, TutorialQueries queries, TimeProvider time) : PageModel
{
    [FromRoute] public int Id { get; set; }
    public PartnerSlotRow Slot { get; private set; } = null!;
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var withdrawn = await slots.WithdrawAsync(User.UserId(), Id, Reason, ct);
        if (withdrawn.Failure?.Kind == FailureKind.NotFound)
        {
            return NotFound();
        }
        if (!withdrawn.Succeeded)
        {
            ModelState.AddFailure(withdrawn.Failure, prefix: "");
            return Page();
        }
        TempData["Flash"] = Slot.BookedBy is null
            ? $"Withdrew your slot on {UkFormat.DateTime(Slot.StartsAt)}."
            : $"Withdrew your slot on {UkFormat.DateTime(Slot.StartsAt)}. {Slot.BookedBy} has been told, and can book another tutorial.";
        return RedirectToPage("Slots");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var slot = await queries.PartnerSlotAsync(User.UserId(), Id, ct);
        if (slot is null || slot.WithdrawnAt is not null || slot.StartsAt <= time.UtcNow())
        {
            return false;
        }
        Slot = slot;
        return true;
    }
}
