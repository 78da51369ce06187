using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Invoicing;

namespace Roundtable.Web.Pages.Partner.Invoices;

// The signed-in partner's own invoices only (the folder's Partner policy and LoadForPartnerAsync).
public class InvoiceModel(InvoiceQueries queries, PartnerInvoices invoices) : PageModel
{
    public Invoice Invoice { get; private set; } = null!;
    [BindProperty] public string? Reason { get; set; }

    // Another partner's invoice is "not found", never shown.
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var invoice = await queries.LoadForPartnerAsync(id, User.UserId(), ct);
        if (invoice is null)
        {
            return NotFound();
        }
        Invoice = invoice;
        return Page();
    }

    // A self-billed invoice only; the reason goes to the programme team.
    public async Task<IActionResult> OnPostDisputeAsync(int id, CancellationToken ct)
    {
        var disputed = await invoices.DisputeAsync(id, User.UserId(), Reason, ct);
        if (disputed.Failure?.Kind == FailureKind.NotFound)
        {
            return NotFound();
        }
        if (disputed.Failure?.Kind == FailureKind.Invalid)
        {
            ModelState.AddFailure(disputed.Failure, prefix: "");
            return await OnGetAsync(id, ct);
        }
        TempData["Flash"] = disputed.Succeeded
            ? $"Invoice {disputed.Value.Number} is disputed. The programme team has been told and will withdraw and re-issue it."
            : disputed.Failure!.Message;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct)
    {
        var withdrawn = await invoices.WithdrawAsync(id, User.UserId(), ct);
        if (withdrawn.Failure?.Kind == FailureKind.NotFound)
        {
            return NotFound();
        }
        TempData["Flash"] = withdrawn.Succeeded
            ? $"Invoice {withdrawn.Value.Number} is withdrawn. Its tutorials are ready to invoice again."
            : withdrawn.Failure!.Message;
        return RedirectToPage(new { id });
    }
}
