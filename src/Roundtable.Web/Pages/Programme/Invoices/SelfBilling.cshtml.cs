using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Invoicing;

namespace Roundtable.Web.Pages.Programme.Invoices;

// The programme team's view of self-billing (the folder's ProgrammeTeam policy): every partner's
// agreements, ending one, and raising self-billed invoices for partners with one in force.
public class SelfBillingModel(AppDbContext db, SelfBillingAgreements agreements, PartnerInvoices invoices, InvoiceQueries queries, TimeProvider time) : PageModel
{
    public sealed record AgreementRow(int Id, int PartnerId, string Partner, DateOnly StartsOn, DateOnly EndsOn, string AcceptedName, DateTime AcceptedAt,
        string Status, bool InForce, string? EndReason, int Invoiceable, long InvoiceablePence);

    [BindProperty] public string? Reason { get; set; }
    public List<AgreementRow> Rows { get; private set; } = [];
    public AgreementRow? Ending { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? end, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (end is { } id)
        {
            Ending = Rows.FirstOrDefault(r => r.Id == id && r.EndReason is null && r.Status != "Expired");
            if (Ending is null)
            {
                return NotFound();
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRaiseAsync(int partnerId, CancellationToken ct)
    {
        var partnerUserId = await db.PartnerProfiles.AsNoTracking().Where(p => p.Id == partnerId).Select(p => p.UserId).FirstOrDefaultAsync(ct);
        if (partnerUserId is null)
        {
            return NotFound();
        }
        var ids = (await queries.InvoiceableAsync(partnerUserId, ct)).Select(i => i.BookingId).ToList();
        if (ids.Count == 0)
        {
            ModelState.AddModelError("", "This partner has no tutorials ready to invoice");
            await LoadAsync(ct);
            return Page();
        }
        var raised = await invoices.RaiseSelfBilledAsync(partnerUserId, ids, User.UserId(), ct);
        if (!raised.Succeeded)
        {
            ModelState.AddFailure(raised.Failure, prefix: "");
            await LoadAsync(ct);
            return Page();
        }
        TempData["Flash"] = $"Self-billed invoice {raised.Value.Number} for {Money.Text(raised.Value.TotalPence)} raised. The partner can see it on their invoices page.";
        return RedirectToPage("Invoice", new { id = raised.Value.Id });
    }

    public async Task<IActionResult> OnPostEndAsync(int id, CancellationToken ct)
    {
        var ended = await agreements.EndAsync(id, User.UserId(), Reason, ct);
        if (ended.Failure?.Kind == FailureKind.NotFound)
        {
            return NotFound();
        }
        if (!ended.Succeeded)
        {
            ModelState.AddFailure(ended.Failure, prefix: "");
            await LoadAsync(ct);
            Ending = Rows.FirstOrDefault(r => r.Id == id);
            return Page();
        }
        TempData["Flash"] = "Self-billing agreement ended. The partner now sends their own invoices.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = LondonTime.Today(time);
        var all = await db.SelfBillingAgreements.AsNoTracking()
            .OrderByDescending(a => a.EndedAt == null && a.StartsOn <= today && a.EndsOn >= today).ThenBy(a => a.Partner.User.FullName).ThenByDescending(a => a.StartsOn)
            .Select(a => new { Agreement = a, Name = a.Partner.User.FullName, a.Partner.UserId })
            .ToListAsync(ct);
        Rows = [];
        foreach (var a in all)
        {
            var inForce = a.Agreement.InForceOn(today);
            var ready = inForce ? await queries.InvoiceableAsync(a.UserId, ct) : [];
            Rows.Add(new AgreementRow(a.Agreement.Id, a.Agreement.PartnerId, a.Name, a.Agreement.StartsOn, a.Agreement.EndsOn, a.Agreement.AcceptedName, a.Agreement.AcceptedAt,
                a.Agreement.StatusOn(today), inForce, a.Agreement.EndReason, ready.Count, ready.Sum(r => r.FeePence)));
        }
    }
}
