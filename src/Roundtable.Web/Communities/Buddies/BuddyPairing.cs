namespace Roundtable.Web.Communities;

public sealed record BuddyGroup(IReadOnlyList<string> MemberIds, int RepeatedPairings)
{
    public bool IsTrio => MemberIds.Count == 3;
}

public sealed record BuddyPairingResult(
    IReadOnlyList<BuddyGroup> Groups,
    int RepeatedPairings,
    IReadOnlyList<string> Unpaired,
    string? Problem);

public static class BuddyPairing
{
    // Below this size an exhaustive (budgeted) search proves the fewest repeats; above it the
    // seeded greedy and local search practically always reach zero when zero is possible.
    public const int ExhaustiveSearchLimit = 24;
    private const int RestartCount = 8;

    // earlierPairings: each set is a pair or trio who were buddies before; every two people in
    // a set count as earlier buddies.
    public static BuddyPairingResult Pair(
        IReadOnlyList<string> delegateIds,
        IEnumerable<IEnumerable<string>> earlierPairings,
        int seed)
    {
        ArgumentNullException.ThrowIfNull(delegateIds);
        ArgumentNullException.ThrowIfNull(earlierPairings);

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in delegateIds)
        {
            ArgumentNullException.ThrowIfNull(id, nameof(delegateIds));
            if (!index.TryAdd(id, index.Count))
            {
                throw new ArgumentException($"Delegate '{id}' appears more than once.", nameof(delegateIds));
            }
        }

        var n = delegateIds.Count;
        if (n == 0)
        {
            return new BuddyPairingResult([], 0, [], null);
        }

        if (n == 1)
        {
            return new BuddyPairingResult([], 0, [delegateIds[0]], "Only one delegate: there is no one to pair them with.");
        }

        var earlier = new EarlierBuddies(n);
        foreach (var set in earlierPairings)
        {
            var members = set.Where(index.ContainsKey).Select(id => index[id]).Distinct().ToArray();
            for (var i = 0; i < members.Length; i++)
            {
                for (var j = i + 1; j < members.Length; j++)
                {
                    earlier.Add(members[i], members[j]);
                }
            }
        }

        var best = Solve(n, earlier, seed);
        var groups = best
            .Select(unit => unit.Order().ToArray())
            .OrderBy(unit => unit[0])
            .Select(unit => new BuddyGroup(unit.Select(i => delegateIds[i]).ToArray(), earlier.Cost(unit)))
            .ToArray();
        return new BuddyPairingResult(groups, groups.Sum(g => g.RepeatedPairings), [], null);
    }

    private static List<int[]> Solve(int n, EarlierBuddies earlier, int seed)
    {
        var rng = new SeededRandom(seed);
        List<int[]>? best = null;
        var bestCost = int.MaxValue;
        for (var attempt = 0; attempt < RestartCount && bestCost > 0; attempt++)
        {
            var units = Greedy(n, earlier, rng);
            Improve(units, earlier);
            var cost = units.Sum(earlier.Cost);
            if (cost < bestCost)
            {
                best = units;
                bestCost = cost;
            }
        }

        if (bestCost > 0 && n <= ExhaustiveSearchLimit)
        {
            var search = new PairingSearch(n, earlier, best!, bestCost, rng);
            search.Run();
            best = search.Best;
        }

        return best!;
    }

    // Most constrained first: the person with the fewest possible new buddies left is matched
    // next, to the candidate who is hardest to place later. Among those still open, "fewest new
    // buddies left" is "most earlier buddies still open", so the open people are kept ordered by
    // that (then by a seeded rank) and only the earlier buddies of the two just paired move: the
    // whole run is O(n log n) for the sparse earlier pairings real cohorts have, not O(n²).
    private static List<int[]> Greedy(int n, EarlierBuddies earlier, SeededRandom rng)
    {
        var rank = Enumerable.Range(0, n).ToArray();
        rng.Shuffle(rank);
        var earlierOpen = Enumerable.Range(0, n).Select(earlier.Degree).ToArray();
        var open = new SortedSet<int>(Comparer<int>.Create((a, b) =>
            earlierOpen[a] != earlierOpen[b] ? earlierOpen[b].CompareTo(earlierOpen[a]) : rank[a].CompareTo(rank[b])));
        for (var i = 0; i < n; i++)
        {
            open.Add(i);
        }

        var units = new List<int[]>(n / 2);
        while (open.Count >= 2)
        {
            var u = open.Min;
            open.Remove(u);
            // The first in order who was never u's buddy; if everyone left was, the first in order.
            var v = -1;
            foreach (var candidate in open)
            {
                if (!earlier.Were(u, candidate))
                {
                    v = candidate;
                    break;
                }
            }

            if (v < 0)
            {
                v = open.Min;
            }

            open.Remove(v);
            foreach (var paired in (int[])[u, v])
            {
                foreach (var w in earlier.Neighbours(paired))
                {
                    // Re-key: remove under the old count, insert under the new one.
                    if (open.Remove(w))
                    {
                        earlierOpen[w]--;
                        open.Add(w);
                    }
                }
            }

            units.Add([u, v]);
        }

        if (open.Count == 1)
        {
            var last = open.Min;
            var host = units
                .Select((unit, i) => (Index: i, Cost: earlier.Count(last, unit)))
                .OrderBy(x => x.Cost)
                .ThenBy(x => rank[units[x.Index][0]])
                .First().Index;
            units[host] = [.. units[host], last];
        }

        return units;
    }

    // Swaps two people between units, or moves a trio member into a pair, while that lowers
    // the number of repeats; stops when no single move helps.
    private static void Improve(List<int[]> units, EarlierBuddies earlier)
    {
        var improved = true;
        for (var pass = 0; improved && pass < 50; pass++)
        {
            improved = false;
            for (var a = 0; a < units.Count; a++)
            {
                if (earlier.Cost(units[a]) == 0)
                {
                    continue;
                }

                for (var b = 0; b < units.Count && earlier.Cost(units[a]) > 0; b++)
                {
                    if (a != b && TryImprove(units, a, b, earlier))
                    {
                        improved = true;
                    }
                }
            }
        }
    }

    private static bool TryImprove(List<int[]> units, int a, int b, EarlierBuddies earlier)
    {
        var ua = units[a];
        var ub = units[b];
        var before = earlier.Cost(ua) + earlier.Cost(ub);
        for (var i = 0; i < ua.Length; i++)
        {
            for (var j = 0; j < ub.Length; j++)
            {
                var na = (int[])ua.Clone();
                var nb = (int[])ub.Clone();
                (na[i], nb[j]) = (nb[j], na[i]);
                if (earlier.Cost(na) + earlier.Cost(nb) < before)
                {
                    units[a] = na;
                    units[b] = nb;
                    return true;
                }
            }

            if (ua.Length == 3 && ub.Length == 2)
            {
                var na = ua.Where((_, k) => k != i).ToArray();
                int[] nb = [.. ub, ua[i]];
                if (earlier.Cost(na) + earlier.Cost(nb) < before)
                {
                    units[a] = na;
                    units[b] = nb;
                    return true;
                }
            }
        }

        return false;
    }
}
