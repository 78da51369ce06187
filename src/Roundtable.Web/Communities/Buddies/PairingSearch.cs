namespace Roundtable.Web.Communities;

// Depth-first branch and bound over all pairings (with exactly one trio for odd n), cheapest
// options first, within a node budget so a hopeless case still returns promptly.
internal sealed class PairingSearch
{
    private const int SearchBudget = 100_000;

    private readonly int _n;
    private readonly EarlierBuddies _earlier;
    private readonly int[] _order;
    private readonly bool[] _used;
    private readonly List<int[]> _current = [];
    private int _bestCost;
    private int _nodes;

    public PairingSearch(int n, EarlierBuddies earlier, List<int[]> best, int bestCost, SeededRandom rng)
    {
        _n = n;
        _earlier = earlier;
        _order = Enumerable.Range(0, n).ToArray();
        rng.Shuffle(_order);
        _used = new bool[n];
        Best = best;
        _bestCost = bestCost;
    }

    public List<int[]> Best { get; private set; }

    // Everyone left with no new buddy among those still unplaced forces a repeat, and one
    // repeated pair can account for at most two of them.
    private int MinimumFurtherRepeats()
    {
        var stuck = 0;
        for (var a = 0; a < _n; a++)
        {
            if (_used[a])
            {
                continue;
            }

            var hasFresh = false;
            for (var b = 0; b < _n && !hasFresh; b++)
            {
                hasFresh = b != a && !_used[b] && !_earlier.Were(a, b);
            }

            if (!hasFresh)
            {
                stuck++;
            }
        }

        return (stuck + 1) / 2;
    }

    public void Run() => Step(_n, 0, trioNeeded: _n % 2 == 1);

    private void Step(int remaining, int cost, bool trioNeeded)
    {
        if (cost + MinimumFurtherRepeats() >= _bestCost || _nodes++ > SearchBudget)
        {
            return;
        }

        if (remaining == 0)
        {
            Best = [.. _current.Select(u => (int[])u.Clone())];
            _bestCost = cost;
            return;
        }

        var u = _order.First(i => !_used[i]);
        _used[u] = true;
        var options = new List<(int[] Unit, int Cost)>();
        var others = _order.Where(i => !_used[i]).ToArray();
        var mustTrio = trioNeeded && remaining == 3;
        if (!mustTrio)
        {
            options.AddRange(others.Select(v => (new[] { u, v }, _earlier.Were(u, v) ? 1 : 0)));
        }

        if (trioNeeded)
        {
            for (var i = 0; i < others.Length; i++)
            {
                for (var j = i + 1; j < others.Length; j++)
                {
                    int[] trio = [u, others[i], others[j]];
                    options.Add((trio, _earlier.Cost(trio)));
                }
            }
        }

        foreach (var (unit, unitCost) in options.OrderBy(o => o.Cost))
        {
            foreach (var member in unit)
            {
                _used[member] = true;
            }

            _current.Add(unit);
            Step(remaining - unit.Length, cost + unitCost, trioNeeded && unit.Length == 2);
            _current.RemoveAt(_current.Count - 1);
            foreach (var member in unit.Skip(1))
            {
                _used[member] = false;
            }

            if (_bestCost == 0)
            {
                break;
            }
        }

        _used[u] = false;
    }
}
