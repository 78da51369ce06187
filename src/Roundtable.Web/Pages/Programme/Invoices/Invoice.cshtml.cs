using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Invoicing;
using Roundtable.Web.Pages.Shared;

namespace Roundtable.Web.Pages.Programme.Invoices;

public class InvoiceModel(AuditTrail trail, PartnerInvoices invoices, InvoiceQueries queries) : PageModel
{
    public sealed class PaidInput
    {
        public DateParts PaidOn { get; set; } = new();
        public string? Reference { get; set; }
    }

    [FromRoute] public int Id { get; set; }
    [BindProperty] public PaidInput Paid { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }
    public bool ConfirmReject { get; private set; }
    public Invoice Invoice { get; private set; } = null!;
    public List<AuditRow> Audit { get; private set; } = [];
    public bool DetailsAwaitingConfirmation { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool reject, CancellationToken ct)
    {
        ConfirmReject = reject;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostApproveAsync(CancellationToken ct) =>
        await DoneAsync(await invoices.ApproveAsync(Id, User.UserId(), ct), "approved", "", ct);

    public async Task<IActionResult> OnPostRejectAsync(CancellationToken ct)
    {
        ConfirmReject = true;
        var rejected = await invoices.RejectAsync(Id, User.UserId(), Reason, ct);
        return await DoneAsync(rejected, "rejected; its tutorials can be invoiced again", "", ct);
    }

    public async Task<IActionResult> OnPostWithdrawSelfBilledAsync(CancellationToken ct) =>
        await DoneAsync(await invoices.WithdrawSelfBilledAsync(Id, User.UserId(), ct), "withdrawn; its tutorials can be invoiced again", "", ct);

    public async Task<IActionResult> OnPostPaidAsync(CancellationToken ct)
    {
        var paidOn = ModelState.RequiredDate(Paid.PaidOn, "Paid.PaidOn", "the payment date");
        if (string.IsNullOrWhiteSpace(Paid.Reference))
        {
            ModelState.AddModelError("Paid.Reference", "Enter the payment reference");
        }
        if (!ModelState.IsValid)
        {
            return await LoadAsync(ct) ? Page() : NotFound();
        }
        var paid = await invoices.MarkPaidAsync(Id, User.UserId(), paidOn, Paid.Reference, ct);
        return await DoneAsync(paid, "marked as paid", nameof(Paid), ct);
    }

    // The reject form binds Reason on the page, the paid form binds Paid: errors go beside them.
    private async Task<IActionResult> DoneAsync(Result<Invoice> decided, string what, string prefix, CancellationToken ct)
    {
        if (decided.Failure?.Kind == FailureKind.NotFound)
        {
            return NotFound();
        }
        if (!decided.Succeeded)
        {
            ModelState.AddFailure(decided.Failure, prefix);
            return await LoadAsync(ct) ? Page() : NotFound();
        }
        TempData["Flash"] = $"Invoice {decided.Value.Number} {what}.";
        return RedirectToPage("Invoice", new { id = Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var invoice = await queries.LoadAsync(Id, ct);
        if (invoice is null)
        {
            return false;
        }
        Invoice = invoice;
        Audit = await trail.HistoryAsync(Invoice.AuditSubject, Id, ct);
        DetailsAwaitingConfirmation = await queries.PartnerDetailsAwaitingConfirmationAsync(invoice.PartnerId, ct);
        return true;
    }
}
