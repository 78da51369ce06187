using Roundtable.Web.Communities;
using Roundtable.Web.LiveSessions;
using Roundtable.Web.People;

namespace Roundtable.Tests.Domain.LiveSessions;

public class BreakoutSplitTests
{
    // n people from n / 2 schools (pairs of colleagues), birthdays through the year.
    private static List<BreakoutPerson> People(int n, int schools) =>
        Enumerable.Range(1, n).Select(i => new BreakoutPerson($"id{i:00}", $"Person {i:00}", (i % schools) + 1, new Birthday(i, (i % 12) + 1))).ToList();

    [Theory]
    [InlineData(7, new[] { 4, 3 })]
    [InlineData(8, new[] { 4, 4 })]
    [InlineData(9, new[] { 5, 4 })]
    [InlineData(10, new[] { 5, 5 })]
    [InlineData(11, new[] { 6, 5 })]
    [InlineData(12, new[] { 6, 6 })]
    [InlineData(13, new[] { 5, 4, 4 })]
    [InlineData(14, new[] { 5, 5, 4 })]
    public void SevenToFourteen_SplitIntoTheplannedSizes_EveryoneOnce(int n, int[] sizes)
    {
        var people = People(n, n);
        var split = BreakoutSplit.Split(people, seed: 42);

        Assert.Equal(sizes, split.Select(g => g.Count));
        Assert.Equal(people.Select(p => p.Id).Order(), split.SelectMany(g => g.Select(p => p.Id)).Order());
        Assert.All(split, g => Assert.InRange(g.Count, n == 7 ? 3 : 4, 6));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(3)]
    public void BelowSeven_NoBreakouts(int n) => Assert.Empty(BreakoutSplit.Split(People(n, n), 1));

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void ColleaguesFromOneSchool_AreApart_WhereTheSizesAllow(int n)
    {
        // Pairs from one school: there are always at least two breakouts, so no pair need share one.
        var people = People(n, (n + 1) / 2);
        foreach (var seed in new[] { 1, 2, 3, 99, 12345 })
        {
            var split = BreakoutSplit.Split(people, seed);
            Assert.All(split, g => Assert.Equal(g.Count, g.Select(p => p.SchoolId).Distinct().Count()));
        }
    }

    [Fact]
    public void ASchoolWithMorePeopleThanBreakouts_IsSpreadEvenly()
    {
        // Five from one school over two breakouts: three and two, never four and one.
        var people = People(9, 9).Select((p, i) => i < 5 ? p with { SchoolId = 77 } : p).ToList();
        var split = BreakoutSplit.Split(people, 7);
        Assert.Equal([3, 2], split.Select(g => g.Count(p => p.SchoolId == 77)).OrderDescending());
    }

    [Fact]
    public void SameInputAndSeed_SameSplit_WhateverTheOrderGiven()
    {
        var people = People(13, 5);
        var reversed = Enumerable.Reverse(people).ToList();
        var a = BreakoutSplit.Split(people, 501);
        var b = BreakoutSplit.Split(reversed, 501);
        Assert.Equal(a.Select(g => g.Select(p => p.Id)), b.Select(g => g.Select(p => p.Id)));
    }

    [Fact]
    public void AnotherSeed_MayGiveAnotherSplit()
    {
        var people = People(12, 12);
        var splits = Enumerable.Range(1, 10).Select(seed => string.Join("|", BreakoutSplit.Split(people, seed).Select(g => string.Join(",", g.Select(p => p.Id))))).Distinct();
        Assert.True(splits.Count() > 1);
    }

    [Fact]
    public void EachBreakoutsChair_IsTheRotationWithinIt()
    {
        var people = People(8, 8);
        var split = BreakoutSplit.Split(people, 3);
        foreach (var group in split)
        {
            // No history: the earliest birthday in the breakout chairs it.
            var earliest = group.OrderBy(p => p.Birthday!.Value.Month).ThenBy(p => p.Birthday!.Value.Day).First();
            Assert.Equal(earliest.Id, BreakoutSplit.ChairOf(group, []));
        }
        // With history, the rotation resumes after the latest chair who is in the breakout.
        var first = split[0];
        var order = ChairRotation.BirthdayOrder(first.Select(p => new ChairCandidate(p.Id, p.Name, p.Birthday)));
        Assert.Equal(order[1].Id, BreakoutSplit.ChairOf(first, ["someone-else", order[0].Id]));
    }

    [Theory]
    [InlineData(new[] { 5, 3 }, true)]
    [InlineData(new[] { 6, 2 }, false)]
    [InlineData(new[] { 7, 4 }, false)]
    [InlineData(new[] { 4, 4 }, true)]
    public void Moves_KeepEveryBreakoutBetweenThreeAndSix(int[] sizes, bool allowed) =>
        Assert.Equal(allowed, BreakoutSplit.CheckMove(sizes) is null);
}
