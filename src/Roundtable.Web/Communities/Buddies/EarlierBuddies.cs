namespace Roundtable.Web.Communities;

// Who has been buddies with whom before, by index: the cost of a pair or trio is its repeats.
internal sealed class EarlierBuddies(int n)
{
    private readonly HashSet<long> _pairs = [];
    private readonly List<int>?[] _neighbours = new List<int>?[n];

    public void Add(int a, int b)
    {
        if (_pairs.Add(Key(a, b)))
        {
            (_neighbours[a] ??= []).Add(b);
            (_neighbours[b] ??= []).Add(a);
        }
    }

    public bool Were(int a, int b) => _pairs.Contains(Key(a, b));

    public int Degree(int a) => _neighbours[a]?.Count ?? 0;

    public IReadOnlyList<int> Neighbours(int a) => _neighbours[a] ?? (IReadOnlyList<int>)[];

    public int Count(int person, int[] unit) => unit.Count(other => Were(person, other));

    public int Cost(int[] unit)
    {
        var cost = 0;
        for (var i = 0; i < unit.Length; i++)
        {
            for (var j = i + 1; j < unit.Length; j++)
            {
                if (Were(unit[i], unit[j]))
                {
                    cost++;
                }
            }
        }

        return cost;
    }

    private static long Key(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
}
