using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Data;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Programme.Schools;

public class EditModel(AppDbContext db) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the school's name")]
        [StringLength(School.NameMaxLength, ErrorMessage = "Enter a name of at most 200 characters")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter the school's URN")]
        [Range(School.UrnMin, School.UrnMax, ErrorMessage = "Enter a URN of six digits, like 123456")]
        public int? Urn { get; set; }

        [Required(ErrorMessage = "Choose the school's phase")]
        public SchoolPhase? Phase { get; set; }

        [Required(ErrorMessage = "Choose the school's setting type")]
        public SettingType? SettingType { get; set; }

        [Required(ErrorMessage = "Choose the school's region")]
        public Region? Region { get; set; }

        [Range(0, 10_000, ErrorMessage = "Enter a number on roll between 0 and 10,000")]
        public int? NumberOnRoll { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            return Page();
        }
        var s = await db.Schools.FindAsync([Id], ct);
        if (s is null)
        {
            return NotFound();
        }
        Input = new InputModel { Name = s.Name, Urn = s.Urn, Phase = s.Phase, SettingType = s.SettingType, Region = s.Region, NumberOnRoll = s.NumberOnRoll };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // Model binding's own wording ("The value 'abc' is not valid") is replaced by ours.
            ReplaceBindingError("Input.Urn", "Enter a URN of six digits, like 123456");
            ReplaceBindingError("Input.NumberOnRoll", "Enter the number on roll as a whole number");
            return Page();
        }
        var school = Id is null ? new School() : await db.Schools.FindAsync([Id], ct);
        if (school is null)
        {
            return NotFound();
        }
        school.Name = Input.Name.Trim();
        school.Urn = Input.Urn!.Value;
        school.Phase = Input.Phase!.Value;
        school.SettingType = Input.SettingType!.Value;
        school.Region = Input.Region!.Value;
        school.NumberOnRoll = Input.NumberOnRoll;
        if (Id is null)
        {
            db.Schools.Add(school);
        }
        if (!await db.TrySaveUniqueAsync(ct))
        {
            ModelState.AddModelError("Input.Urn", $"There is already a school with the URN {Input.Urn}");
            return Page();
        }
        TempData["Flash"] = $"Saved {school.Name}.";
        return RedirectToPage("Index");
    }

    private void ReplaceBindingError(string key, string message)
    {
        if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Any(e => e.ErrorMessage.Contains("is not valid", StringComparison.Ordinal)))
        {
            entry.Errors.Clear();
            entry.Errors.Add(message);
        }
    }
}
