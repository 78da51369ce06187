using Roundtable.Web.Communities;
using Roundtable.Web.People;

namespace Roundtable.Web.LiveSessions;

// A member present at the start: their school keeps colleagues apart, their birthday places them
// in the breakout's chair rotation.
public sealed record BreakoutPerson(string Id, string Name, int? SchoolId, Birthday? Birthday);

// Splits seven or more present members into breakouts of the sizes AgendaBuilder plans (4-6, a
// three only for seven), keeping members of one school apart where the sizes allow. Pure and
// deterministic: the same people and seed give the same split wherever it is computed.
public static class BreakoutSplit
{
    public const int MinimumForBreakouts = 7;
    public const int MinSize = 3;

    public static bool Needed(int present) => present >= MinimumForBreakouts;

    // sizes: the breakout sizes the session's protocol gives for this many (the seed's rule when absent).
    public static IReadOnlyList<IReadOnlyList<BreakoutPerson>> Split(IReadOnlyList<BreakoutPerson> present, int seed, IReadOnlyList<int>? sizes = null)
    {
        ArgumentNullException.ThrowIfNull(present);
        if (!Needed(present.Count))
        {
            return [];
        }
        sizes ??= AgendaBuilder.BreakoutGroupSizes(present.Count);
        var people = present.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        new SeededRandom(seed).Shuffle(people);

        // Schools with most people first, each person to the breakout holding fewest of their school
        // (then the one with most room left), so colleagues spread before anyone doubles up.
        var bySchool = people.Select((p, i) => (Person: p, Order: i))
            .GroupBy(x => x.Person.SchoolId is int s ? $"s{s}" : $"p{x.Person.Id}")
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Min(x => x.Order))
            .SelectMany(g => g.OrderBy(x => x.Order).Select(x => x.Person));
        var groups = sizes.Select(_ => new List<BreakoutPerson>()).ToList();
        foreach (var person in bySchool)
        {
            var target = Enumerable.Range(0, groups.Count)
                .Where(i => groups[i].Count < sizes[i])
                .OrderBy(i => groups[i].Count(p => person.SchoolId is int s && p.SchoolId == s))
                .ThenByDescending(i => sizes[i] - groups[i].Count)
                .ThenBy(i => i)
                .First();
            groups[target].Add(person);
        }
        return groups.Select(g => (IReadOnlyList<BreakoutPerson>)g.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal).ToList()).ToList();
    }

    // The group's chair rotation applied within one breakout: who of its members is next.
    public static string? ChairOf(IReadOnlyList<BreakoutPerson> members, IEnumerable<string> chairHistory) =>
        ChairRotation.ProposeNext(members.Select(m => new ChairCandidate(m.Id, m.Name, m.Birthday)), chairHistory).ProposedNextChairId;

    // Moving a person keeps every breakout between three and six.
    public static Failure? CheckMove(IReadOnlyList<int> sizesAfter) =>
        sizesAfter.Any(s => s < MinSize) ? Failure.Refused($"A breakout needs at least {MinSize} people: move someone else, or move them back.") with { Title = "Breakout too small" }
        : sizesAfter.Any(s => s > AgendaBuilder.MaxGroupSize) ? Failure.Refused($"A breakout holds at most {AgendaBuilder.MaxGroupSize} people.") with { Title = "Breakout too large" }
        : null;
}
