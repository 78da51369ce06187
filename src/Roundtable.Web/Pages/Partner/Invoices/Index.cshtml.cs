using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Invoicing;

namespace Roundtable.Web.Pages.Partner.Invoices;

public class IndexModel(AppDbContext db, PartnerInvoices invoices, InvoiceQueries queries, TimeProvider time) : PageModel
{
    public sealed record InvoiceRow(int Id, string Number, DateOnly IssuedOn, int Lines, long TotalPence, InvoiceStatus Status, string? RejectReason, bool SelfBilled);

    [BindProperty] public List<int> BookingIds { get; set; } = [];
    public List<Invoiceable> Invoiceable { get; private set; } = [];
    public List<DateOnly> WaitingForAFee { get; private set; } = [];
    public List<InvoiceRow> Sent { get; private set; } = [];
    // Check your answers: the lines and totals of the invoice about to be sent.
    public List<Invoiceable>? Checking { get; private set; }
    public InvoiceTotals? CheckTotals { get; private set; }
    // While a self-billing agreement is in force the team invoices for the partner: no form here.
    public SelfBillingAgreement? AgreementInForce { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BookingIds.Count == 0)
        {
            ModelState.AddModelError(nameof(BookingIds), "Select the tutorials to invoice");
            await LoadAsync(ct);
            return Page();
        }
        return await CheckAsync(BookingIds, ct);
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        if (BookingIds.Count == 0)
        {
            ModelState.AddModelError(nameof(BookingIds), "Select the tutorials to invoice");
            await LoadAsync(ct);
            return Page();
        }
        return await SubmitAsync(BookingIds, ct);
    }

    public async Task<IActionResult> OnPostAllAsync(CancellationToken ct)
    {
        var all = await queries.InvoiceableAsync(User.UserId(), ct);
        if (all.Count == 0)
        {
            // The form is not shown when nothing is left to invoice, so the message stands alone.
            ModelState.AddModelError("", "There are no tutorials waiting to be invoiced");
            await LoadAsync(ct);
            return Page();
        }
        return await CheckAsync(all.Select(i => i.BookingId).ToList(), ct);
    }

    // Nothing is sent yet: the partner sees the lines, subtotal, VAT and total first. Ids that are no
    // longer invoiceable are caught when the invoice is sent.
    private async Task<IActionResult> CheckAsync(List<int> ids, CancellationToken ct)
    {
        await LoadAsync(ct);
        Checking = Invoiceable.Where(i => ids.Contains(i.BookingId)).ToList();
        if (Checking.Count != ids.Distinct().Count())
        {
            return await SubmitAsync(ids, ct);
        }
        var me = User.UserId();
        var vatRegistered = await db.PartnerBillings.AnyAsync(b => b.Partner.UserId == me && b.VatRegistered, ct);
        CheckTotals = InvoiceRules.Totals(Checking.Select(i => i.FeePence), vatRegistered);
        BookingIds = Checking.Select(i => i.BookingId).ToList();
        return Page();
    }

    private async Task<IActionResult> SubmitAsync(List<int> ids, CancellationToken ct)
    {
        var submitted = await invoices.SubmitAsync(User.UserId(), ids, ct);
        if (!submitted.Succeeded)
        {
            ModelState.AddFailure(submitted.Failure, prefix: "");
            await LoadAsync(ct);
            return Page();
        }
        var invoice = submitted.Value;
        TempData["Flash"] = $"Invoice {invoice.Number} for {Money.Text(invoice.TotalPence)} sent to the programme team.";
        return RedirectToPage("Invoice", new { id = invoice.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var me = User.UserId();
        var today = LondonTime.Today(time);
        AgreementInForce = await db.SelfBillingAgreements.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Partner.UserId == me && a.EndedAt == null && a.StartsOn <= today && a.EndsOn >= today, ct);
        Invoiceable = await queries.InvoiceableAsync(me, ct);
        WaitingForAFee = await queries.WaitingForAFeeAsync(me, ct);
        Sent = await db.Invoices.AsNoTracking().Where(i => i.Partner.UserId == me).OrderByDescending(i => i.Sequence)
            .Select(i => new InvoiceRow(i.Id, i.Number, i.IssuedOn, i.Lines.Count, i.TotalPence, i.Status, i.RejectReason, i.SelfBillingAgreementId != null))
            .ToListAsync(ct);
    }
}
