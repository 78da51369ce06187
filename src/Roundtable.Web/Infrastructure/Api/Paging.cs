using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Roundtable.Web.Infrastructure.Api;

// Every list the API returns is read a page at a time (issue 12): ?page= counts from 1 and
// ?pageSize= is 1 to 500, 100 when absent; X-Total-Count gives the number of matching rows, so a
// caller knows whether to ask for the next page. Without the parameters an answer under 100 rows
// is what it always was.
public sealed record PageRequest(
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize)
{
    public const int DefaultSize = 100;
    public const int MaxSize = 500;
    public const string TotalCountHeader = "X-Total-Count";

    public int Number => Page ?? 1;

    public int Size => PageSize ?? DefaultSize;

    // How many rows come before this page; long, as page × pageSize can pass int.MaxValue.
    public long Skip => (long)(Number - 1) * Size;

    // Null when the page is one that can be asked for; else a 422 naming the limit.
    public Failure? Check() =>
        Size is < 1 or > MaxSize ? Failure.Refused($"pageSize must be between 1 and {MaxSize}.", nameof(PageSize))
        : Number < 1 ? Failure.Refused("page must be 1 or more.", nameof(Page))
        : null;
}

public static class Paging
{
    // One page of an ordered query, counting every matching row for X-Total-Count. The query must
    // be ordered to the last tie, so that pages neither repeat nor skip a row.
    public static async Task<List<T>> ToPageAsync<T>(this IQueryable<T> query, PageRequest page, HttpResponse response, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        SetTotal(response, total);
        return page.Skip >= total ? [] : await query.Skip((int)page.Skip).Take(page.Size).ToListAsync(ct);
    }

    // One page of rows a service has already worked out in memory (ranked partners, invoiceable
    // tutorials with their fees), for the same answer shape and header.
    public static List<T> ToPage<T>(this IReadOnlyCollection<T> rows, PageRequest page, HttpResponse response)
    {
        SetTotal(response, rows.Count);
        return page.Skip >= rows.Count ? [] : rows.Skip((int)page.Skip).Take(page.Size).ToList();
    }

    // A list endpoint: its 422 for a page out of range is in the OpenAPI document.
    public static RouteHandlerBuilder Paged(this RouteHandlerBuilder endpoint) => endpoint.Fails(FailureKind.Refused);

    private static void SetTotal(HttpResponse response, int total) =>
        response.Headers[PageRequest.TotalCountHeader] = total.ToString(CultureInfo.InvariantCulture);
}
