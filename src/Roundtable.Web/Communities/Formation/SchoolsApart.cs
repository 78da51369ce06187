namespace Roundtable.Web.Communities;

// The schools-apart rule: no group has two delegates from one school, unless a school has more
// delegates than there are groups. Such a school is held to an even spread (floor or ceiling of
// k/g in every group), so that as few groups as possible share.
internal sealed class SchoolsApart
{
    private readonly FormationCohort _cohort;
    private readonly int _groupCount;
    private readonly int[] _cap;
    private readonly int[] _floor;

    public SchoolsApart(FormationCohort cohort, int groupCount)
    {
        _cohort = cohort;
        _groupCount = groupCount;
        _cap = cohort.SchoolSize.Select(k => Math.Max(1, (k + groupCount - 1) / groupCount)).ToArray();
        _floor = cohort.SchoolSize.Select(k => k > groupCount ? k / groupCount : 0).ToArray();
    }

    // Schools with more delegates than there are groups, in school order.
    public IEnumerable<int> Oversubscribed()
    {
        for (var s = 0; s < _cohort.SchoolSize.Length; s++)
        {
            if (_cohort.SchoolSize[s] > _groupCount)
            {
                yield return s;
            }
        }
    }

    public bool HasRoom(Placement placement, int group, int school) => placement.SchoolCount(group, school) < _cap[school];

    // d may leave its group for another if that keeps both within its school's spread.
    public bool CanMove(Placement placement, int d, int to)
    {
        var school = _cohort.School[d];
        return HasRoom(placement, to, school) && placement.SchoolCount(placement.GroupOf(d), school) > _floor[school];
    }

    public bool CanSwap(Placement placement, int a, int b)
    {
        if (_cohort.School[a] == _cohort.School[b])
        {
            return true;
        }

        return CanMove(placement, a, placement.GroupOf(b)) && CanMove(placement, b, placement.GroupOf(a));
    }
}
