using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Projects;

// The curriculum-led budget of Project 2's action plan: lines by category and budget year, with totals per year.
public class BudgetModel(AppDbContext db, ProjectProgress progress, ProjectRecords records, TimeProvider time) : PageModel
{
    public sealed record YearTotal(int Year, List<BudgetLine> Lines, long Total);

    [BindProperty] public LineInput Line { get; set; } = new();
    public bool IsNpqh { get; private set; }
    public List<YearTotal> Years { get; private set; } = [];
    public long GrandTotal { get; private set; }
    public IReadOnlyList<int> YearOptions { get; private set; } = [];
    public BudgetLine? Confirm { get; private set; }

    // BudgetLineInput as typed.
    public sealed class LineInput
    {
        public string? Category { get; set; }
        public string? Year { get; set; }
        public string? Description { get; set; }
        public string? Amount { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? remove, CancellationToken ct)
    {
        if (await LoadAsync(ct) is null)
        {
            return Page();
        }
        if (remove is int id)
        {
            Confirm = Years.SelectMany(y => y.Lines).FirstOrDefault(l => l.Id == id);
            if (Confirm is null)
            {
                return NotFound();
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var place = await LoadAsync(ct);
        if (place is null)
        {
            return NotFound();
        }
        var added = await records.AddBudgetLineAsync(place.Id, new BudgetLineInput(Line.Category, Line.Year, Line.Description, Line.Amount), ct);
        if (!added.Succeeded)
        {
            ModelState.AddFailure(added.Failure, nameof(Line));
            return Page();
        }
        var line = added.Value;
        TempData["Flash"] = $"Added {line.Description} ({Money.Text(line.AmountPence)}) to {BudgetLine.YearName(line.Year)}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        var place = await progress.NpqhPlaceAsync(User.UserId(), ct);
        if (place is null || await records.RemoveBudgetLineAsync(place.Id, id, ct) is not { Value: { } line })
        {
            return NotFound();
        }
        TempData["Flash"] = $"Removed {line.Description} from the budget.";
        return RedirectToPage();
    }

    public static IEnumerable<(string Value, string Text)> Categories =>
        EnumText.Values<BudgetCategory>().Select(c => (c.ToString(), EnumText.Display(c)));

    private async Task<Participant?> LoadAsync(CancellationToken ct)
    {
        var place = await progress.NpqhPlaceAsync(User.UserId(), ct);
        IsNpqh = place is not null;
        if (place is null)
        {
            return null;
        }
        var lines = await db.BudgetLines.AsNoTracking().Where(l => db.Project2s.Any(p => p.Id == l.Project2Id && p.ParticipantId == place.Id))
            .ToListAsync(ct);
        Years = lines.GroupBy(l => l.Year).OrderBy(g => g.Key)
            .Select(g => new YearTotal(g.Key, g.OrderBy(l => l.Category).ThenBy(l => l.Id).ToList(), g.Sum(l => l.AmountPence)))
            .ToList();
        GrandTotal = lines.Sum(l => l.AmountPence);
        YearOptions = BudgetLine.YearOptions(LondonTime.Today(time), lines.Select(l => l.Year));
        return place;
    }
}
