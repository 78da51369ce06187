using static System.FormattableString;

namespace Roundtable.Web.Communities;

// The finished groups as the programme team sees them: members, score, and the reasons beside each.
internal static class GroupReasons
{
    public static List<FormedGroup> Describe(Placement placement, GroupFormationOptions options)
    {
        var cohort = placement.Cohort;
        var groups = new List<FormedGroup>(placement.GroupCount);
        for (var g = 0; g < placement.GroupCount; g++)
        {
            var members = placement.Members(g).Order().ToArray();
            var size = members.Length;
            var flagged = size < options.MinSize || size > options.MaxSize;
            var reasons = new List<string>();
            if (flagged)
            {
                reasons.Add(Invariant(
                    $"Group of {size}: the cohort could not be split into groups of {options.MinSize}–{options.MaxSize}"));
            }

            reasons.Add(DescribeShare(members.Select(d => cohort.Phase[d]), cohort.PhaseNames, size,
                "No phase recorded",
                "Mixed phases",
                name => Invariant($"All {name}"),
                (count, name) => Invariant($"{count} of {size} {name}")));
            reasons.Add(DescribeShare(members.Select(d => cohort.Region[d]), cohort.RegionNames, size,
                "No region recorded",
                "All in different regions",
                name => Invariant($"All in {name}"),
                (count, name) => Invariant($"{count} of {size} in {name}")));

            var shared = members.GroupBy(d => cohort.School[d]).Where(s => s.Count() > 1).ToArray();
            if (shared.Length == 0)
            {
                reasons.Add("Every delegate from a different school");
            }

            foreach (var school in shared)
            {
                reasons.Add(Invariant(
                    $"{school.Count()} delegates from school {cohort.SchoolNames[school.Key]}: it has more delegates than there are groups"));
            }

            groups.Add(new FormedGroup(
                g + 1,
                members.Select(d => cohort.Delegates[d].Id).ToArray(),
                Math.Round(placement.Score(g), 3),
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
}
