using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Pages.Shared;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Pages.Partner;

public class SlotsModel(PartnerSlots slots, TutorialQueries queries) : PageModel
{
    public sealed class InputModel
    {
        public DateParts Date { get; set; } = new();
        public string? Time { get; set; } = "16:00";
        public string? Minutes { get; set; } = "60";
        public TutorialMode? Mode { get; set; } = TutorialMode.Online;
        public string? Where { get; set; }
    }

    public List<PartnerSlotRow> Slots { get; private set; } = [];
    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Slots = await queries.FutureSlotsAsync(User.UserId(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var dateError = Input.Date.TryGet("the date", out var date);
        if (dateError is not null)
        {
            ModelState.AddModelError("Input.Date", dateError);
        }
        var start = default(DateTime);
        if (!TimeOnly.TryParseExact(Input.Time?.Trim().Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            ModelState.AddModelError("Input.Time", "Enter the start time as hours and minutes, like 16:00");
        }
        else if (dateError is null && !LondonTime.TryToUtc(date.ToDateTime(at), out start))
        {
            ModelState.AddModelError("Input.Time", TutorialSlot.ClocksGoForward);
        }
        if (!int.TryParse(Input.Minutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            ModelState.AddModelError("Input.Minutes", $"Enter the length in minutes, a whole number from {TutorialSlot.MinMinutes} to {TutorialSlot.MaxMinutes}");
        }
        if (Input.Mode is null)
        {
            ModelState.AddModelError("Input.Mode", "Choose online or in person");
        }
        if (ModelState.IsValid)
        {
            var published = await slots.PublishAsync(User.UserId(), new SlotInput(start, minutes, Input.Mode!.Value, Input.Where), ct);
            if (published.Succeeded)
            {
                TempData["Flash"] = $"Published a slot on {UkFormat.DateTime(published.Value.StartsAt)} ({published.Value.Minutes} minutes).";
                return RedirectToPage();
            }
            // The form enters the start as a date and a time: a start that is refused (in the past,
            // overlapping) is shown on the date.
            ModelState.AddFailure(published.Failure.Field == nameof(SlotInput.Start)
                ? published.Failure with { Errors = [new FieldError(nameof(InputModel.Date), published.Failure.Message)] }
                : published.Failure);
        }
        Slots = await queries.FutureSlotsAsync(User.UserId(), ct);
        return Page();
    }
}
