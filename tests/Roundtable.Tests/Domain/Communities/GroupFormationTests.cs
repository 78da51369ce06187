using System.Globalization;
using Roundtable.Web.Communities;
using Xunit;

namespace Roundtable.Tests.Domain.Communities;

public class GroupFormationTests
{
    private static readonly string[] Phases = ["primary", "secondary", "special", "all-through"];

    private static readonly string[] Regions =
        ["London", "South East", "South West", "East of England", "West Midlands", "East Midlands", "North West", "North East", "Yorkshire and the Humber"];

    // Schools of random size (one delegate to maxPerSchool), each with one phase and region.
    private static List<CohortParticipant> RandomCohort(Random random, int n, int maxPerSchool)
    {
        var cohort = new List<CohortParticipant>(n);
        var school = 0;
        while (cohort.Count < n)
        {
            school++;
            var phase = Phases[random.Next(Phases.Length)];
            var region = Regions[random.Next(Regions.Length)];
            var size = Math.Min(n - cohort.Count, 1 + random.Next(maxPerSchool));
            for (var i = 0; i < size; i++)
            {
                cohort.Add(new CohortParticipant(Id(cohort.Count), Invariant($"school-{school}"), phase, region));
            }
        }

        // Shuffle so schools are not contiguous in the input.
        return [.. cohort.OrderBy(_ => random.Next())];
    }

