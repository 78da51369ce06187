using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Pages.Shared;

namespace Roundtable.Web.Pages.Programme;

// The programme team's view of the whole audit trail (the /Programme folder is theirs only).
public class AuditModel(AppDbContext db, AuditTrail trail) : PageModel
{
    public const int PageSize = 50;
    private const int MaxPeopleMatched = 500;

    public sealed class FilterInput
    {
        public string? Person { get; set; }
        public string? Kind { get; set; }
        public string? Record { get; set; }
        public DateParts From { get; set; } = new();
        public DateParts To { get; set; } = new();
    }

    [BindProperty(SupportsGet = true)] public FilterInput F { get; set; } = new();
    [FromQuery(Name = "p")] public int PageNumber { get; set; } = 1;
    public List<AuditRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IEnumerable<string> Kinds => AuditedKinds.RecordTypes;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var filter = await FilterAsync(ct);
        if (filter is not null)
        {
            PageNumber = Math.Max(PageNumber, 1);
            (Rows, Total) = await trail.PageAsync(filter, PageNumber, PageSize, ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var filter = await FilterAsync(ct);
        if (filter is null)
        {
            return Page();
        }
        Response.Headers.CacheControl = "no-store";
        return File(await trail.CsvAsync(filter, ct), "text/csv; charset=utf-8", "audit-trail.csv");
    }

    public string PageLink(int page)
    {
        var query = Request.Query.Where(q => q.Key is not ("p" or "handler")).ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        query["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString("/Programme/Audit", query);
    }

    public string ExportLink()
    {
        var query = Request.Query.Where(q => q.Key is not ("p" or "handler")).ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        query["handler"] = "Export";
        return QueryHelpers.AddQueryString("/Programme/Audit", query);
    }

    // Null (with the errors in ModelState) when a filter is not understood.
    private async Task<AuditFilter?> FilterAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var from = ModelState.OptionalDate(F.From, "F.From", "the first date");
        var to = ModelState.OptionalDate(F.To, "F.To", "the last date");
        if (from is { } f && to is { } t && t < f)
        {
            ModelState.AddModelError("F.To", "The last date must be on or after the first date");
        }
        if (!string.IsNullOrEmpty(F.Kind) && !Kinds.Contains(F.Kind, StringComparer.Ordinal))
        {
            ModelState.AddModelError("F.Kind", "Choose a kind of record from the list");
        }
        int? record = null;
        if (!string.IsNullOrWhiteSpace(F.Record))
        {
            if (int.TryParse(F.Record.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                record = id;
            }
            else
            {
                ModelState.AddModelError("F.Record", "Record number must be a whole number, like 42");
            }
        }
        if (!ModelState.IsValid)
        {
            return null;
        }
        List<string>? people = null;
        if (!string.IsNullOrWhiteSpace(F.Person))
        {
            var text = F.Person.Trim();
            var upper = text.ToUpperInvariant();
            // As on the People page: upper() works alike on SQLite and PostgreSQL for the names we hold.
#pragma warning disable CA1304, CA1311, CA1862
            people = await db.Users.AsNoTracking()
                .Where(u => u.Id == text || u.NormalizedEmail == upper || u.FullName.ToUpper().Contains(upper))
                .Select(u => u.Id).Take(MaxPeopleMatched).ToListAsync(ct);
#pragma warning restore CA1304, CA1311, CA1862
        }
        return new AuditFilter(F.Kind, record, PersonIds: people, From: from, To: to);
    }
}
