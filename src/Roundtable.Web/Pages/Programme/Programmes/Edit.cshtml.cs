using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Entity = Roundtable.Web.People.Programme;

namespace Roundtable.Web.Pages.Programme.Programmes;

public class EditModel(AppDbContext db) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a code, like NPQH")]
        [StringLength(Entity.CodeMaxLength, ErrorMessage = "Enter a code of at most 20 characters")]
        [RegularExpression("^[A-Za-z0-9-]+$", ErrorMessage = "Use only letters, digits and hyphens in the code")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Enter the programme's name")]
        [StringLength(Entity.NameMaxLength, ErrorMessage = "Enter a name of at most 200 characters")]
        public string Name { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            return Page();
        }
        var p = await db.Programmes.FindAsync([Id], ct);
        if (p is null)
        {
            return NotFound();
        }
        Input = new InputModel { Code = p.Code, Name = p.Name };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var code = Input.Code.Trim().ToUpperInvariant();
        var programme = Id is null ? new Entity() : await db.Programmes.FindAsync([Id], ct);
        if (programme is null)
        {
            return NotFound();
        }
        if (await db.Programmes.AnyAsync(p => p.Code == code && p.Id != programme.Id, ct))
        {
            ModelState.AddModelError("Input.Code", $"There is already a programme with the code {code}");
            return Page();
        }
        programme.Code = code;
        programme.Name = Input.Name.Trim();
        if (Id is null)
        {
            db.Programmes.Add(programme);
        }
        if (!await db.TrySaveUniqueAsync(ct))
        {
            ModelState.AddModelError("Input.Code", $"There is already a programme with the code {code}");
            return Page();
        }
        TempData["Flash"] = $"Saved the programme {code}.";
        return RedirectToPage("Index");
    }
}
