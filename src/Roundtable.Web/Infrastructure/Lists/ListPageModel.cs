using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Roundtable.Web.Infrastructure.Lists;

// The base of every list page: the query string shared by all lists (README "Lists and exports").
//   q       free-text search (case-insensitive, in the database)
//   sort    a column key the page offers; dir = asc | desc
//   p       page number (50 rows a page, clamped to the pages there are)
//   format  "csv": the same list, same filters and sort, ALL matching rows, as a CSV download
// Each page adds its own filters (cohort, status...) as further query-string keys.
public abstract class ListPageModel : PageModel
{
    public const int PageSize = 50;

    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    [FromQuery(Name = "dir")] public string? Dir { get; set; }
    [FromQuery(Name = "p")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "format")] public string? Format { get; set; }

    public int Total { get; protected set; }

    // The column and direction the rows are actually in (set by ListSort, the default when none asked).
    public string? SortedBy { get; internal set; }
    public bool SortedDescending { get; internal set; }

    // The page's filter form: its fields (the search box comes first, labelled SearchLabel).
    public abstract string SearchLabel { get; }
    public virtual IReadOnlyList<ListFilter> Filters => [];

    // "124 delegates match": the noun for one row and for several.
    public abstract (string One, string Many) Noun { get; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool WantsCsv => string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase);
    public bool Descending => string.Equals(Dir, "desc", StringComparison.OrdinalIgnoreCase);

    // The search term upper-cased for ToUpper().Contains(...) in SQL, or null for no search.
    public string? Search => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim().ToUpperInvariant();

    // The page's own filters as they appear in the query string (for links and the CSV audit entry).
    protected virtual IEnumerable<(string Key, string? Value)> FilterValues() => Filters.Select(f => (f.Key, f.Value));

    public IReadOnlyList<(string Key, string? Value)> QueryValues() =>
        [("q", Q), .. FilterValues(), ("sort", Sort), ("dir", Sort is null ? null : Dir)];

    // The current address with some keys changed (null removes a key); page 1 unless given.
    public string Link(params (string Key, string? Value)[] changes)
    {
        var values = QueryValues().Where(v => changes.All(c => c.Key != v.Key)).Concat(changes)
            .Where(v => !string.IsNullOrEmpty(v.Value))
            .Select(v => Uri.EscapeDataString(v.Key) + "=" + Uri.EscapeDataString(v.Value!));
        var query = string.Join("&", values);
        var path = Request.Path.Value ?? "/";
        return query.Length == 0 ? path : path + "?" + query;
    }

    public string PageLink(int page) => Link(("p", page == 1 ? null : page.ToString(CultureInfo.InvariantCulture)));

    public string CsvLink() => Link(("format", "csv"));

    // Clamps the page number once the total is known.
    protected void SetTotal(int total)
    {
        Total = total;
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
    }

    public int Skip => (PageNumber - 1) * PageSize;

    public string FilterText() =>
        string.Join(", ", QueryValues().Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={v.Value}")) is { Length: > 0 } text ? text : "none";
}
