using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Insight;

namespace Roundtable.Web.Pages.Programme;

// Programme team only (the /Programme folder's convention): the budget for one cohort's tutorial
// spend, shown on the dashboard against what has been paid. Audited (AuditedKinds.Budget).
public class BudgetModel(AppDbContext db, TimeProvider time, DashboardSnapshots snapshots) : PageModel
{
    public const long MaxPence = 100_000_000_00L;

    [FromQuery(Name = "cohort")] public int CohortId { get; set; }
    [BindProperty] public string? Amount { get; set; }
    public string CohortName { get; private set; } = "";
    public long? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Amount = Current is long pence ? Money.Plain(pence) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        long pence = 0;
        if (string.IsNullOrWhiteSpace(Amount))
        {
            ModelState.AddModelError(nameof(Amount), "Enter the budget in pounds");
        }
        else if (!Money.TryParse(Amount, out pence, allowNegative: true) || pence > MaxPence)
        {
            ModelState.AddModelError(nameof(Amount), "Enter the budget in pounds, like 25000 or 25,000.00");
        }
        else if (pence < 0)
        {
            ModelState.AddModelError(nameof(Amount), "The budget must be £0 or more");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var budget = await db.CohortBudgets.FirstOrDefaultAsync(b => b.CohortId == CohortId, ct);
        if (budget is null)
        {
            budget = new CohortBudget { CohortId = CohortId };
            db.CohortBudgets.Add(budget);
        }
        budget.AmountPence = pence;
        budget.SetAt = time.UtcNow();
        budget.SetById = User.UserId();
        // Two people adding the first budget at once: the unique index refuses the second.
        if (!await db.TrySaveUniqueAsync(ct))
        {
            ModelState.AddModelError(nameof(Amount), "Someone else set this cohort's budget at the same time. Check it and try again");
            return Page();
        }
        // The dashboard it leads to shows the new budget, not its snapshot from before.
        snapshots.Forget();
        TempData["Flash"] = $"Budget for {CohortName} set to {Money.Text(pence)}.";
        return Redirect($"/Programme/Dashboard?cohort={CohortId}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == CohortId).Select(c => new { c.Name }).FirstOrDefaultAsync(ct);
        if (cohort is null)
        {
            return false;
        }
        CohortName = cohort.Name;
        Current = await db.CohortBudgets.AsNoTracking().Where(b => b.CohortId == CohortId).Select(b => (long?)b.AmountPence).FirstOrDefaultAsync(ct);
        return true;
    }
}
