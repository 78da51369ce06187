using System.Globalization;
using Roundtable.Web.Communities;
using Xunit;

namespace Roundtable.Tests.Domain.Communities;

public class BuddyPairingTests
{
    private static List<string> Ids(int n) =>
        Enumerable.Range(0, n).Select(i => i.ToString("'p'00", CultureInfo.InvariantCulture)).ToList();

    private static void AssertEveryoneOnce(IReadOnlyList<string> ids, BuddyPairingResult result)
    {
        Assert.Equal(ids.Order(StringComparer.Ordinal), result.Groups.SelectMany(g => g.MemberIds).Order(StringComparer.Ordinal));
        Assert.All(result.Groups, g => Assert.InRange(g.MemberIds.Count, 2, 3));
        Assert.Equal(ids.Count % 2, result.Groups.Count(g => g.IsTrio));
    }

    private static int CountRepeats(BuddyPairingResult result, IEnumerable<IEnumerable<string>> earlier)
    {
        var before = new HashSet<(string, string)>();
        foreach (var set in earlier)
        {
            var members = set.ToArray();
            foreach (var a in members)
            {
                foreach (var b in members.Where(b => string.CompareOrdinal(a, b) < 0))
                {
                    before.Add((a, b));
                }
            }
        }

        return result.Groups.Sum(g => g.MemberIds
            .SelectMany(a => g.MemberIds.Where(b => string.CompareOrdinal(a, b) < 0).Select(b => (a, b)))
            .Count(before.Contains));
    }

    [Fact]
    public void Everyone_is_in_exactly_one_pair_or_the_single_trio()
    {
        for (var n = 2; n <= 41; n++)
        {
            var ids = Ids(n);

            var result = BuddyPairing.Pair(ids, [], seed: n);

            AssertEveryoneOnce(ids, result);
            Assert.Equal(0, result.RepeatedPairings);
            Assert.Null(result.Problem);
        }
    }

    [Theory]
    [InlineData(10, 4)]
    [InlineData(11, 4)]
    [InlineData(30, 12)]
    [InlineData(31, 12)]
    [InlineData(120, 30)]
    public void Successive_rounds_avoid_earlier_buddies_while_that_is_possible(int n, int rounds)
    {
        var ids = Ids(n);
        var earlier = new List<IReadOnlyList<string>>();

        for (var round = 0; round < rounds; round++)
        {
            var result = BuddyPairing.Pair(ids, earlier, seed: round);

            AssertEveryoneOnce(ids, result);
            Assert.Equal(0, result.RepeatedPairings);
            Assert.Equal(0, CountRepeats(result, earlier));
            earlier.AddRange(result.Groups.Select(g => g.MemberIds));
        }
    }

    [Fact]
    public void The_one_remaining_fresh_pairing_is_found()
    {
        // A–B, C–D and A–C, B–D have been used: only A–D with B–C is new.
        string[] ids = ["A", "B", "C", "D"];
        string[][] earlier = [["A", "B"], ["C", "D"], ["A", "C"], ["B", "D"]];

        for (var seed = 0; seed < 20; seed++)
        {
            var result = BuddyPairing.Pair(ids, earlier, seed);

            Assert.Equal(0, result.RepeatedPairings);
            Assert.Equal(
                ["A+D", "B+C"],
                result.Groups.Select(g => string.Join('+', g.MemberIds.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Search_finds_a_fresh_pairing_that_greedy_choices_would_miss()
    {
        // Six people whose earlier pairings leave exactly one repeat-free arrangement.
        var ids = Ids(6);
        var allPairs = ids.SelectMany((a, i) => ids.Skip(i + 1).Select(b => new[] { a, b })).ToList();
        string[][] keep = [["p00", "p03"], ["p01", "p05"], ["p02", "p04"]];
        var earlier = allPairs.Where(p => !keep.Any(k => k.SequenceEqual(p))).ToList();

        for (var seed = 0; seed < 20; seed++)
        {
            var result = BuddyPairing.Pair(ids, earlier, seed);

            Assert.Equal(0, result.RepeatedPairings);
            Assert.Equal(3, result.Groups.Count);
        }
    }

    [Fact]
    public void Unavoidable_repeats_are_counted()
    {
        // Every pair of the four has been buddies before, so any pairing repeats two of them.
        string[] ids = ["A", "B", "C", "D"];
        string[][] earlier = [["A", "B"], ["C", "D"], ["A", "C"], ["B", "D"], ["A", "D"], ["B", "C"]];

        var result = BuddyPairing.Pair(ids, earlier, seed: 1);

        AssertEveryoneOnce(ids, result);
        Assert.Equal(2, result.RepeatedPairings);
        Assert.All(result.Groups, g => Assert.Equal(1, g.RepeatedPairings));
    }

    [Fact]
    public void An_odd_cohort_whose_trio_cannot_be_fresh_has_the_fewest_repeats()
    {
        // A, B and C were a trio; D and E were a pair. Any pair + trio of five re-unites at least one
        // earlier pair, and one is achievable (e.g. A–D with B, C, E has only B–C again).
        string[] ids = ["A", "B", "C", "D", "E"];
        string[][] earlier = [["A", "B", "C"], ["D", "E"]];

        for (var seed = 0; seed < 10; seed++)
        {
            var result = BuddyPairing.Pair(ids, earlier, seed);

            AssertEveryoneOnce(ids, result);
            Assert.Equal(1, result.RepeatedPairings);
            Assert.Equal(1, CountRepeats(result, earlier));
        }
    }

    [Fact]
    public void Three_make_a_trio_and_one_cannot_be_paired()
    {
        var trio = BuddyPairing.Pair(["A", "B", "C"], [], seed: 0);
        Assert.True(Assert.Single(trio.Groups).IsTrio);

        var single = BuddyPairing.Pair(["A"], [], seed: 0);
        Assert.Empty(single.Groups);
        Assert.Equal(["A"], single.Unpaired);
        Assert.NotNull(single.Problem);

        Assert.Empty(BuddyPairing.Pair([], [], seed: 0).Groups);
    }

    [Fact]
    public void The_same_seed_gives_the_same_pairs_and_unknown_earlier_ids_are_ignored()
    {
        var ids = Ids(25);
        string[][] earlier = [["p00", "p01"], ["p02", "someone-who-left"], ["p03", "p04", "p05"]];

        var first = BuddyPairing.Pair(ids, earlier, seed: 77);
        var second = BuddyPairing.Pair(ids, earlier, seed: 77);

        Assert.Equal(first.Groups.Select(g => g.MemberIds), second.Groups.Select(g => g.MemberIds));
        Assert.Equal(0, first.RepeatedPairings);
    }

    [Fact]
    public void Duplicate_ids_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => BuddyPairing.Pair(["A", "A"], [], seed: 0));
    }
}
