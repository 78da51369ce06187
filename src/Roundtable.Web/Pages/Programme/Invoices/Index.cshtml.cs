using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Invoicing;
using Roundtable.Web.Pages.Shared;

namespace Roundtable.Web.Pages.Programme.Invoices;

public class IndexModel(AppDbContext db, InvoiceExport export) : PageModel
{
    public sealed record Row(int Id, string Number, string Partner, DateOnly IssuedOn, int Lines, long TotalPence, InvoiceStatus Status, bool SelfBilled);

    public sealed class ExportInput
    {
        public DateParts From { get; set; } = new();
        public DateParts To { get; set; } = new();
        public string? Status { get; set; }
    }

    [FromQuery] public InvoiceStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public ExportInput Export { get; set; } = new();
    public List<Row> Rows { get; private set; } = [];
    public Dictionary<InvoiceStatus, int> Counts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var from = ModelState.OptionalDate(Export.From, "Export.From", "the first invoice date");
        var to = ModelState.OptionalDate(Export.To, "Export.To", "the last invoice date");
        if (from is { } f && to is { } t && t < f)
        {
            ModelState.AddModelError("Export.To", "The last invoice date must be on or after the first");
        }
        if (!Invoice.TryParseStatus(Export.Status, out var status))
        {
            ModelState.AddModelError("Export.Status", "Choose a status from the list");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var csv = await export.CsvAsync(new ExportFilter(from, to, status), ct);
        return File(csv, "text/csv; charset=utf-8", "invoices.csv");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var query = db.Invoices.AsNoTracking();
        if (Status is { } s)
        {
            query = query.Where(i => i.Status == s);
        }
        Rows = await query.OrderByDescending(i => i.Sequence)
            .Select(i => new Row(i.Id, i.Number, i.PartnerName, i.IssuedOn, i.Lines.Count, i.TotalPence, i.Status, i.SelfBillingAgreementId != null))
            .ToListAsync(ct);
        Counts = await db.Invoices.GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }
}
