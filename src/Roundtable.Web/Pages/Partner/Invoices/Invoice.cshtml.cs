using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Invoicing;

namespace Roundtable.Web.Pages.Partner.Invoices;

public class InvoiceModel(InvoiceQueries queries) : PageModel
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
}
