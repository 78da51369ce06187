namespace Roundtable.Web.Communities;

// The first placement of everyone, before any improvement.
internal static class GreedyPlacement
{
    private const double Epsilon = 1e-9;

    // Delegates are taken cluster by cluster (phase, then region, largest first) with schools
    // interleaved inside a cluster, and each goes to the open group it has most in common with.
    // False when someone could not be placed without breaking the schools-apart rule.
    public static bool Fill(Placement placement, SchoolsApart schools, SeededRandom rng)
    {
        var cohort = placement.Cohort;
        PlaceOversubscribedSchools(placement, schools);
        foreach (var d in PlacingOrder(cohort, rng).Where(d => !placement.IsPlaced(d)))
        {
            var best = -1;
            var bestGain = double.NegativeInfinity;
            for (var g = 0; g < placement.GroupCount; g++)
            {
                if (placement.IsFull(g) || !schools.HasRoom(placement, g, cohort.School[d]))
                {
                    continue;
                }

                var gain = placement.Affinity(g, d);
                if (gain > bestGain + Epsilon
                    || (Math.Abs(gain - bestGain) <= Epsilon && placement.Members(g).Count > placement.Members(best).Count))
                {
                    best = g;
                    bestGain = gain;
                }
            }

            if (best >= 0)
            {
                placement.Place(d, best);
            }
            else if (!MakeRoomBySwap(placement, schools, d))
            {
                return false;
            }
        }

        return true;
    }

    // Laying schools out one after another and dealing round the groups puts a school's
    // k ≤ groups delegates in k different groups, so this always succeeds when anything can.
    public static void StripeBySchool(Placement placement)
    {
        var cohort = placement.Cohort;
        var order = Enumerable.Range(0, cohort.Count)
            .OrderByDescending(d => cohort.SchoolSize[cohort.School[d]])
            .ThenBy(d => cohort.School[d])
            .ThenBy(d => d)
            .ToArray();
        for (var i = 0; i < order.Length; i++)
        {
            placement.Place(order[i], i % placement.GroupCount);
        }
    }

    // A shuffle fixed by the seed, then sorted so that big phase and region clusters come first
    // and, within a cluster, one delegate of each school before a second of any.
    private static int[] PlacingOrder(FormationCohort cohort, SeededRandom rng)
    {
        var n = cohort.Count;
        var shuffled = Enumerable.Range(0, n).ToArray();
        rng.Shuffle(shuffled);
        var shuffledRank = new int[n];
        for (var i = 0; i < n; i++)
        {
            shuffledRank[shuffled[i]] = i;
        }

        var phaseSize = new int[cohort.PhaseNames.Length + 1];
        var clusterSize = new Dictionary<(int, int), int>();
        var schoolFirstSeen = Enumerable.Repeat(int.MaxValue, cohort.SchoolNames.Length).ToArray();
        foreach (var d in shuffled)
        {
            phaseSize[cohort.Phase[d] + 1]++;
            clusterSize[(cohort.Phase[d], cohort.Region[d])] = clusterSize.GetValueOrDefault((cohort.Phase[d], cohort.Region[d])) + 1;
            schoolFirstSeen[cohort.School[d]] = Math.Min(schoolFirstSeen[cohort.School[d]], shuffledRank[d]);
        }

        var round = new int[n];
        var seenInCluster = new Dictionary<(int, int, int), int>();
        foreach (var d in shuffled)
        {
            var key = (cohort.Phase[d], cohort.Region[d], cohort.School[d]);
            round[d] = seenInCluster.GetValueOrDefault(key);
            seenInCluster[key] = round[d] + 1;
        }

        return shuffled
            .OrderByDescending(d => phaseSize[cohort.Phase[d] + 1])
            .ThenBy(d => cohort.Phase[d])
            .ThenByDescending(d => clusterSize[(cohort.Phase[d], cohort.Region[d])])
            .ThenBy(d => cohort.Region[d])
            .ThenBy(d => round[d])
            .ThenByDescending(d => cohort.SchoolSize[cohort.School[d]])
            .ThenBy(d => schoolFirstSeen[cohort.School[d]])
            .ToArray();
    }

    // Dealt round the groups as one sequence, these schools end up evenly spread and no group
    // gets more of them than its target size.
    private static void PlaceOversubscribedSchools(Placement placement, SchoolsApart schools)
    {
        var cohort = placement.Cohort;
        var next = 0;
        foreach (var s in schools.Oversubscribed().OrderByDescending(s => cohort.SchoolSize[s]).ThenBy(s => s))
        {
            for (var d = 0; d < cohort.Count; d++)
            {
                if (cohort.School[d] == s)
                {
                    placement.Place(d, next++ % placement.GroupCount);
                }
            }
        }
    }

    // No open group can take d: move someone from another group into an open one, if that frees
    // a place d's school allows.
    private static bool MakeRoomBySwap(Placement placement, SchoolsApart schools, int d)
    {
        var school = placement.Cohort.School[d];
        for (var open = 0; open < placement.GroupCount; open++)
        {
            if (placement.IsFull(open))
            {
                continue;
            }

            for (var other = 0; other < placement.GroupCount; other++)
            {
                if (other == open || !schools.HasRoom(placement, other, school))
                {
                    continue;
                }

                foreach (var x in placement.Members(other))
                {
                    if (schools.CanMove(placement, x, open))
                    {
                        placement.Remove(x);
                        placement.Place(x, open);
                        placement.Place(d, other);
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