    private static string Id(int i) => Invariant($"d{i:0000}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void AssertEveryonePlacedOnce(List<CohortParticipant> cohort, GroupFormationResult result)
    {
        var placed = result.Groups.SelectMany(g => g.MemberIds).ToList();
        Assert.Equal(cohort.Count, placed.Count);
        Assert.Equal(cohort.Select(d => d.Id).Order(StringComparer.Ordinal), placed.Order(StringComparer.Ordinal));
    }

    private static int MostFromOneSchool(List<CohortParticipant> cohort, FormedGroup group)
    {
        var school = cohort.ToDictionary(d => d.Id, d => d.SchoolId);
        return group.MemberIds.GroupBy(id => school[id]).Max(g => g.Count());
    }

    [Fact]
    public void Random_cohorts_keep_schools_apart_sizes_in_range_and_place_everyone_once()
    {
        var checkedFeasible = 0;
        var checkedInfeasible = 0;
        for (var seed = 0; seed < 150; seed++)
        {
            var random = new Random(seed);
            var n = 8 + random.Next(150);
            var cohort = RandomCohort(random, n, maxPerSchool: 1 + random.Next(6));
            var options = new GroupFormationOptions { Seed = seed, PhaseWeight = random.Next(4), RegionWeight = random.Next(4) };

            var result = GroupFormation.Form(cohort, options);

            AssertEveryonePlacedOnce(cohort, result);
            Assert.All(result.Groups, g => Assert.InRange(g.MemberIds.Count, 4, 6));
            Assert.All(result.Groups, g => Assert.False(g.Flagged));
            Assert.Equal(Enumerable.Range(1, result.Groups.Count), result.Groups.Select(g => g.Number));
            Assert.All(result.Groups, g => Assert.InRange(g.Score, 0, 1));

            var schoolSizes = cohort.GroupBy(d => d.SchoolId).ToDictionary(g => g.Key, g => g.Count());
            var feasible = schoolSizes.Values.Max() <= n / 4;
            if (feasible)
            {
                checkedFeasible++;
                Assert.All(result.Groups, g => Assert.Equal(1, MostFromOneSchool(cohort, g)));
                Assert.Empty(result.Problems);
                Assert.Empty(GroupFormation.ValidateArrangement(result.Groups.Select(g => g.MemberIds).ToList(), cohort));
            }
            else
            {
                checkedInfeasible++;
                Assert.Equal(schoolSizes.Values.Count(k => k > result.Groups.Count), result.Problems.Count);
                AssertSchoolsSpreadEvenly(cohort, result);
            }
        }

        Assert.True(checkedFeasible > 100);
        Assert.True(checkedInfeasible > 0);
    }

    // Every school is in each group at most once, or, when it has more delegates (k) than there
    // are groups (g), floor(k/g) or ceil(k/g) times: the fewest possible sharing.
    private static void AssertSchoolsSpreadEvenly(List<CohortParticipant> cohort, GroupFormationResult result)
    {
        var g = result.Groups.Count;
        var schoolOf = cohort.ToDictionary(d => d.Id, d => d.SchoolId);
        foreach (var school in cohort.GroupBy(d => d.SchoolId))
        {
            var k = school.Count();
            var perGroup = result.Groups.Select(grp => grp.MemberIds.Count(id => schoolOf[id] == school.Key)).ToArray();
            if (k <= g)
            {
                Assert.All(perGroup, c => Assert.InRange(c, 0, 1));
            }
            else
            {
                Assert.All(perGroup, c => Assert.InRange(c, k / g, (k + g - 1) / g));
            }
        }
    }

    [Fact]
    public void Tight_cohorts_where_the_largest_school_fills_every_group_still_keep_schools_apart()
    {
        for (var seed = 0; seed < 100; seed++)
        {
            var random = new Random(1000 + seed);
            var n = 8 + random.Next(120);
            var groups = n / 4;
            var cohort = new List<CohortParticipant>();
            var school = 0;
            while (cohort.Count < n)
            {
                school++;
                // Several schools as large as the number of groups allows.
                var size = Math.Min(n - cohort.Count, random.Next(3) == 0 ? groups : 1 + random.Next(groups));
                var phase = Phases[random.Next(2)];
                for (var i = 0; i < size; i++)
                {
                    cohort.Add(new CohortParticipant(Id(cohort.Count), Invariant($"s{school}"), phase, Regions[random.Next(2)]));
                }
            }

            var result = GroupFormation.Form(cohort, new GroupFormationOptions { Seed = seed });

            AssertEveryonePlacedOnce(cohort, result);
            Assert.All(result.Groups, g => Assert.InRange(g.MemberIds.Count, 4, 6));
            Assert.All(result.Groups, g => Assert.Equal(1, MostFromOneSchool(cohort, g)));
            Assert.Empty(result.Problems);
        }
    }

    [Fact]
    public void Two_thousand_delegates_from_six_hundred_schools_are_formed_within_the_rules()
    {
        var random = new Random(42);
        var cohort = Enumerable.Range(0, 2000)
            .Select(i => (i, school: i < 600 ? i : random.Next(600)))
            .Select(x => new CohortParticipant(Id(x.i), Invariant($"school-{x.school}"), Phases[x.school % 4], Regions[x.school % 9]))
            .ToList();

        var result = GroupFormation.Form(cohort, new GroupFormationOptions { Seed = 7 });

        AssertEveryonePlacedOnce(cohort, result);
        Assert.Equal(400, result.Groups.Count);
        Assert.All(result.Groups, g => Assert.InRange(g.MemberIds.Count, 4, 6));
        Assert.All(result.Groups, g => Assert.Equal(1, MostFromOneSchool(cohort, g)));
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void The_same_seed_gives_the_same_groups()
    {
        var cohort = RandomCohort(new Random(5), 97, maxPerSchool: 4);
        var options = new GroupFormationOptions { Seed = 123 };

        var first = GroupFormation.Form(cohort, options);
        var second = GroupFormation.Form([.. cohort], options);

        Assert.Equal(first.Groups.Count, second.Groups.Count);
        for (var i = 0; i < first.Groups.Count; i++)
        {
            Assert.Equal(first.Groups[i].MemberIds, second.Groups[i].MemberIds);
            Assert.Equal(first.Groups[i].Reasons, second.Groups[i].Reasons);
            Assert.Equal(first.Groups[i].Score, second.Groups[i].Score);
        }
    }

    [Fact]
    public void Cohort_sizes_from_8_up_always_split_into_groups_of_4_to_6()
    {
        var options = new GroupFormationOptions();
        for (var n = 8; n <= 300; n++)
        {
            var plan = GroupFormation.PlanGroupSizes(n, options);

            Assert.True(plan.WithinLimits);
            Assert.Equal(n, plan.Sizes.Sum());
            Assert.All(plan.Sizes, s => Assert.InRange(s, 4, 6));
            Assert.True(plan.Sizes.Max() - plan.Sizes.Min() <= 1);
        }

        Assert.Equal([5, 5, 5, 5], GroupFormation.PlanGroupSizes(20, options).Sizes);
        Assert.Equal([4, 4], GroupFormation.PlanGroupSizes(8, options).Sizes);
        Assert.Equal([4, 4, 4, 4, 4], GroupFormation.PlanGroupSizes(20, options, largestSchool: 5).Sizes);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(3)]
    public void A_cohort_of_seven_or_three_forms_one_flagged_group(int n)
    {
        var cohort = Enumerable.Range(0, n).Select(i => new CohortParticipant(Id(i), Invariant($"s{i}"), "primary", "London")).ToList();

        var result = GroupFormation.Form(cohort);

        var group = Assert.Single(result.Groups);
        Assert.True(group.Flagged);
        Assert.Equal(n, group.MemberIds.Count);
        Assert.Contains(Invariant($"Group of {n}: the cohort could not be split into groups of 4–6"), group.Reasons);
        Assert.Contains(result.Problems, p => p.Contains(Invariant($"one flagged group of {n}"), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Fewer_than_three_form_no_groups_and_say_so(int n)
    {
        var cohort = Enumerable.Range(0, n).Select(i => new CohortParticipant(Id(i), Invariant($"s{i}"), "primary", "London")).ToList();

        var result = GroupFormation.Form(cohort);

        Assert.Empty(result.Groups);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void A_school_with_more_delegates_than_groups_is_reported_and_spread_as_thinly_as_possible()
    {
        var cohort = Enumerable.Range(0, 9).Select(i => new CohortParticipant(Id(i), "big-school", "secondary", "London"))
            .Concat(Enumerable.Range(9, 23).Select(i => new CohortParticipant(Id(i), Invariant($"s{i}"), "secondary", "London")))
            .ToList();

        var result = GroupFormation.Form(cohort, new GroupFormationOptions { Seed = 3 });

        AssertEveryonePlacedOnce(cohort, result);
        Assert.Equal(8, result.Groups.Count);
        Assert.Equal(
            "School big-school has 9 delegates but only 8 groups can be formed, so 2 of them share a group with a colleague from the same school.",
            Assert.Single(result.Problems));
        var bigCounts = result.Groups.Select(g => g.MemberIds.Count(id => int.Parse(id[1..], CultureInfo.InvariantCulture) < 9)).ToArray();
        Assert.Equal(1, bigCounts.Count(c => c == 2));
        Assert.Equal(7, bigCounts.Count(c => c == 1));
        Assert.Contains(result.Groups, g => g.Reasons.Any(r => r.StartsWith("2 delegates from school big-school", StringComparison.Ordinal)));
        AssertSchoolsSpreadEvenly(cohort, result);
    }

    [Fact]
    public void The_group_count_rises_so_a_large_school_can_be_kept_apart()
    {
        var cohort = Enumerable.Range(0, 9).Select(i => new CohortParticipant(Id(i), "big-school", "primary", "London"))
            .Concat(Enumerable.Range(9, 31).Select(i => new CohortParticipant(Id(i), Invariant($"s{i}"), "primary", "London")))
            .ToList();

        var result = GroupFormation.Form(cohort);

        Assert.Equal(9, result.Groups.Count);
        Assert.Empty(result.Problems);
        Assert.All(result.Groups, g => Assert.Equal(1, MostFromOneSchool(cohort, g)));
    }

    [Fact]
    public void Similar_phase_and_region_are_grouped_together_when_possible()
    {
        var cohort = new List<CohortParticipant>();
        for (var i = 0; i < 20; i++)
        {
            var (phase, region) = (i % 4) switch
            {
                0 => ("primary", "London"),
                1 => ("secondary", "North East"),
                2 => ("primary", "North East"),
                _ => ("secondary", "London"),
            };
            cohort.Add(new CohortParticipant(Id(i), Invariant($"s{i}"), phase, region));
        }

        var result = GroupFormation.Form(cohort, new GroupFormationOptions { Seed = 9 });

        Assert.Equal(4, result.Groups.Count);
        Assert.All(result.Groups, g => Assert.Equal(1.0, g.Score));
        Assert.All(result.Groups, g => Assert.Contains(g.Reasons, r => r is "All primary" or "All secondary"));
        Assert.All(result.Groups, g => Assert.Contains(g.Reasons, r => r is "All in London" or "All in North East"));
        Assert.All(result.Groups, g => Assert.Contains("Every delegate from a different school", g.Reasons));
    }

    private static List<CohortParticipant> PhaseAgainstRegionCohort() =>
    [
        new("p1", "s1", "primary", "London"),
        new("p2", "s2", "primary", "London"),
        new("p3", "s3", "primary", "London"),
        new("p4", "s4", "primary", "South East"),
        new("p5", "s5", "primary", "South East"),
        new("q1", "s6", "secondary", "London"),
        new("q2", "s7", "secondary", "London"),
        new("q3", "s8", "secondary", "South East"),
        new("q4", "s9", "secondary", "South East"),
        new("q5", "s10", "secondary", "South East"),
    ];

    [Fact]
    public void Phase_outweighs_region_with_the_default_weights()
    {
        var result = GroupFormation.Form(PhaseAgainstRegionCohort(), new GroupFormationOptions { Seed = 1 });

        Assert.Equal(2, result.Groups.Count);
        Assert.All(result.Groups, g => Assert.Contains(g.Reasons, r => r is "All primary" or "All secondary"));
        Assert.All(result.Groups, g => Assert.Contains(g.Reasons, r => r is "3 of 5 in London" or "3 of 5 in South East"));
    }

    [Fact]
    public void Weighting_region_above_phase_groups_by_region_instead()
    {
        var result = GroupFormation.Form(PhaseAgainstRegionCohort(), new GroupFormationOptions { Seed = 1, PhaseWeight = 1, RegionWeight = 3 });

        Assert.All(result.Groups, g => Assert.Contains(g.Reasons, r => r is "All in London" or "All in South East"));
        Assert.All(result.Groups, g => Assert.Contains(g.Reasons, r => r is "3 of 5 primary" or "3 of 5 secondary"));
    }

    [Fact]
    public void Validation_reports_shared_schools_bad_sizes_and_misplacements()
    {
        var cohort = Enumerable.Range(0, 12)
            .Select(i => new CohortParticipant(Id(i), i is 0 or 1 ? "same" : Invariant($"s{i}"), "primary", "London"))
            .ToList();
        IReadOnlyList<IReadOnlyList<string>> arrangement =
        [
            [Id(0), Id(1), Id(2), Id(3)],
            [Id(4), Id(5), Id(6)],
            [Id(7), Id(8), Id(9), Id(10), Id(3), "stranger"],
        ];

        var violations = GroupFormation.ValidateArrangement(arrangement, cohort);

        Assert.Contains(violations, v => v.Kind == ArrangementViolationKind.SameSchool && v.GroupNumber == 1 && v.DelegateIds.SequenceEqual([Id(0), Id(1)]));
        Assert.Contains(violations, v => v.Kind == ArrangementViolationKind.SizeOutOfRange && v.GroupNumber == 2);
        Assert.Contains(violations, v => v.Kind == ArrangementViolationKind.PlacedTwice && v.DelegateIds.Single() == Id(3));
        Assert.Contains(violations, v => v.Kind == ArrangementViolationKind.UnknownDelegate && v.DelegateIds.Single() == "stranger");
        Assert.Contains(violations, v => v.Kind == ArrangementViolationKind.NotPlaced && v.DelegateIds.Single() == Id(11));
        Assert.Equal(5, violations.Count);
    }

    [Fact]
    public void A_seven_is_out_of_range_when_validated()
    {
        var cohort = Enumerable.Range(0, 7).Select(i => new CohortParticipant(Id(i), Invariant($"s{i}"), "primary", "London")).ToList();

        var violations = GroupFormation.ValidateArrangement([cohort.Select(d => d.Id).ToList()], cohort);

        Assert.Equal(ArrangementViolationKind.SizeOutOfRange, Assert.Single(violations).Kind);
    }

    [Fact]
    public void Duplicate_delegates_are_rejected()
    {
        var d = new CohortParticipant("d1", "s1", "primary", "London");

        Assert.Throws<ArgumentException>(() => GroupFormation.Form([d, d, d, d]));
    }
}
