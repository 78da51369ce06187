using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Pages.Shared;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Projects;

// The curriculum-led budget of Project 2's action plan: lines by category and budget year, with totals per year.
public class BudgetModel(AppDbContext db, ProjectProgress progress, TimeProvider time) : PageModel
{
    public sealed record YearTotal(int Year, List<BudgetLine> Lines, long Total);

    [BindProperty] public LineInput Line { get; set; } = new();
    public bool IsNpqh { get; private set; }
    public List<YearTotal> Years { get; private set; } = [];
    public long GrandTotal { get; private set; }
    public IReadOnlyList<int> YearOptions { get; private set; } = [];
    public BudgetLine? Confirm { get; private set; }

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
        BudgetCategory category = default;
        if (string.IsNullOrEmpty(Line.Category))
        {
            ModelState.AddModelError("Line.Category", "Choose a category");
        }
        else if (!Enum.TryParse(Line.Category, out category) || !Enum.IsDefined(category))
        {
            ModelState.AddModelError("Line.Category", "Choose a category from the list");
        }
        var year = 0;
        if (string.IsNullOrEmpty(Line.Year))
        {
            ModelState.AddModelError("Line.Year", "Choose the budget year");
        }
        else if (!int.TryParse(Line.Year, NumberStyles.None, CultureInfo.InvariantCulture, out year) || !YearOptions.Contains(year))
        {
            ModelState.AddModelError("Line.Year", "Choose a budget year from the list");
        }
        var description = ModelState.Text(Line.Description, "Line.Description", "what the money is for", BudgetLine.DescriptionMaxLength, required: true);
        long pence = 0;
        if (string.IsNullOrWhiteSpace(Line.Amount))
        {
            ModelState.AddModelError("Line.Amount", "Enter the amount");
        }
        else if (!Money.TryParse(Line.Amount, out pence, allowNegative: true, maxAbsPence: BudgetLine.MaxAbsPence))
        {
            ModelState.AddModelError("Line.Amount", "Enter the amount in pounds, like 1,250 or 1250.50, with a minus sign for a saving");
        }
        else if (pence == 0)
        {
            ModelState.AddModelError("Line.Amount", "Enter an amount other than zero");
        }
        if (Years.Sum(y => y.Lines.Count) >= Project2.MaxBudgetLines)
        {
            ModelState.AddModelError("Line.Description", $"A budget can have at most {Project2.MaxBudgetLines} lines");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var project = await progress.Project2ForChangeAsync(place.Id, ct);
        project.BudgetLines.Add(new BudgetLine { Category = category, Year = year, Description = description!, AmountPence = pence });
        project.UpdatedAt = time.UtcNow();
        if (!await db.TrySaveUniqueAsync(ct))
        {
            ModelState.AddModelError("", "Project 2 was started in another window at the same moment. Add the line again.");
            return Page();
        }
        TempData["Flash"] = $"Added {description} ({Money.Text(pence)}) to {BudgetLine.YearName(year)}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        var place = await progress.NpqhPlaceAsync(User.UserId(), ct);
        var line = place is null ? null : await db.BudgetLines.FirstOrDefaultAsync(l => l.Id == id && db.Project2s.Any(p => p.Id == l.Project2Id && p.ParticipantId == place.Id), ct);
        if (line is null)
        {
            return NotFound();
        }
        db.BudgetLines.Remove(line);
        await db.SaveChangesAsync(ct);
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
        var thisYear = ProjectViews.AcademicYearStart(LondonTime.Today(time));
        YearOptions = Enumerable.Range(thisYear - 1, 6).Union(lines.Select(l => l.Year)).Order().ToList();
        return place;
    }
}
