using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Pages.Partner;

public class ProfileModel(PartnerSlots slots, AppDbContext db, TimeProvider time) : PageModel
{
    // Numbers are bound as text so that "ten" is explained rather than silently dropped.
    public sealed class InputModel
    {
        public string? HeadshipYears { get; set; }
        public SchoolPhase? Phase { get; set; }
        public SettingType? SettingType { get; set; }
        public Region? Region { get; set; }
        public string? NumberOnRoll { get; set; }
        public string? Specialisms { get; set; }
        public string? Biography { get; set; }
        public string? MonthlyCap { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var profile = await slots.ProfileAsync(User.UserId(), ct);
        Input = new InputModel
        {
            HeadshipYears = profile.HeadshipYears.ToString(CultureInfo.InvariantCulture), Phase = profile.Phase, SettingType = profile.SettingType,
            Region = profile.Region, NumberOnRoll = profile.NumberOnRoll?.ToString(CultureInfo.InvariantCulture), Specialisms = profile.Specialisms,
            Biography = profile.Biography, MonthlyCap = profile.MonthlyCap.ToString(CultureInfo.InvariantCulture),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var years = Whole("Input.HeadshipYears", Input.HeadshipYears, 0, PartnerProfile.MaxHeadshipYears, required: true,
            "Enter your years of headship experience", $"Years of headship must be a whole number from 0 to {PartnerProfile.MaxHeadshipYears}");
        var roll = Whole("Input.NumberOnRoll", Input.NumberOnRoll, 1, PartnerProfile.MaxNumberOnRoll, required: false,
            "", $"Number on roll must be a whole number from 1 to {PartnerProfile.MaxNumberOnRoll.ToString("N0", CultureInfo.InvariantCulture)}");
        var cap = Whole("Input.MonthlyCap", Input.MonthlyCap, 1, PartnerProfile.MaxMonthlyCap, required: true,
            "Enter the most tutorials you will take in a month", $"The most tutorials a month must be a whole number from 1 to {PartnerProfile.MaxMonthlyCap}");
        var specialisms = Input.Specialisms?.Trim() ?? "";
        var biography = Input.Biography?.Trim() ?? "";
        if (specialisms.Length > PartnerProfile.SpecialismsMaxLength)
        {
            ModelState.AddModelError("Input.Specialisms", $"Specialisms must be {PartnerProfile.SpecialismsMaxLength} characters or fewer");
        }
        if (biography.Length > PartnerProfile.BiographyMaxLength)
        {
            ModelState.AddModelError("Input.Biography", $"Biography must be {PartnerProfile.BiographyMaxLength} characters or fewer");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var profile = await slots.ProfileAsync(User.UserId(), ct);
        profile.HeadshipYears = years!.Value;
        profile.Phase = Input.Phase;
        profile.SettingType = Input.SettingType;
        profile.Region = Input.Region;
        profile.NumberOnRoll = roll;
        profile.Specialisms = specialisms;
        profile.Biography = biography;
        profile.MonthlyCap = cap!.Value;
        profile.UpdatedAt = time.UtcNow();
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Your profile has been saved.";
        return RedirectToPage();
    }

    private int? Whole(string key, string? text, int min, int max, bool required, string missing, string wrong)
    {
        text = text?.Trim().Replace(",", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                ModelState.AddModelError(key, missing);
            }
            return null;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            ModelState.AddModelError(key, wrong);
            return null;
        }
        return value;
    }

    public static IEnumerable<(string Value, string Text)> Options<T>() where T : struct, Enum =>
        EnumText.Values<T>().Select(v => (v.ToString(), EnumText.Display(v)));
}
