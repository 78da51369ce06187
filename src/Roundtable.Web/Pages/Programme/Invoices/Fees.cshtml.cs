using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Invoicing;
using Roundtable.Web.Pages.Shared;

namespace Roundtable.Web.Pages.Programme.Invoices;

public class FeesModel(AppDbContext db, TimeProvider time) : PageModel
{
    public sealed record RateRow(string Who, DateOnly From, long AmountPence);
    public sealed record PartnerRow(int Id, string Name, bool HasDetails, bool VatRegistered, string? VatNumber);

    public sealed class RateInput
    {
        // Empty for the default rate, else a partner profile id.
        public string? Partner { get; set; }
        public string? Amount { get; set; }
        public DateParts From { get; set; } = new();
    }

    [BindProperty] public RateInput Rate { get; set; } = new();
    [BindProperty] public bool NoShowPayable { get; set; }
    public List<RateRow> Rates { get; private set; } = [];
    public List<PartnerRow> Partners { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        NoShowPayable = await db.InvoicingSettings.Select(s => s.NoShowPayable).FirstOrDefaultAsync(ct);
    }

    public async Task<IActionResult> OnPostRateAsync(CancellationToken ct)
    {
        ModelState.Remove(nameof(NoShowPayable));
        int? partnerId = null;
        if (!string.IsNullOrEmpty(Rate.Partner))
        {
            if (!int.TryParse(Rate.Partner, System.Globalization.CultureInfo.InvariantCulture, out var p) || !await db.PartnerProfiles.AnyAsync(x => x.Id == p, ct))
            {
                ModelState.AddModelError("Rate.Partner", "Choose the default or a partner from the list");
            }
            else
            {
                partnerId = p;
            }
        }
        long pence = 0;
        if (string.IsNullOrWhiteSpace(Rate.Amount))
        {
            ModelState.AddModelError("Rate.Amount", "Enter the fee per tutorial");
        }
        else if (!Money.TryParse(Rate.Amount, out pence) || pence <= 0 || pence > FeeRate.MaxPence)
        {
            ModelState.AddModelError("Rate.Amount", "Enter the fee in pounds, like 150 or 150.00");
        }
        var from = ModelState.RequiredDate(Rate.From, "Rate.From", "the date the fee applies from");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        // A second rate for the same date replaces the first.
        var rate = await db.FeeRates.FirstOrDefaultAsync(r => r.PartnerId == partnerId && r.From == from, ct);
        if (rate is null)
        {
            rate = new FeeRate { PartnerId = partnerId, From = from!.Value };
            db.FeeRates.Add(rate);
        }
        rate.AmountPence = pence;
        rate.SetAt = time.UtcNow();
        rate.SetById = User.UserId();
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = $"Fee of {Money.Text(pence)} from {UkFormat.Date(from!.Value)} saved.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostNoShowAsync(CancellationToken ct)
    {
        var settings = await db.InvoicingSettings.FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new InvoicingSettings();
            db.InvoicingSettings.Add(settings);
        }
        settings.NoShowPayable = NoShowPayable;
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = NoShowPayable ? "No-shows are now payable." : "No-shows are now not payable.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rates = await db.FeeRates.AsNoTracking().OrderBy(r => r.PartnerId != null).ThenBy(r => r.Partner!.User.FullName).ThenBy(r => r.From)
            .Select(r => new RateRow(r.PartnerId == null ? "Default" : r.Partner!.User.FullName, r.From, r.AmountPence)).ToListAsync(ct);
        Partners = await db.PartnerProfiles.AsNoTracking().OrderBy(p => p.User.FullName)
            .Select(p => new
            {
                p.Id, p.User.FullName,
                Billing = db.PartnerBillings.Where(b => b.PartnerId == p.Id).Select(b => new { b.VatRegistered, b.VatNumber }).FirstOrDefault(),
            })
            .Select(p => new PartnerRow(p.Id, p.FullName, p.Billing != null, p.Billing != null && p.Billing.VatRegistered, p.Billing == null ? null : p.Billing.VatNumber))
            .ToListAsync(ct);
    }
}
