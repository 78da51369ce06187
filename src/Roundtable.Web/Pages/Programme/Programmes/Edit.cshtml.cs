using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
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

        public string? FrameworkAreas { get; set; }
    }

    public const int MaxAreas = 30;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            Input.FrameworkAreas = string.Join("\n", ProblemSuitability.NpqhFrameworkAreas);
            return Page();
        }
        var p = await db.Programmes.FindAsync([Id], ct);
        if (p is null)
        {
            return NotFound();
        }
        Input = new InputModel { Code = p.Code, Name = p.Name, FrameworkAreas = string.Join("\n", await FrameworkArea.ForProgrammeAsync(db, p.Id, ct)) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var areas = (Input.FrameworkAreas ?? "").Split('\n').Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (areas.Count == 0)
        {
            ModelState.AddModelError("Input.FrameworkAreas", "Enter at least one framework area, one to a line");
        }
        else if (areas.Count > MaxAreas || areas.Any(a => a.Length > FrameworkArea.NameMaxLength))
        {
            ModelState.AddModelError("Input.FrameworkAreas", $"Enter at most {MaxAreas} areas of at most {FrameworkArea.NameMaxLength} characters each");
        }
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
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.TrySaveUniqueAsync(ct))
        {
            ModelState.AddModelError("Input.Code", $"There is already a programme with the code {code}");
            return Page();
        }
        await db.FrameworkAreas.Where(a => a.ProgrammeId == programme.Id).ExecuteDeleteAsync(ct);
        db.FrameworkAreas.AddRange(areas.Select((name, i) => new FrameworkArea { ProgrammeId = programme.Id, Name = name, Position = i }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Flash"] = $"Saved the programme {code}.";
        return RedirectToPage("Index");
    }
}
