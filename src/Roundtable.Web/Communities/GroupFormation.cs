using System.Globalization;

namespace Roundtable.Web.Communities;

public sealed record CohortParticipant(string Id, string SchoolId, string Phase, string Region);

public sealed record GroupFormationOptions
{
    public int MinSize { get; init; } = 4;
    public int MaxSize { get; init; } = 6;

    // Five fits the hour exactly (5 + 5×10 + 5) and still leaves a workable four when someone is away.
    public int PreferredSize { get; init; } = 5;
    public double PhaseWeight { get; init; } = 2;
    public double RegionWeight { get; init; } = 1;
    public int Seed { get; init; }
}

public sealed record GroupSizePlan(IReadOnlyList<int> Sizes, bool WithinLimits);

public sealed record FormedGroup(
    int Number,
    IReadOnlyList<string> MemberIds,
    double Score,
    IReadOnlyList<string> Reasons,
    bool Flagged);

public sealed record GroupFormationResult(IReadOnlyList<FormedGroup> Groups, IReadOnlyList<string> Problems);

public enum ArrangementViolationKind
{
    SameSchool,
    SizeOutOfRange,
    UnknownDelegate,
    PlacedTwice,
    NotPlaced,
}

public sealed record ArrangementViolation(
    ArrangementViolationKind Kind,
    int? GroupNumber,
    IReadOnlyList<string> DelegateIds,
    string Message);

public static class GroupFormation
{
    public const int SmallestGroup = 3;

    // Sizes differ by at most one, larger groups first. The count is the one nearest
    // n / PreferredSize that keeps every group within MinSize..MaxSize, raised (where the
    // limits allow) so that the largest school can have each delegate in a different group.
    // When no count fits (n = 7, or n < MinSize) the whole remainder becomes one flagged group.
    public static GroupSizePlan PlanGroupSizes(int delegateCount, GroupFormationOptions options, int largestSchool = 1)
    {
        ArgumentNullException.ThrowIfNull(options);
        ValidateOptions(options);
        ArgumentOutOfRangeException.ThrowIfNegative(delegateCount);
        var n = delegateCount;
        if (n == 0)
        {
            return new GroupSizePlan([], true);
        }

        var fewest = (n + options.MaxSize - 1) / options.MaxSize;
        var most = n / options.MinSize;
        if (fewest <= most)
        {
            var preferred = Math.Clamp(options.PreferredSize, options.MinSize, options.MaxSize);
            var count = (int)Math.Round((double)n / preferred, MidpointRounding.AwayFromZero);
            count = Math.Max(count, largestSchool);
            count = Math.Clamp(count, fewest, most);
            return new GroupSizePlan(EvenSizes(n, count), true);
        }

        if (n < SmallestGroup)
        {
            return new GroupSizePlan([], false);
        }

        return n < options.MinSize
            ? new GroupSizePlan([n], false)
            : new GroupSizePlan(EvenSizes(n, Math.Max(1, n / options.MinSize)), false);
    }

    public static GroupFormationResult Form(IReadOnlyList<CohortParticipant> delegates, GroupFormationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(delegates);
        options ??= new GroupFormationOptions();
        ValidateOptions(options);
        CheckDelegates(delegates);

        var state = FormationState.Create(delegates, options);
        var problems = new List<string>();
        var n = delegates.Count;
        var plan = PlanGroupSizes(n, options, state.LargestSchool);

        if (plan.Sizes.Count == 0)
        {
            problems.Add(n == 0
                ? "There are no delegates to place in groups."
                : Invariant($"Only {n} {(n == 1 ? "delegate" : "delegates")}: at least {SmallestGroup} are needed to form a group."));
            return new GroupFormationResult([], problems);
        }

        if (!plan.WithinLimits)
        {
            problems.Add(Invariant(
                $"The cohort of {n} cannot be split into groups of {options.MinSize}–{options.MaxSize}, so it forms {DescribeFlagged(plan.Sizes, options)}."));
        }

        state.Start(plan.Sizes);
        foreach (var (school, count) in state.OversubscribedSchools())
        {
            var groups = plan.Sizes.Count;
            // Spread evenly, k delegates over g < k groups leave min(k, 2(k − g)) of them sharing.
            var sharing = Math.Min(count, 2 * (count - groups));
            problems.Add(Invariant(
                $"School {school} has {count} delegates but only {groups} {(groups == 1 ? "group" : "groups")} can be formed, so {sharing} of them share a group with a colleague from the same school."));
        }

        var rng = new SeededRandom(options.Seed);
        if (!state.GreedyFill(rng))
        {
            state.Start(plan.Sizes);
            state.StripeBySchool();
        }

        state.Improve(rng);
        return new GroupFormationResult(state.Describe(), problems);
    }

