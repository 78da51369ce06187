using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;

namespace Roundtable.Web.Invoicing;

public sealed record ExportFilter(DateOnly? From, DateOnly? To, InvoiceStatus? Status);

// Invoices and their lines for the finance system: one row per line, amounts in pounds with two
// decimals, dates as dd/MM/yyyy. Invoice totals repeat on each of its lines (CsvFile: BOM, escaping).
public sealed class InvoiceExport(AppDbContext db)
{
    private static readonly string[] Header =
    [
        "Invoice number", "Invoice date", "Status", "Partner", "Partner email", "VAT number", "Booking id", "Tutorial date", "Project",
        "Delegate initials", "Fee", "Invoice subtotal", "Invoice VAT", "Invoice total", "Paid on", "Payment reference",
    ];

    public async Task<byte[]> CsvAsync(ExportFilter filter, CancellationToken ct = default)
    {
        var query = db.Invoices.AsNoTracking();
        if (filter.From is { } from)
        {
            query = query.Where(i => i.IssuedOn >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(i => i.IssuedOn <= to);
        }
        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }
        var invoices = await query.Include(i => i.Lines).OrderBy(i => i.Sequence).ToListAsync(ct);

        var rows = invoices.SelectMany(invoice => invoice.Lines.OrderBy(l => l.TutorialDate).ThenBy(l => l.BookingId).Select(line => (IReadOnlyList<string?>)
        [
            invoice.Number, UkDate(invoice.IssuedOn), invoice.Status.ToString(), invoice.PartnerName, invoice.PartnerEmail, invoice.VatNumber ?? "",
            line.BookingId.ToString(CultureInfo.InvariantCulture), UkDate(line.TutorialDate), line.Project.ToString(CultureInfo.InvariantCulture),
            line.DelegateInitials, Money.Plain(line.FeePence), Money.Plain(invoice.SubtotalPence), Money.Plain(invoice.VatPence),
            Money.Plain(invoice.TotalPence), invoice.PaidOn is { } paid ? UkDate(paid) : "", invoice.PaymentReference ?? "",
        ]));
        return CsvFile.Write(Header, rows);
    }

    public static string UkDate(DateOnly date) => CsvFile.Date(date);
}
