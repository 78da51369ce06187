namespace Roundtable.Web.Communities;

// Who is in which group so far, with each group's count of every phase and region kept up to date
// as people are placed, removed and swapped: the scoring of a placement reads only those counts.
internal sealed class Placement
{
    private readonly FormationCohort _cohort;
    private readonly GroupFormationOptions _options;
    private readonly List<int>[] _members;
    private readonly int[] _groupOf;
    private readonly int[] _phaseCount;
    private readonly int[] _regionCount;

    public Placement(FormationCohort cohort, GroupFormationOptions options, IReadOnlyList<int> sizes)
    {
        _cohort = cohort;
        _options = options;
        var g = sizes.Count;
        TargetSize = [.. sizes];
        _members = Enumerable.Range(0, g).Select(i => new List<int>(sizes[i])).ToArray();
        _groupOf = Enumerable.Repeat(-1, cohort.Count).ToArray();
        _phaseCount = new int[g * Math.Max(1, cohort.PhaseNames.Length)];
        _regionCount = new int[g * Math.Max(1, cohort.RegionNames.Length)];
    }

    public FormationCohort Cohort => _cohort;

    public int GroupCount => _members.Length;

    public int[] TargetSize { get; }

    public List<int> Members(int group) => _members[group];

    public int GroupOf(int d) => _groupOf[d];

    public bool IsPlaced(int d) => _groupOf[d] >= 0;

    public bool IsFull(int group) => _members[group].Count >= TargetSize[group];

    public void Place(int d, int group)
    {
        _members[group].Add(d);
        _groupOf[d] = group;
        if (_cohort.Phase[d] >= 0)
        {
            _phaseCount[PhaseSlot(group, _cohort.Phase[d])]++;
        }

        if (_cohort.Region[d] >= 0)
        {
            _regionCount[RegionSlot(group, _cohort.Region[d])]++;
        }
    }

    public void Remove(int d)
    {
        var group = _groupOf[d];
        _members[group].Remove(d);
        _groupOf[d] = -1;
        if (_cohort.Phase[d] >= 0)
        {
            _phaseCount[PhaseSlot(group, _cohort.Phase[d])]--;
        }

        if (_cohort.Region[d] >= 0)
        {
            _regionCount[RegionSlot(group, _cohort.Region[d])]--;
        }
    }

    public void Swap(int a, int b)
    {
        int ga = _groupOf[a], gb = _groupOf[b];
        Remove(a);
        Remove(b);
        Place(a, gb);
        Place(b, ga);
    }

    public int SchoolCount(int group, int school)
    {
        var count = 0;
        foreach (var m in _members[group])
        {
            if (_cohort.School[m] == school)
            {
                count++;
            }
        }

        return count;
    }

    // What placing d in the group would add: the weighted number of members sharing d's phase and region.
    public double Affinity(int group, int d) =>
        (_cohort.Phase[d] >= 0 ? _options.PhaseWeight * _phaseCount[PhaseSlot(group, _cohort.Phase[d])] : 0)
        + (_cohort.Region[d] >= 0 ? _options.RegionWeight * _regionCount[RegionSlot(group, _cohort.Region[d])] : 0);

    // The change in weighted same-phase and same-region pairs if a and b changed groups.
    public double SwapDelta(int a, int b)
    {
        int ga = _groupOf[a], gb = _groupOf[b];
        var phase = CountDelta(_phaseCount, _cohort.PhaseNames.Length, ga, gb, _cohort.Phase[a], _cohort.Phase[b]);
        var region = CountDelta(_regionCount, _cohort.RegionNames.Length, ga, gb, _cohort.Region[a], _cohort.Region[b]);
        return (_options.PhaseWeight * phase) + (_options.RegionWeight * region);
    }

    // Share of pairs in the group that have the same phase and the same region, weighted: 1 is a perfect match.
    public double Score(int group)
    {
        var size = _members[group].Count;
        var pairs = size * (size - 1) / 2;
        var weights = _options.PhaseWeight + _options.RegionWeight;
        if (pairs == 0 || weights == 0)
        {
            return 1;
        }

        double samePhase = 0, sameRegion = 0;
        for (var p = 0; p < _cohort.PhaseNames.Length; p++)
        {
            var c = _phaseCount[PhaseSlot(group, p)];
            samePhase += c * (c - 1) / 2;
        }

        for (var r = 0; r < _cohort.RegionNames.Length; r++)
        {
            var c = _regionCount[RegionSlot(group, r)];
            sameRegion += c * (c - 1) / 2;
        }

        return ((_options.PhaseWeight * samePhase) + (_options.RegionWeight * sameRegion)) / (pairs * weights);
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

    private int PhaseSlot(int group, int phase) => (group * _cohort.PhaseNames.Length) + phase;

    private int RegionSlot(int group, int region) => (group * _cohort.RegionNames.Length) + region;
}
