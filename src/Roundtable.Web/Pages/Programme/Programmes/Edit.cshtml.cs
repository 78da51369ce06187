using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.People;
using Entity = Roundtable.Web.People.Programme;

namespace Roundtable.Web.Pages.Programme.Programmes;

public class EditModel(AppDbContext db) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public ProgrammeInput Input { get; set; } = new();

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
        Input = new ProgrammeInput { Code = p.Code, Name = p.Name, Regime = p.Regime.ToString(), FrameworkAreas = string.Join("\n", await FrameworkArea.ForProgrammeAsync(db, p.Id, ct)) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var details = Input.Check(FrameworkArea.NameMaxLength);
        var regime = Input.CheckRegime();
        if (!details.Succeeded || !regime.Succeeded)
        {
            ModelState.AddFailure(details.Failure ?? regime.Failure!);
            if (details.Failure is not null && regime.Failure is not null)
            {
                ModelState.AddFailure(regime.Failure);
            }
            return Page();
        }
        var (code, name, areas) = details.Value;
        var programme = Id is null ? new Entity() : await db.Programmes.FindAsync([Id], ct);
        if (programme is null)
        {
            return NotFound();
        }
        var taken = Failure.Conflict($"There is already a programme with the code {code}", nameof(ProgrammeInput.Code));
        if (await db.Programmes.AnyAsync(p => p.Code == code && p.Id != programme.Id, ct))
        {
            ModelState.AddFailure(taken);
            return Page();
        }
        programme.Code = code;
        programme.Name = name;
        programme.Regime = regime.Value;
        if (Id is null)
        {
            db.Programmes.Add(programme);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.TrySaveUniqueAsync(ct))
        {
            ModelState.AddFailure(taken);
            return Page();
        }
        await db.FrameworkAreas.Where(a => a.ProgrammeId == programme.Id).ExecuteDeleteAsync(ct);
        db.FrameworkAreas.AddRange(areas.Select((area, i) => new FrameworkArea { ProgrammeId = programme.Id, Name = area, Position = i }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Flash"] = $"Saved the programme {code}.";
        return RedirectToPage("Index");
    }
}
