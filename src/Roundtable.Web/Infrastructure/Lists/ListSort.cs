using System.Linq.Expressions;

namespace Roundtable.Web.Infrastructure.Lists;

// The columns a list can be sorted by, each an expression the database orders by, then a
// tie-breaker (the id) so that paging is stable. An unknown key falls back to the first column.
public sealed class ListSort<T>
{
    private readonly List<(string Key, Func<IQueryable<T>, bool, IOrderedQueryable<T>> Apply, bool DefaultDescending)> _columns = [];
    private Func<IOrderedQueryable<T>, IOrderedQueryable<T>> _then = q => q;

    public ListSort<T> By<TKey>(string key, Expression<Func<T, TKey>> by, bool defaultDescending = false)
    {
        _columns.Add((key, (q, desc) => desc ? q.OrderByDescending(by) : q.OrderBy(by), defaultDescending));
        return this;
    }

    public ListSort<T> ThenBy<TKey>(Expression<Func<T, TKey>> by)
    {
        var previous = _then;
        _then = q => previous(q).ThenBy(by);
        return this;
    }

    public bool Has(string? key) => _columns.Any(c => c.Key == key);

    public string DefaultKey => _columns[0].Key;

    // Orders the query by the page's sort and dir (the first column in its own default direction).
    public IQueryable<T> Apply(IQueryable<T> query, ListPageModel list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var column = _columns.FirstOrDefault(c => c.Key == list.Sort);
        bool descending;
        if (column.Key is null)
        {
            column = _columns[0];
            list.Sort = null;
            descending = column.DefaultDescending;
        }
        else
        {
            descending = string.IsNullOrEmpty(list.Dir) ? column.DefaultDescending : list.Descending;
        }
        list.SortedBy = column.Key;
        list.SortedDescending = descending;
        return _then(column.Apply(query, descending));
    }
}
