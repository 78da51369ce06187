using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Lists;
using Roundtable.Web.Invoicing;
using Roundtable.Web.Pages.Shared;

namespace Roundtable.Web.Pages.Programme.Invoices;

// Programme team only (the /Programme folder's convention). The list of invoices (searched, filtered,
// sorted, paged; ?format=csv gives one line per invoice) and the finance export (one line per
// tutorial invoiced, ?handler=Export) which predates the lists.
public class IndexModel(AppDbContext db, InvoiceExport export, ListExport listExport) : ListPageModel
{
    public sealed record Row(int Id, string Number, string Partner, DateOnly IssuedOn, int Lines, long TotalPence, InvoiceStatus Status, bool SelfBilled);

    public sealed class ExportInput
    {
        public DateParts From { get; set; } = new();
        public DateParts To { get; set; } = new();
        public string? Status { get; set; }
    }

    [FromQuery(Name = "status")] public string? StatusFilter { get; set; }
    [FromQuery(Name = "from")] public string? From { get; set; }
    [FromQuery(Name = "to")] public string? To { get; set; }
    public InvoiceStatus? Status => ListOptions.Parse<InvoiceStatus>(StatusFilter);
    [BindProperty(SupportsGet = true)] public ExportInput Export { get; set; } = new();
    public List<Row> Rows { get; private set; } = [];
    public Dictionary<InvoiceStatus, int> Counts { get; private set; } = [];

    public override string SearchLabel => "Invoice number or partner";
    public override (string One, string Many) Noun => ("invoice", "invoices");
    public override IReadOnlyList<ListFilter> Filters =>
    [
        new("status", "Status", Status?.ToString(), ListOptions.Of<InvoiceStatus>(), "Any status"),
        new("from", "Dated from", From, Type: "date"),
        new("to", "Dated up to", To, Type: "date"),
    ];

    private static readonly ListSort<Invoice> Sorts = new ListSort<Invoice>()
        .By("number", i => i.Sequence, defaultDescending: true).By("date", i => i.IssuedOn, defaultDescending: true)
        .By("partner", i => i.PartnerName).By("total", i => i.TotalPence, defaultDescending: true)
        .ThenBy(i => i.Sequence);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (WantsCsv)
        {
            var all = await Sorts.Apply(Query(), this).Select(Projection).ToListAsync(ct);
            return await listExport.FileAsync(this, "invoices", "invoice-list.csv", ["Invoice", "Partner", "Date", "Tutorials", "Total", "Status"],
                all.Select(r => (IReadOnlyList<string?>)[r.Number, r.Partner, ListExport.Date(r.IssuedOn), r.Lines.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Money.Plain(r.TotalPence), r.Status.ToString()]).ToList(), ct);
        }
        await LoadAsync(ct);
        return Page();
    }

    private static readonly System.Linq.Expressions.Expression<Func<Invoice, Row>> Projection =
        i => new Row(i.Id, i.Number, i.PartnerName, i.IssuedOn, i.Lines.Count, i.TotalPence, i.Status, i.SelfBillingAgreementId != null);

    private IQueryable<Invoice> Query()
    {
        var query = db.Invoices.AsNoTracking();
        if (Search is { } q)
        {
#pragma warning disable CA1304, CA1311, CA1862
            query = query.Where(i => i.Number.ToUpper().Contains(q) || i.PartnerName.ToUpper().Contains(q));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (Status is { } s)
        {
            query = query.Where(i => i.Status == s);
        }
        if (ListOptions.Date(From) is { } from) { query = query.Where(i => i.IssuedOn >= from); } else { From = null; }
        if (ListOptions.Date(To) is { } to) { query = query.Where(i => i.IssuedOn <= to); } else { To = null; }
        return query;
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
        await listExport.AuditAsync(this, "invoices for finance",
            $"from={(from is { } a ? UkFormat.Iso(a) : "")}, to={(to is { } b ? UkFormat.Iso(b) : "")}, status={status}", null, ct);
        Response.Headers.CacheControl = "no-store";
        return File(csv, CsvFile.ContentType, "invoices.csv");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var query = Sorts.Apply(Query(), this);
        SetTotal(await query.CountAsync(ct));
        Rows = await query.Skip(Skip).Take(PageSize).Select(Projection).ToListAsync(ct);
        Counts = await db.Invoices.GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }
}
