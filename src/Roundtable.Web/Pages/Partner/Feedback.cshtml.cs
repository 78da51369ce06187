using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Pages.Partner;

public class FeedbackModel(BookingFacts facts, TutorialFeedbackService feedback, AppLinks links) : PageModel
{
    public sealed class InputModel
    {
        public bool? Held { get; set; }
        public string? Notes { get; set; }
        public bool Refer { get; set; }
        public string? ReferralReason { get; set; }
    }

    [FromRoute] public int Id { get; set; }
    public Booking Booking { get; private set; } = null!;
    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (Input.Held is null)
        {
            ModelState.AddModelError("Input.Held", "Choose whether the tutorial was held or the delegate did not attend");
            return Page();
        }
        var input = new FeedbackInput(Input.Held.Value, Input.Notes, Input.Refer ? Input.ReferralReason ?? "" : null);
        var recorded = await feedback.RecordAsync(Id, User.UserId(), input, links.BaseUrl(Request), ct);
        if (recorded.Failure?.Kind == FailureKind.NotFound)
        {
            return NotFound();
        }
        if (!recorded.Succeeded)
        {
            ModelState.AddFailure(recorded.Failure);
            return Page();
        }
        var name = DelegateNames.ForPartner(Booking.Participant);
        TempData["Flash"] = Input.Refer
            ? $"Recorded your feedback on the tutorial with {name}, and referred them to their tutor."
            : $"Recorded your feedback on the tutorial with {name}.";
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
        return true;
    }
}
