using Roundtable.Web.Communities;
using Xunit;

namespace Roundtable.Tests.Domain.Communities;

public class ProblemSuitabilityTests
{
    private static readonly SuitabilityAnswer[] AllAnswers = [SuitabilityAnswer.Yes, SuitabilityAnswer.Unsure, SuitabilityAnswer.No];

    public static TheoryData<SuitabilityAnswer, SuitabilityAnswer, SuitabilityAnswer> AllCombinations()
    {
        var data = new TheoryData<SuitabilityAnswer, SuitabilityAnswer, SuitabilityAnswer>();
        foreach (var specific in AllAnswers)
        {
            foreach (var solvable in AllAnswers)
            {
                foreach (var controllable in AllAnswers)
                {
                    data.Add(specific, solvable, controllable);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void Only_yes_to_all_three_is_suitable_and_failures_are_listed_in_order(
        SuitabilityAnswer specific, SuitabilityAnswer solvable, SuitabilityAnswer controllable)
    {
        var result = ProblemSuitability.Check(new SuitabilityAnswers(specific, solvable, controllable));

        var expectedFailed = new List<string>();
        if (specific != SuitabilityAnswer.Yes)
        {
            expectedFailed.Add("specific");
        }

        if (solvable != SuitabilityAnswer.Yes)
        {
            expectedFailed.Add("solvable");
        }

        if (controllable != SuitabilityAnswer.Yes)
        {
            expectedFailed.Add("controllable");
        }

        Assert.Equal(expectedFailed.Count == 0, result.Suitable);
        Assert.Equal(expectedFailed, result.FailedTests);
        Assert.Equal(expectedFailed.Count, result.Failures.Count);
        Assert.All(result.Failures, f => Assert.False(string.IsNullOrWhiteSpace(f.Message)));
        Assert.All(result.Failures, f => Assert.NotEqual(SuitabilityAnswer.Yes, f.Answer));
    }

    [Fact]
    public void Each_failed_test_says_what_to_do()
    {
        var result = ProblemSuitability.Check(new SuitabilityAnswers(SuitabilityAnswer.Unsure, SuitabilityAnswer.No, SuitabilityAnswer.No));
        var messages = result.Failures.ToDictionary(f => f.Test, f => f.Message);

        Assert.Equal("Choose a part of the problem that you, in your role, have a high degree of control over.", messages["controllable"]);
        Assert.Contains("progress", messages["solvable"], StringComparison.Ordinal);
        Assert.Contains("specific", messages["specific"], StringComparison.Ordinal);
        Assert.Equal(3, messages.Values.Distinct().Count());
    }

    [Fact]
    public void An_unset_answer_counts_as_no()
    {
        Assert.Equal(SuitabilityAnswer.No, default);
        Assert.False(ProblemSuitability.Check(new SuitabilityAnswers(default, default, default)).Suitable);
    }

    [Fact]
    public void Definitions_are_the_seeds()
    {
        Assert.Equal(
            "The problem should relate to the NPQ and will therefore be easily understandable to all in the group.",
            ProblemSuitability.SpecificDefinition);
        Assert.Equal("Solvable problems are those where our efforts can result in progress.", ProblemSuitability.SolvableDefinition);
        Assert.Equal(
            "They are things that you, in your specific role, have a high degree of control over.",
            ProblemSuitability.ControllableDefinition);
        Assert.Equal(["specific", "solvable", "controllable"], ProblemSuitability.Tests.Select(t => t.Key));
    }

    [Fact]
    public void Worked_examples_reproduce_the_seeds_table()
    {
        var examples = ProblemSuitability.WorkedExamples;

        Assert.Equal([1, 2, 3, 4], examples.Select(e => e.Number));
        Assert.Equal("Education doesn't get enough funding", examples[0].Problem);
        Assert.Equal(new SuitabilityAnswers(SuitabilityAnswer.No, SuitabilityAnswer.Unsure, SuitabilityAnswer.No), examples[0].Ratings);
        Assert.Equal(new SuitabilityAnswers(SuitabilityAnswer.No, SuitabilityAnswer.Unsure, SuitabilityAnswer.Yes), examples[1].Ratings);
        Assert.Equal(new SuitabilityAnswers(SuitabilityAnswer.No, SuitabilityAnswer.Yes, SuitabilityAnswer.Yes), examples[2].Ratings);
        Assert.Equal(new SuitabilityAnswers(SuitabilityAnswer.Yes, SuitabilityAnswer.Yes, SuitabilityAnswer.Yes), examples[3].Ratings);
        Assert.Equal([false, false, false, true], examples.Select(e => e.Suitable));
        Assert.All(examples, e => Assert.Equal(e.Suitable, ProblemSuitability.Check(e.Ratings).Suitable));
    }

    [Fact]
    public void The_npqh_framework_has_ten_default_areas()
    {
        var areas = ProblemSuitability.NpqhFrameworkAreas;

        Assert.Equal(10, areas.Count);
        Assert.Equal(10, areas.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal("School culture", areas[0]);
        Assert.Contains("Additional and special educational needs and disabilities", areas);
        Assert.Equal("Governance and accountability", areas[^1]);
    }

    [Fact]
    public void Preparation_questions_follow_the_seed()
    {
        Assert.Equal(
            ["The Problem", "The Evidence", "The Context", "The Why"],
            ProblemSuitability.PreparationQuestions.Select(q => q.Title));
        Assert.All(ProblemSuitability.PreparationQuestions, q => Assert.False(string.IsNullOrWhiteSpace(q.Example)));
    }
}
