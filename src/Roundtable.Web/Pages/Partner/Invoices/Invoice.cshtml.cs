using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Invoicing;

namespace Roundtable.Web.Pages.Partner.Invoices;

// The signed-in partner's own invoices only (the folder's Partner policy and LoadForPartnerAsync).
public class InvoiceModel(InvoiceQueries queries, PartnerInvoices invoices) : PageModel
{
    public Invoice Invoice { get; private set; } = null!;

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
