using Microsoft.AspNetCore.Mvc;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Infrastructure.Auth;

namespace Roundtable.Web.Infrastructure.Lists;

// A list's CSV: written by CsvFile (BOM, formula escaping, one line per record), never cached, and
// audited — lists hold personal data, so the trail records who exported which list with which filters.
public sealed class ListExport(AppDbContext db, TimeProvider time)
{
    public const string AuditSubject = "List export";

    public async Task<IActionResult> FileAsync(ListPageModel page, string listName, string fileName,
        IReadOnlyList<string> header, IReadOnlyCollection<IReadOnlyList<string?>> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(rows);
        await AuditAsync(page, listName, page.FilterText(), rows.Count, ct);
        page.Response.Headers.CacheControl = "no-store";
        return new FileContentResult(CsvFile.Write(header, rows), CsvFile.ContentType) { FileDownloadName = fileName };
    }

    public async Task AuditAsync(Microsoft.AspNetCore.Mvc.RazorPages.PageModel page, string listName, string filters, int? rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(page);
        db.AuditEntries.Add(AuditEntry.Of(AuditSubject, 0, "Exported list", page.User.UserId(), time.UtcNow(),
            $"Exported list {listName} with filters {filters}" + (rows is { } n ? $" ({n} rows)" : "")));
        await db.SaveChangesAsync(ct);
    }

    // Dates and times in files: UK dates, UK (Europe/London) times.
    public static string Date(DateOnly? date) => date is { } d ? CsvFile.Date(d) : "";

    public static string DateTime(DateTime? utc) => utc is { } u
        ? CsvFile.Date(LondonTime.DateOf(u)) + " " + LondonTime.ToLocal(u).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)
        : "";
}
