using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Pages.Shared;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Pages.Partner;

public class SlotsModel(TutorialBookings bookings, TutorialQueries queries) : PageModel
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
        if (Input.Date.TryGet("the date", out var date) is { } dateError)
        {
            ModelState.AddModelError("Input.Date", dateError);
        }
        if (!TimeOnly.TryParseExact(Input.Time?.Trim().Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            ModelState.AddModelError("Input.Time", "Enter the start time as hours and minutes, like 16:00");
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
            var outcome = await bookings.AddSlotAsync(User.UserId(), new SlotInput(date.ToDateTime(at), minutes, Input.Mode!.Value, Input.Where), ct);
            if (outcome.Succeeded)
            {
                TempData["Flash"] = $"Published a slot on {UkFormat.DateTime(outcome.Value!.StartsAt)} ({outcome.Value.Minutes} minutes).";
                return RedirectToPage();
            }
            ModelState.AddModelError(FieldKey(outcome.Field, outcome.Kind), outcome.Error!);
        }
        Slots = await queries.FutureSlotsAsync(User.UserId(), ct);
        return Page();
    }

    // The service names its fields as the API does; the form shows the start on the date and the
    // clock-change refusal on the time.
    private static string FieldKey(string? field, OutcomeKind kind) => (field, kind) switch
    {
        ("minutes", _) => "Input.Minutes",
        ("where", _) => "Input.Where",
        ("start", OutcomeKind.Invalid) => "Input.Time",
        ("start", _) => "Input.Date",
        _ => "",
    };
}