    public static IReadOnlyList<ArrangementViolation> ValidateArrangement(
        IReadOnlyList<IReadOnlyList<string>> groups,
        IReadOnlyList<CohortParticipant> delegates,
        GroupFormationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(delegates);
        options ??= new GroupFormationOptions();

        var byId = new Dictionary<string, CohortParticipant>(StringComparer.Ordinal);
        foreach (var d in delegates)
        {
            byId.TryAdd(d.Id, d);
        }

        var violations = new List<ArrangementViolation>();
        var placedIn = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = 0; g < groups.Count; g++)
        {
            var number = g + 1;
            var members = groups[g];
            if (members.Count < options.MinSize || members.Count > options.MaxSize)
            {
                violations.Add(new(ArrangementViolationKind.SizeOutOfRange, number, [.. members],
                    Invariant($"Group {number} has {members.Count} {(members.Count == 1 ? "member" : "members")}; groups should have {options.MinSize}–{options.MaxSize}.")));
            }

            foreach (var id in members)
            {
                if (!byId.ContainsKey(id))
                {
                    violations.Add(new(ArrangementViolationKind.UnknownDelegate, number, [id],
                        Invariant($"Group {number} includes {id}, who is not a delegate in this cohort.")));
                }
                else if (placedIn.TryGetValue(id, out var first))
                {
                    violations.Add(new(ArrangementViolationKind.PlacedTwice, number, [id],
                        Invariant($"{id} is in group {first} and group {number}.")));
                }
                else
                {
                    placedIn[id] = number;
                }
            }

            var sameSchool = members
                .Where(byId.ContainsKey)
                .Distinct(StringComparer.Ordinal)
                .GroupBy(id => byId[id].SchoolId, StringComparer.Ordinal)
                .Where(s => s.Count() > 1);
            foreach (var school in sameSchool)
            {
                var ids = school.ToArray();
                violations.Add(new(ArrangementViolationKind.SameSchool, number, ids,
                    Invariant($"Group {number} has {ids.Length} delegates from school {school.Key}: {string.Join(", ", ids)}.")));
            }
        }

        foreach (var d in delegates.Where(d => !placedIn.ContainsKey(d.Id)))
        {
            violations.Add(new(ArrangementViolationKind.NotPlaced, null, [d.Id],
                Invariant($"{d.Id} is not in any group.")));
        }

