using Roundtable.Web.People;

namespace Roundtable.Web.Communities;

public sealed record ChairCandidate(string Id, string Name, Birthday? Birthday);

public sealed record ChairOrderEntry(
    int Position,
    string MemberId,
    string Name,
    Birthday? Birthday,
    bool NoBirthdayRecorded,
    int TimesChaired);

public sealed record ChairRotationResult(
    IReadOnlyList<ChairOrderEntry> Order,
    string? ProposedNextChairId,
    IReadOnlyList<string> ChairsNoLongerInGroup);

public static class ChairRotation
{
    public const string NoBirthdayRecordedNote = "No birthday recorded — placed last";

    public static IReadOnlyList<ChairCandidate> BirthdayOrder(IEnumerable<ChairCandidate> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        return members
            .OrderBy(m => m.Birthday is null ? 1 : 0)
            .ThenBy(m => m.Birthday?.Month ?? 0)
            .ThenBy(m => m.Birthday?.Day ?? 0)
            .ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(m => m.Name, StringComparer.Ordinal)
            .ThenBy(m => m.Id, StringComparer.Ordinal)
            .ToArray();
    }

    public static ChairCandidate? FirstChair(IEnumerable<ChairCandidate> members)
    {
        var order = BirthdayOrder(members);
        return order.Count > 0 ? order[0] : null;
    }

    // chairHistory lists who chaired, in session order, including anyone the group appointed
    // out of turn. The proposal goes round the birthday order from the most recent chair and
    // takes the first member with the fewest turns, so everyone chairs once before anyone twice.
    public static ChairRotationResult ProposeNext(IEnumerable<ChairCandidate> members, IEnumerable<string> chairHistory)
    {
        ArgumentNullException.ThrowIfNull(chairHistory);
        var order = BirthdayOrder(members);
        var history = chairHistory.ToArray();

        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < order.Count; i++)
        {
            if (!position.TryAdd(order[i].Id, i))
            {
                throw new ArgumentException($"Member '{order[i].Id}' appears more than once.", nameof(members));
            }
        }

        var counts = new int[order.Count];
        var departed = new List<string>();
        foreach (var id in history)
        {
            if (position.TryGetValue(id, out var p))
            {
                counts[p]++;
            }
            else if (!departed.Contains(id, StringComparer.Ordinal))
            {
                departed.Add(id);
            }
        }

        var entries = order
            .Select((m, i) => new ChairOrderEntry(i + 1, m.Id, m.Name, m.Birthday, m.Birthday is null, counts[i]))
            .ToArray();

        if (order.Count == 0)
        {
            return new ChairRotationResult(entries, null, departed);
        }

        // A chair who has since left cannot anchor the rotation, so use the latest one still here.
        var start = 0;
        for (var h = history.Length - 1; h >= 0; h--)
        {
            if (position.TryGetValue(history[h], out var p))
            {
                start = p + 1;
                break;
            }
        }

        var fewest = counts.Min();
        string? next = null;
        for (var step = 0; step < order.Count; step++)
        {
            var i = (start + step) % order.Count;
            if (counts[i] == fewest)
            {
                next = order[i].Id;
                break;
            }
        }

        return new ChairRotationResult(entries, next, departed);
    }

    // Who the rotation proposes once this chair has chaired the session being recorded. The
    // history's order matters only for where the rotation resumes, and it resumes after them.
    public static string? NextAfter(IReadOnlyList<ChairOrderEntry> order, string chairId)
    {
        ArgumentNullException.ThrowIfNull(order);
        var candidates = order.Select(o => new ChairCandidate(o.MemberId, o.Name, o.Birthday)).ToList();
        var history = order.SelectMany(o => Enumerable.Repeat(o.MemberId, o.TimesChaired)).Append(chairId).ToList();
        return ProposeNext(candidates, history).ProposedNextChairId;
    }
}
