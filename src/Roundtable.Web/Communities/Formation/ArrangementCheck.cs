using static System.FormattableString;

namespace Roundtable.Web.Communities;

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

// Checks any arrangement (formed, or adjusted by hand) against the rules formation keeps.
internal static class ArrangementCheck
{
    public static IReadOnlyList<ArrangementViolation> Violations(
        IReadOnlyList<IReadOnlyList<string>> groups,
        IReadOnlyList<CohortParticipant> delegates,
        GroupFormationOptions options)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(delegates);

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
}
