using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Dfe;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Auth;

namespace Roundtable.Web.Pages.Programme.Dfe;

// Programme team only (folder convention): how many sessions and tutorials each milestone needs.
// Every change is audited (AuditedKinds: DfE declaration rules).
public class DeclarationRulesModel(AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty] public RulesInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rules = await db.DeclarationRuleSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? new DeclarationRuleSettings();
        Input = new RulesInput { StartedAfter = Text(rules.StartedAfter), Retained1After = Text(rules.Retained1After), Retained2After = Text(rules.Retained2After) };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var checkedRules = DeclarationRuleSettings.Check(Input.StartedAfter, Input.Retained1After, Input.Retained2After);
        if (!checkedRules.Succeeded)
        {
            ModelState.AddFailure(checkedRules.Failure);
            return Page();
        }
        var rules = await db.DeclarationRuleSettings.FirstOrDefaultAsync(ct);
        if (rules is null)
        {
            rules = new DeclarationRuleSettings();
            db.DeclarationRuleSettings.Add(rules);
        }
        (rules.StartedAfter, rules.Retained1After, rules.Retained2After) = checkedRules.Value;
        rules.UpdatedAt = time.UtcNow();
        rules.UpdatedById = User.UserId();
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Declaration rules saved.";
        return RedirectToPage("Declarations");
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