        return violations;
    }

    private static int[] EvenSizes(int n, int count) =>
        Enumerable.Range(0, count).Select(i => (n / count) + (i < n % count ? 1 : 0)).ToArray();

    private static string DescribeFlagged(IReadOnlyList<int> sizes, GroupFormationOptions options)
    {
        var outside = sizes.Where(s => s < options.MinSize || s > options.MaxSize).ToArray();
        return sizes.Count == 1
            ? Invariant($"one flagged group of {sizes[0]}")
            : Invariant($"{sizes.Count} groups ({string.Join(", ", sizes)}), {outside.Length} of them flagged");
    }

    private static void ValidateOptions(GroupFormationOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinSize, 2, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxSize, options.MinSize, nameof(options));
        if (!double.IsFinite(options.PhaseWeight) || options.PhaseWeight < 0
            || !double.IsFinite(options.RegionWeight) || options.RegionWeight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Preference weights must be zero or positive.");
        }
    }

    private static void CheckDelegates(IReadOnlyList<CohortParticipant> delegates)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in delegates)
        {
            ArgumentNullException.ThrowIfNull(d, nameof(delegates));
            ArgumentNullException.ThrowIfNull(d.Id, nameof(delegates));
            ArgumentNullException.ThrowIfNull(d.SchoolId, nameof(delegates));
            if (!ids.Add(d.Id))
            {
                throw new ArgumentException($"Delegate '{d.Id}' appears more than once.", nameof(delegates));
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // Mutable working state for one formation run; phases, regions and schools are interned to
    // small integers so the greedy pass and the swaps are array look-ups.
    private sealed class FormationState
    {
        private const double Epsilon = 1e-9;

        private readonly IReadOnlyList<CohortParticipant> _delegates;
        private readonly GroupFormationOptions _options;
        private readonly int[] _school;
        private readonly int[] _phase;
        private readonly int[] _region;
        private readonly string[] _schoolNames;
        private readonly string[] _phaseNames;
        private readonly string[] _regionNames;
        private readonly int[] _schoolSize;
        private int[] _cap = [];
        private int[] _floor = [];
        private int[] _groupOf = [];
        private int[] _targetSize = [];
        private List<int>[] _members = [];
        private int[] _phaseCount = [];
        private int[] _regionCount = [];

        private FormationState(
            IReadOnlyList<CohortParticipant> delegates,
            GroupFormationOptions options,
            int[] school,
            int[] phase,
            int[] region,
            string[] schoolNames,
            string[] phaseNames,
            string[] regionNames)
        {
            _delegates = delegates;
            _options = options;
            _school = school;
            _phase = phase;
            _region = region;
            _schoolNames = schoolNames;
            _phaseNames = phaseNames;
            _regionNames = regionNames;
            _schoolSize = new int[schoolNames.Length];
            foreach (var s in school)
            {
                _schoolSize[s]++;
            }
        }

        public int LargestSchool => _schoolSize.Length == 0 ? 0 : _schoolSize.Max();

        private int GroupCount => _members.Length;

        public static FormationState Create(IReadOnlyList<CohortParticipant> delegates, GroupFormationOptions options)
        {
            var schools = new Interner(StringComparer.Ordinal, blankIsUnknown: false);
            var phases = new Interner(StringComparer.OrdinalIgnoreCase, blankIsUnknown: true);
            var regions = new Interner(StringComparer.OrdinalIgnoreCase, blankIsUnknown: true);
            var n = delegates.Count;
            var school = new int[n];
            var phase = new int[n];
            var region = new int[n];
            for (var i = 0; i < n; i++)
            {
                // A delegate with no school recorded cannot clash with anyone.
                school[i] = string.IsNullOrWhiteSpace(delegates[i].SchoolId)
                    ? schools.Intern(Invariant($"(no school recorded: {delegates[i].Id})"))
                    : schools.Intern(delegates[i].SchoolId);
                phase[i] = phases.Intern(delegates[i].Phase);
                region[i] = regions.Intern(delegates[i].Region);
            }

            return new FormationState(delegates, options, school, phase, region, [.. schools.Names], [.. phases.Names], [.. regions.Names]);
        }

        public void Start(IReadOnlyList<int> sizes)
        {
            var g = sizes.Count;
            _targetSize = [.. sizes];
            _members = Enumerable.Range(0, g).Select(i => new List<int>(sizes[i])).ToArray();
            _groupOf = Enumerable.Repeat(-1, _school.Length).ToArray();
            _phaseCount = new int[g * Math.Max(1, _phaseNames.Length)];
            _regionCount = new int[g * Math.Max(1, _regionNames.Length)];
            // A school with more delegates than there are groups is held to an even spread
            // (floor or ceiling of k/g in every group), so as few groups as possible share.
            _cap = _schoolSize.Select(k => Math.Max(1, (k + g - 1) / g)).ToArray();
            _floor = _schoolSize.Select(k => k > g ? k / g : 0).ToArray();
        }

        public IEnumerable<(string School, int Count)> OversubscribedSchools()
        {
            for (var s = 0; s < _schoolSize.Length; s++)
            {
                if (_schoolSize[s] > GroupCount)
                {
                    yield return (_schoolNames[s], _schoolSize[s]);
                }
            }
        }

        // Delegates are taken cluster by cluster (phase, then region, largest first) with schools
        // interleaved inside a cluster, and each goes to the open group it has most in common with.
        public bool GreedyFill(SeededRandom rng)
        {
            var n = _school.Length;
            PlaceOversubscribedSchools();
            var shuffled = Enumerable.Range(0, n).ToArray();
            rng.Shuffle(shuffled);
            var shuffledRank = new int[n];
            for (var i = 0; i < n; i++)
            {
                shuffledRank[shuffled[i]] = i;
            }

            var phaseSize = new int[_phaseNames.Length + 1];
            var clusterSize = new Dictionary<(int, int), int>();
            var schoolFirstSeen = Enumerable.Repeat(int.MaxValue, _schoolNames.Length).ToArray();
            foreach (var d in shuffled)
            {
                phaseSize[_phase[d] + 1]++;
                clusterSize[(_phase[d], _region[d])] = clusterSize.GetValueOrDefault((_phase[d], _region[d])) + 1;
                schoolFirstSeen[_school[d]] = Math.Min(schoolFirstSeen[_school[d]], shuffledRank[d]);
            }

            var round = new int[n];
            var seenInCluster = new Dictionary<(int, int, int), int>();
            foreach (var d in shuffled)
            {
                var key = (_phase[d], _region[d], _school[d]);
                round[d] = seenInCluster.GetValueOrDefault(key);
                seenInCluster[key] = round[d] + 1;
            }

            var order = shuffled
                .OrderByDescending(d => phaseSize[_phase[d] + 1])
                .ThenBy(d => _phase[d])
                .ThenByDescending(d => clusterSize[(_phase[d], _region[d])])
                .ThenBy(d => _region[d])
                .ThenBy(d => round[d])
                .ThenByDescending(d => _schoolSize[_school[d]])
                .ThenBy(d => schoolFirstSeen[_school[d]])
                .ToArray();

            foreach (var d in order.Where(d => _groupOf[d] < 0))
            {
                var best = -1;
                var bestGain = double.NegativeInfinity;
                for (var g = 0; g < GroupCount; g++)
                {
                    if (_members[g].Count >= _targetSize[g] || SchoolCount(g, _school[d]) >= _cap[_school[d]])
                    {
                        continue;
                    }

                    var gain = Affinity(g, d);
                    if (gain > bestGain + Epsilon
                        || (Math.Abs(gain - bestGain) <= Epsilon && _members[g].Count > _members[best].Count))
                    {
                        best = g;
                        bestGain = gain;
                    }
                }

                if (best >= 0)
                {
                    Place(d, best);
                }
                else if (!MakeRoomBySwap(d))
                {
                    return false;
                }
            }

            return true;
        }

        // Dealt round the groups as one sequence, these schools end up evenly spread and no group
        // gets more of them than its target size.
        private void PlaceOversubscribedSchools()
        {
            var next = 0;
            var schools = Enumerable.Range(0, _schoolSize.Length)
                .Where(s => _schoolSize[s] > GroupCount)
                .OrderByDescending(s => _schoolSize[s])
                .ThenBy(s => s);
            foreach (var s in schools)
            {
                for (var d = 0; d < _school.Length; d++)
                {
                    if (_school[d] == s)
                    {
                        Place(d, next++ % GroupCount);
                    }
                }
            }
        }

        // Laying schools out one after another and dealing round the groups puts a school's
        // k ≤ groups delegates in k different groups, so this always succeeds when anything can.
        public void StripeBySchool()
        {
            var order = Enumerable.Range(0, _school.Length)
                .OrderByDescending(d => _schoolSize[_school[d]])
                .ThenBy(d => _school[d])
                .ThenBy(d => d)
                .ToArray();
            for (var i = 0; i < order.Length; i++)
            {
                Place(order[i], i % GroupCount);
            }
        }

        // Bounded local search: swaps two delegates between groups when that raises the total
        // affinity and keeps every school within its per-group limit.
        public void Improve(SeededRandom rng)
        {
            var n = _school.Length;
            if (GroupCount < 2 || (_options.PhaseWeight == 0 && _options.RegionWeight == 0))
            {
                return;
            }

            var byCluster = new Dictionary<(int, int), List<int>>();
            var byPhase = new Dictionary<int, List<int>>();
            for (var d = 0; d < n; d++)
            {
                if (_phase[d] >= 0 && _region[d] >= 0)
                {
                    Bucket(byCluster, (_phase[d], _region[d])).Add(d);
                }

                if (_phase[d] >= 0)
                {
                    Bucket(byPhase, _phase[d]).Add(d);
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
                var from = _groupOf[a];
                int to;
                var strategy = rng.Next(3);
                if (strategy == 0 && byCluster.TryGetValue((_phase[a], _region[a]), out var cluster))
                {
                    to = _groupOf[cluster[rng.Next(cluster.Count)]];
                }
                else if (strategy == 1 && byPhase.TryGetValue(_phase[a], out var samePhase))
                {
                    to = _groupOf[samePhase[rng.Next(samePhase.Count)]];
                }
                else
                {
                    to = rng.Next(GroupCount);
                }

                if (to == from)
                {
                    continue;
                }

                var bestPartner = -1;
                var bestDelta = Epsilon;
                foreach (var b in _members[to])
                {
                    var delta = SwapDelta(a, b);
                    if (delta > bestDelta && CanSwap(a, b))
                    {
                        bestDelta = delta;
                        bestPartner = b;
                    }
                }

                if (bestPartner >= 0)
                {
                    Swap(a, bestPartner);
                    sinceImprovement = 0;
                }
            }
        }

        public List<FormedGroup> Describe()
        {
            var groups = new List<FormedGroup>(GroupCount);
            for (var g = 0; g < GroupCount; g++)
            {
                var members = _members[g].Order().ToArray();
                var size = members.Length;
                var flagged = size < _options.MinSize || size > _options.MaxSize;
                var reasons = new List<string>();
                if (flagged)
                {
                    reasons.Add(Invariant(
                        $"Group of {size}: the cohort could not be split into groups of {_options.MinSize}–{_options.MaxSize}"));
                }

                reasons.Add(DescribeShare(members.Select(d => _phase[d]), _phaseNames, size,
                    "No phase recorded",
                    "Mixed phases",
                    name => Invariant($"All {name}"),
                    (count, name) => Invariant($"{count} of {size} {name}")));
                reasons.Add(DescribeShare(members.Select(d => _region[d]), _regionNames, size,
                    "No region recorded",
                    "All in different regions",
                    name => Invariant($"All in {name}"),
                    (count, name) => Invariant($"{count} of {size} in {name}")));

                var shared = members.GroupBy(d => _school[d]).Where(s => s.Count() > 1).ToArray();
                if (shared.Length == 0)
                {
                    reasons.Add("Every delegate from a different school");
                }

                foreach (var school in shared)
                {
                    reasons.Add(Invariant(
                        $"{school.Count()} delegates from school {_schoolNames[school.Key]}: it has more delegates than there are groups"));
                }

                groups.Add(new FormedGroup(
                    g + 1,
                    members.Select(d => _delegates[d].Id).ToArray(),
                    Math.Round(Score(g), 3),
                    reasons,
                    flagged));
            }

            return groups;
        }

        private static string DescribeShare(
            IEnumerable<int> values,
            string[] names,
            int size,
            string noneRecorded,
            string allDifferent,
            Func<string, string> all,
            Func<int, string, string> most)
        {
            var counts = values.Where(v => v >= 0).GroupBy(v => v)
                .Select(v => (Value: v.Key, Count: v.Count()))
                .OrderByDescending(v => v.Count)
                .ThenBy(v => v.Value)
                .ToArray();
            if (counts.Length == 0)
            {
                return noneRecorded;
            }

            var top = counts[0];
            if (top.Count == size)
            {
                return all(names[top.Value]);
            }

            return top.Count == 1
                ? allDifferent
                : most(top.Count, names[top.Value]);
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

        private bool MakeRoomBySwap(int d)
        {
            var school = _school[d];
            for (var open = 0; open < GroupCount; open++)
            {
                if (_members[open].Count >= _targetSize[open])
                {
                    continue;
                }

                for (var other = 0; other < GroupCount; other++)
                {
                    if (other == open || SchoolCount(other, school) >= _cap[school])
                    {
                        continue;
                    }

                    foreach (var x in _members[other])
                    {
                        if (CanMove(x, open))
                        {
                            Remove(x);
                            Place(x, open);
                            Place(d, other);
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private int SchoolCount(int group, int school)
        {
            var count = 0;
            foreach (var m in _members[group])
            {
                if (_school[m] == school)
                {
                    count++;
                }
            }

            return count;
        }

        private double Affinity(int group, int d) =>
            (_phase[d] >= 0 ? _options.PhaseWeight * _phaseCount[PhaseSlot(group, _phase[d])] : 0)
            + (_region[d] >= 0 ? _options.RegionWeight * _regionCount[RegionSlot(group, _region[d])] : 0);

        private bool CanSwap(int a, int b)
        {
            if (_school[a] == _school[b])
            {
                return true;
            }

            return CanMove(a, _groupOf[b]) && CanMove(b, _groupOf[a]);
        }

        private bool CanMove(int d, int to)
        {
            var school = _school[d];
            return SchoolCount(to, school) < _cap[school] && SchoolCount(_groupOf[d], school) > _floor[school];
        }

        private double SwapDelta(int a, int b)
        {
            int ga = _groupOf[a], gb = _groupOf[b];
            var phase = CountDelta(_phaseCount, _phaseNames.Length, ga, gb, _phase[a], _phase[b]);
            var region = CountDelta(_regionCount, _regionNames.Length, ga, gb, _region[a], _region[b]);
            return (_options.PhaseWeight * phase) + (_options.RegionWeight * region);
        }

        // Change in same-value pairs when a value va leaves group ga for gb and vb goes the other way.
        private static int CountDelta(int[] counts, int width, int ga, int gb, int va, int vb)
        {
            if (va == vb)
            {
                return 0;
            }

            var delta = 0;
            if (va >= 0)
            {
                delta += -(counts[(ga * width) + va] - 1) + counts[(gb * width) + va];
            }

            if (vb >= 0)
            {
                delta += -(counts[(gb * width) + vb] - 1) + counts[(ga * width) + vb];
            }

            return delta;
        }

        private void Swap(int a, int b)
        {
            int ga = _groupOf[a], gb = _groupOf[b];
            Remove(a);
            Remove(b);
            Place(a, gb);
            Place(b, ga);
        }

        private void Place(int d, int group)
        {
            _members[group].Add(d);
            _groupOf[d] = group;
            if (_phase[d] >= 0)
            {
                _phaseCount[PhaseSlot(group, _phase[d])]++;
            }

            if (_region[d] >= 0)
            {
                _regionCount[RegionSlot(group, _region[d])]++;
            }
        }

        private void Remove(int d)
        {
            var group = _groupOf[d];
            _members[group].Remove(d);
            _groupOf[d] = -1;
            if (_phase[d] >= 0)
            {
                _phaseCount[PhaseSlot(group, _phase[d])]--;
            }

            if (_region[d] >= 0)
            {
                _regionCount[RegionSlot(group, _region[d])]--;
            }
        }

        private int PhaseSlot(int group, int phase) => (group * _phaseNames.Length) + phase;

        private int RegionSlot(int group, int region) => (group * _regionNames.Length) + region;

        // Share of pairs in the group that have the same phase and the same region, weighted: 1 is a perfect match.
        private double Score(int group)
        {
            var size = _members[group].Count;
            var pairs = size * (size - 1) / 2;
            var weights = _options.PhaseWeight + _options.RegionWeight;
            if (pairs == 0 || weights == 0)
            {
                return 1;
            }

            double samePhase = 0, sameRegion = 0;
            for (var p = 0; p < _phaseNames.Length; p++)
            {
                var c = _phaseCount[PhaseSlot(group, p)];
                samePhase += c * (c - 1) / 2;
            }

            for (var r = 0; r < _regionNames.Length; r++)
            {
                var c = _regionCount[RegionSlot(group, r)];
                sameRegion += c * (c - 1) / 2;
            }

            return ((_options.PhaseWeight * samePhase) + (_options.RegionWeight * sameRegion)) / (pairs * weights);
        }
    }

    private sealed class Interner(StringComparer comparer, bool blankIsUnknown)
    {
        private readonly Dictionary<string, int> _ids = new(comparer);

        public List<string> Names { get; } = [];

        public int Intern(string? value)
        {
            var key = value?.Trim() ?? string.Empty;
            if (blankIsUnknown && key.Length == 0)
            {
                return -1;
            }

            if (!_ids.TryGetValue(key, out var id))
            {
                id = Names.Count;
                _ids[key] = id;
                Names.Add(key);
            }

            return id;
        }
    }
}
