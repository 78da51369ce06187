using Roundtable.Web.Dfe;
using Roundtable.Web.Projects;

namespace Roundtable.Tests.Domain.Dfe;

public class DeclarationProposerTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DeclarationRuleSettings Rules = new() { StartedAfter = 1, Retained1After = 3, Retained2After = 5 };

    private static DateTime Day(int daysAgo) => Now.AddDays(-daysAgo);

    private static DeclarationFacts Facts(int sessions, int tutorials = 0, IReadOnlyList<ProjectOutcome>? outcomes = null, bool headship = true) =>
        new(Enumerable.Range(1, sessions).Select(i => new Attended(Day(100 - (i * 10)), EvidenceKind.CommunitySession))
                .Concat(Enumerable.Range(1, tutorials).Select(i => new Attended(Day(95 - (i * 10)), EvidenceKind.Tutorial))).ToList(),
            outcomes ?? [], headship);

    private static HashSet<DeclarationType> Declared(params DeclarationType[] types) => [.. types];

    [Fact]
    public void Next_NothingAttended_ProposesNothing()
    {
        Assert.Null(DeclarationProposer.Next(Facts(0), Rules, Declared(), Now));
    }

    [Fact]
    public void Next_FirstSessionAttended_ProposesStartedOnThatDate()
    {
        var proposal = DeclarationProposer.Next(Facts(1), Rules, Declared(), Now);

        Assert.NotNull(proposal);
        Assert.Equal(DeclarationType.Started, proposal.Type);
        Assert.Equal(Day(90), proposal.Date);
        Assert.Null(proposal.HasPassed);
        Assert.Contains("1 community session attended", proposal.Evidence, StringComparison.Ordinal);
        Assert.Contains("the first session or tutorial attended", proposal.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_TutorialHeldFirst_ProposesStartedFromTheTutorial()
    {
        var proposal = DeclarationProposer.Next(Facts(0, tutorials: 1), Rules, Declared(), Now);

        Assert.Equal(DeclarationType.Started, proposal!.Type);
        Assert.Contains("1 tutorial held", proposal.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_StartedDeclared_Retained1WaitsForItsThreshold()
    {
        Assert.Null(DeclarationProposer.Next(Facts(2), Rules, Declared(DeclarationType.Started), Now));

        var proposal = DeclarationProposer.Next(Facts(2, tutorials: 1), Rules, Declared(DeclarationType.Started), Now);

        Assert.Equal(DeclarationType.Retained1, proposal!.Type);
        // Dated by the third thing attended, in time order (sessions 90 and 80 days ago, the tutorial 85).
        Assert.Equal(Day(80), proposal.Date);
        Assert.Contains("2 community sessions attended", proposal.Evidence, StringComparison.Ordinal);
        Assert.Contains("1 tutorial held", proposal.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_OnlyTheNextMilestone_EvenWhenLaterOnesHaveEvidence()
    {
        var proposal = DeclarationProposer.Next(Facts(9), Rules, Declared(), Now);

        Assert.Equal(DeclarationType.Started, proposal!.Type);
    }

    [Fact]
    public void Next_FutureAttendanceDoesNotCount()
    {
        var facts = new DeclarationFacts([new Attended(Now.AddDays(1), EvidenceKind.CommunitySession)], [], true);

        Assert.Null(DeclarationProposer.Next(facts, Rules, Declared(), Now));
    }

    [Fact]
    public void Next_Completed_NeedsBothProjectsReleased_AndCarriesHasPassed()
    {
        var declared = Declared(DeclarationType.Started, DeclarationType.Retained1, DeclarationType.Retained2);
        Assert.Null(DeclarationProposer.Next(Facts(9, outcomes: [new ProjectOutcome(1, true, Day(20))]), Rules, declared, Now));

        var passed = DeclarationProposer.Next(Facts(9, outcomes: [new ProjectOutcome(1, true, Day(20)), new ProjectOutcome(2, true, Day(5))]), Rules, declared, Now);
        var failed = DeclarationProposer.Next(Facts(9, outcomes: [new ProjectOutcome(1, true, Day(20)), new ProjectOutcome(2, false, Day(5))]), Rules, declared, Now);

        Assert.Equal(DeclarationType.Completed, passed!.Type);
        Assert.True(passed.HasPassed);
        Assert.Equal(Day(5), passed.Date);
        Assert.Contains("NPQH passed", passed.Evidence, StringComparison.Ordinal);
        Assert.False(failed!.HasPassed);
        Assert.Contains("Project 2 not passed", failed.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_Completed_OnlyForNpqh()
    {
        var declared = Declared(DeclarationType.Started, DeclarationType.Retained1, DeclarationType.Retained2);
        var outcomes = new[] { new ProjectOutcome(1, true, Day(20)), new ProjectOutcome(2, true, Day(5)) };

        Assert.Null(DeclarationProposer.Next(Facts(9, outcomes: outcomes, headship: false), Rules, declared, Now));
    }

    // The reformed NPQs: completed rests on the case-study response's released outcome, not on projects.
    [Fact]
    public void Next_CaseStudyProgramme_CompletedWhenTheResponsesOutcomeIsReleased_AndCarriesHasPassed()
    {
        var declared = Declared(DeclarationType.Started, DeclarationType.Retained1, DeclarationType.Retained2);
        DeclarationFacts CaseStudy(params ProjectOutcome[] outcomes) => Facts(9, outcomes: outcomes, headship: false) with { Regime = AssessmentRegime.CaseStudy, ProgrammeCode = "NPQSL" };

        Assert.Null(DeclarationProposer.Next(CaseStudy(), Rules, declared, Now));
        // Released in the future (the clock has not reached it): nothing yet.
        Assert.Null(DeclarationProposer.Next(CaseStudy(new ProjectOutcome(ProjectNumbers.CaseStudy, true, Now.AddHours(1))), Rules, declared, Now));
        // Projects' outcomes do not complete a case-study programme.
        Assert.Null(DeclarationProposer.Next(CaseStudy(new ProjectOutcome(1, true, Day(20)), new ProjectOutcome(2, true, Day(5))), Rules, declared, Now));

        var passed = DeclarationProposer.Next(CaseStudy(new ProjectOutcome(ProjectNumbers.CaseStudy, true, Day(3))), Rules, declared, Now);
        var failed = DeclarationProposer.Next(CaseStudy(new ProjectOutcome(ProjectNumbers.CaseStudy, false, Day(3))), Rules, declared, Now);

        Assert.Equal((DeclarationType.Completed, true, Day(3)), (passed!.Type, passed.HasPassed, passed.Date));
        Assert.Equal("Case-study response passed (outcome released 28 November 2026). NPQSL passed.", passed.Evidence);
        Assert.Equal((DeclarationType.Completed, false), (failed!.Type, failed.HasPassed));
        Assert.Contains("NPQSL not passed", failed.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_NpqhOnTheProjects_ACaseStudyOutcomeDoesNotCountAsAProject()
    {
        var declared = Declared(DeclarationType.Started, DeclarationType.Retained1, DeclarationType.Retained2);

        Assert.Null(DeclarationProposer.Next(Facts(9, outcomes: [new ProjectOutcome(1, true, Day(20)), new ProjectOutcome(ProjectNumbers.CaseStudy, true, Day(5))]), Rules, declared, Now));
    }

    [Fact]
    public void Next_EverythingDeclared_ProposesNothing()
    {
        Assert.Null(DeclarationProposer.Next(Facts(9), Rules, Declared([.. DeclarationTypes.InOrder]), Now));
    }

    [Theory]
    [InlineData("1", "4", "8", null)]
    [InlineData("0", "4", "8", nameof(RulesInput.StartedAfter))]
    [InlineData("2", "2", "8", nameof(RulesInput.Retained1After))]
    [InlineData("1", "4", "4", nameof(RulesInput.Retained2After))]
    [InlineData("1", "four", "8", nameof(RulesInput.Retained1After))]
    [InlineData("1", "4", "201", nameof(RulesInput.Retained2After))]
    public void Check_ThresholdsRiseFromOneToTheMaximum(string started, string retained1, string retained2, string? errorField)
    {
        var result = DeclarationRuleSettings.Check(started, retained1, retained2);

        Assert.Equal(errorField, result.Failure?.Field);
    }

    [Theory]
    [InlineData(DeclarationType.Started, "started")]
    [InlineData(DeclarationType.Retained1, "retained-1")]
    [InlineData(DeclarationType.Retained2, "retained-2")]
    [InlineData(DeclarationType.Completed, "completed")]
    public void DfeName_IsTheApiValue(DeclarationType type, string name)
    {
        Assert.Equal(name, type.DfeName());
        Assert.True(DeclarationTypes.TryParseDfe(name, out var parsed));
        Assert.Equal(type, parsed);
    }
}
