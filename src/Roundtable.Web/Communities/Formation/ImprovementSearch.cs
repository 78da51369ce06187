namespace Roundtable.Web.Communities;

// Bounded local search: swaps two delegates between groups when that raises the total affinity
// and keeps every school within its spread.
internal static class ImprovementSearch
{
    private const double Epsilon = 1e-9;

    public static void Improve(Placement placement, SchoolsApart schools, GroupFormationOptions options, SeededRandom rng)
    {
        var cohort = placement.Cohort;
        var n = cohort.Count;
        if (placement.GroupCount < 2 || (options.PhaseWeight == 0 && options.RegionWeight == 0))
        {
            return;
        }

        var byCluster = new Dictionary<(int, int), List<int>>();
        var byPhase = new Dictionary<int, List<int>>();
        for (var d = 0; d < n; d++)
        {
            if (cohort.Phase[d] >= 0 && cohort.Region[d] >= 0)
            {
                Bucket(byCluster, (cohort.Phase[d], cohort.Region[d])).Add(d);
            }

            if (cohort.Phase[d] >= 0)
            {
                Bucket(byPhase, cohort.Phase[d]).Add(d);
            }
        }

        // Stop at the budget, or once many attempts in a row have found nothing to improve.
        var attempts = Math.Min(400_000, 100 * n);
        var patience = Math.Max(2_000, 10 * n);
        var sinceImprovement = 0;
        for (var attempt = 0; attempt < attempts && sinceImprovement < patience; attempt++)
        {
            sinceImprovement++;
            var a = rng.Next(n);
            var from = placement.GroupOf(a);
            var to = TargetGroup(placement, a, byCluster, byPhase, rng);
            if (to == from)
            {
                continue;
            }

            var bestPartner = -1;
            var bestDelta = Epsilon;
            foreach (var b in placement.Members(to))
            {
                var delta = placement.SwapDelta(a, b);
                if (delta > bestDelta && schools.CanSwap(placement, a, b))
                {
                    bestDelta = delta;
                    bestPartner = b;
                }
            }

            if (bestPartner >= 0)
            {
                placement.Swap(a, bestPartner);
                sinceImprovement = 0;
            }
        }
    }

    // Where to look for a swap partner for a: a third of the time the group of someone in a's
    // phase and region, a third someone in a's phase, otherwise any group.
    private static int TargetGroup(Placement placement, int a, Dictionary<(int, int), List<int>> byCluster,
        Dictionary<int, List<int>> byPhase, SeededRandom rng)
    {
        var cohort = placement.Cohort;
        var strategy = rng.Next(3);
        if (strategy == 0 && byCluster.TryGetValue((cohort.Phase[a], cohort.Region[a]), out var cluster))
        {
            return placement.GroupOf(cluster[rng.Next(cluster.Count)]);
        }

        if (strategy == 1 && byPhase.TryGetValue(cohort.Phase[a], out var samePhase))
        {
            return placement.GroupOf(samePhase[rng.Next(samePhase.Count)]);
        }

        return rng.Next(placement.GroupCount);
    }

    private static List<int> Bucket<TKey>(Dictionary<TKey, List<int>> buckets, TKey key)
        where TKey : notnull
    {
        if (!buckets.TryGetValue(key, out var list))
        {
            list = [];
            buckets[key] = list;
        }

        return list;
    }
}
