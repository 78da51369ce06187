using Roundtable.Web.Projects;
using Xunit;
using static Roundtable.Tests.Domain.Projects.ProjectTestData;

namespace Roundtable.Tests.Domain.Projects;

public class ProjectRequirementsTests
{
    private static readonly Project1Facts GoodProject1 = new(
        Start: D(2026, 9, 3),
        PlannedEnd: D(2027, 3, 19),
        BoardPresentedOn: D(2026, 7, 9),
        BoardFeedbackRecorded: true,
        ImplementationStart: D(2026, 9, 3),
        AccountWords: 3999,
        BoardFeedbackOn: D(2026, 7, 16),
        HasRationale: true,
        HasBaselineEvidence: true,
        HasSmartTarget: true,
        HasSuccessCriteria: true,
        HasTeam: true,
        Evidence: new EvidenceFacts(2, 0, [], 3),
        Origin: ProjectOrigin.Existing,
        WholeSchool: true);

    // Nine working days in the summer term of 2026.
    private static readonly DateOnly[] NinePlacementDays =
    [
        D(2026, 5, 5), D(2026, 5, 6), D(2026, 5, 7), D(2026, 5, 12), D(2026, 5, 13),
        D(2026, 5, 14), D(2026, 5, 19), D(2026, 5, 20), D(2026, 5, 21),
    ];

    private static readonly Project2Facts GoodProject2 = new(
        PlacementDays: NinePlacementDays,
        ClosureDays: [],
        BoardPresentedOn: D(2026, 6, 10),
        BoardFeedbackRecorded: true,
        AccountWords: 2500,
        HasPlacementSchool: true,
        HasContrast: true,
        HasResearch: true,
        HasActionPlan: true,
        BudgetLines: 4,
        Evidence: new EvidenceFacts(3, 0, [], 2),
        HasAreaExperience: true,
        AreaToImprove: true,
        LeadsActionPlan: true);

    private static IReadOnlyList<RequirementResult> Project1(Project1Facts facts, IReadOnlyDictionary<string, string>? overrides = null) =>
        ProjectRequirements.ForProject1(facts, SchoolTerms.EnglishDefaults, Holidays, overrides);

    private static IReadOnlyList<RequirementResult> Project2(Project2Facts facts, IReadOnlyDictionary<string, string>? overrides = null) =>
        ProjectRequirements.ForProject2(facts, Holidays, overrides);

    private static readonly string[] Project1Keys =
    [
        "new-or-existing", "whole-school", "rationale", "baseline-evidence", "smart-target", "success-criteria", "team", "board-before-implementation", "two-terms",
        "account-words", "documents-mapped", "criteria-evidenced",
    ];

    private static readonly string[] Project2Keys =
    [
        "placement-contrast", "placement-days", "area-experience", "area-to-improve", "research", "action-plan-budget", "leads-action-plan", "placement-board",
        "account-words", "documents-mapped", "criteria-evidenced",
    ];

    // Each requirement with facts that break it (and only it).
    public static TheoryData<int, string, string> Broken => new()
    {
        { 1, "new-or-existing", nameof(Project1Facts.Origin) },
        { 1, "whole-school", nameof(Project1Facts.WholeSchool) },
        { 1, "rationale", nameof(Project1Facts.HasRationale) },
        { 1, "baseline-evidence", nameof(Project1Facts.HasBaselineEvidence) },
        { 1, "smart-target", nameof(Project1Facts.HasSmartTarget) },
        { 1, "success-criteria", nameof(Project1Facts.HasSuccessCriteria) },
        { 1, "team", nameof(Project1Facts.HasTeam) },
        { 1, "board-before-implementation", "feedback gathered after implementation began" },
        { 1, "board-before-implementation", "no feedback date" },
        { 1, "two-terms", "one term" },
        { 1, "account-words", "4,001 words" },
        { 1, "documents-mapped", "a document mapped to nothing" },
        { 1, "documents-mapped", "no documents" },
        { 1, "criteria-evidenced", "a criterion without evidence" },
        { 2, "placement-contrast", "no contrast" },
        { 2, "placement-contrast", "no school" },
        { 2, "placement-days", "eight days" },
        { 2, "area-experience", nameof(Project2Facts.HasAreaExperience) },
        { 2, "area-to-improve", nameof(Project2Facts.AreaToImprove) },
        { 2, "leads-action-plan", nameof(Project2Facts.LeadsActionPlan) },
        { 2, "research", nameof(Project2Facts.HasResearch) },
        { 2, "action-plan-budget", "no budget" },
        { 2, "action-plan-budget", nameof(Project2Facts.HasActionPlan) },
        { 2, "placement-board", "no feedback" },
        { 2, "account-words", "2,501 words" },
        { 2, "documents-mapped", "a document mapped to nothing" },
        { 2, "criteria-evidenced", "a criterion without evidence" },
    };

    private static IReadOnlyList<RequirementResult> Break(int project, string how, IReadOnlyDictionary<string, string>? overrides = null) => project == 1
        ? Project1(how switch
        {
            nameof(Project1Facts.Origin) => GoodProject1 with { Origin = null },
            nameof(Project1Facts.WholeSchool) => GoodProject1 with { WholeSchool = false },
            nameof(Project1Facts.HasRationale) => GoodProject1 with { HasRationale = false },
            nameof(Project1Facts.HasBaselineEvidence) => GoodProject1 with { HasBaselineEvidence = false },
            nameof(Project1Facts.HasSmartTarget) => GoodProject1 with { HasSmartTarget = false },
            nameof(Project1Facts.HasSuccessCriteria) => GoodProject1 with { HasSuccessCriteria = false },
            nameof(Project1Facts.HasTeam) => GoodProject1 with { HasTeam = false },
            "feedback gathered after implementation began" => GoodProject1 with { BoardFeedbackOn = D(2026, 9, 3) },
            "no feedback date" => GoodProject1 with { BoardFeedbackOn = null },
            "one term" => GoodProject1 with { PlannedEnd = D(2026, 12, 18) },
            "4,001 words" => GoodProject1 with { AccountWords = 4001 },
            "a document mapped to nothing" => GoodProject1 with { Evidence = new EvidenceFacts(2, 1, [], 3) },
            "no documents" => GoodProject1 with { Evidence = new EvidenceFacts(0, 0, [], 3) },
            "a criterion without evidence" => GoodProject1 with { Evidence = new EvidenceFacts(2, 0, ["A3"], 3) },
            _ => throw new ArgumentOutOfRangeException(nameof(how), how, null),
        }, overrides)
        : Project2(how switch
        {
            "no contrast" => GoodProject2 with { HasContrast = false },
            "no school" => GoodProject2 with { HasPlacementSchool = false },
            "eight days" => GoodProject2 with { PlacementDays = NinePlacementDays[..8] },
            nameof(Project2Facts.HasAreaExperience) => GoodProject2 with { HasAreaExperience = false },
            nameof(Project2Facts.AreaToImprove) => GoodProject2 with { AreaToImprove = false },
            nameof(Project2Facts.LeadsActionPlan) => GoodProject2 with { LeadsActionPlan = false },
            nameof(Project2Facts.HasResearch) => GoodProject2 with { HasResearch = false },
            "no budget" => GoodProject2 with { BudgetLines = 0 },
            nameof(Project2Facts.HasActionPlan) => GoodProject2 with { HasActionPlan = false },
            "no feedback" => GoodProject2 with { BoardFeedbackRecorded = false },
            "2,501 words" => GoodProject2 with { AccountWords = 2501 },
            "a document mapped to nothing" => GoodProject2 with { Evidence = new EvidenceFacts(3, 1, [], 2) },
            "a criterion without evidence" => GoodProject2 with { Evidence = new EvidenceFacts(3, 0, ["B2"], 2) },
            _ => throw new ArgumentOutOfRangeException(nameof(how), how, null),
        }, overrides);

    [Theory]
    [MemberData(nameof(Broken))]
    public void EachRequirement_MetNotMetOrOverridden(int project, string key, string how)
    {
        var good = project == 1 ? Project1(GoodProject1) : Project2(GoodProject2);
        var broken = Break(project, how);
        var overridden = Break(project, how, new Dictionary<string, string> { [key] = "Agreed with the assessor." });

        Assert.True(Get(good, key).Met, Get(good, key).Detail);
        Assert.False(Get(broken, key).Met);
        Assert.False(Get(broken, key).Overridden);
        Assert.NotEmpty(Get(broken, key).Fix);
        // Only this requirement breaks: the others stay met.
        Assert.Equal([key], broken.Where(r => !r.Met).Select(r => r.Key));
        Assert.True(Get(overridden, key).Met);
        Assert.True(Get(overridden, key).Overridden);
        Assert.Equal("Overridden by the programme team: Agreed with the assessor.", Get(overridden, key).Detail);
        Assert.All(overridden, r => Assert.True(r.Met, r.Detail));
    }

    private static RequirementResult Get(IReadOnlyList<RequirementResult> results, string key) => results.Single(r => r.Key == key);

    [Fact]
    public void Keys_AreStableAndUniquePerProject()
    {
        Assert.Equal(Project1Keys, ProjectRequirements.Project1Requirements.Select(r => r.Key));
        Assert.Equal(Project2Keys, ProjectRequirements.Project2Requirements.Select(r => r.Key));
        Assert.All(ProjectRequirements.Project1Requirements.Concat(ProjectRequirements.Project2Requirements), r => Assert.StartsWith("/Projects/", r.Fix, StringComparison.Ordinal));
        Assert.All(ProjectRequirements.Project1Requirements.Concat(ProjectRequirements.Project2Requirements), r => Assert.False(string.IsNullOrWhiteSpace(r.Name)));
    }

    [Fact]
    public void Project1_AllMet()
    {
        var results = Project1(GoodProject1);

        Assert.Equal(Project1Keys, results.Select(r => r.Key));
        Assert.All(results, r => Assert.True(r.Met, r.Detail));
        Assert.All(results, r => Assert.False(r.Overridden));
        Assert.Equal(
            "Presented to the governing board on 9 July 2026, 56 days before implementation began on 3 September 2026; feedback gathered on 16 July 2026.",
            Get(results, "board-before-implementation").Detail);
        Assert.Equal(
            "3,999 words of 4,000 (1 to spare). Annexes and supporting documents are not counted.",
            Get(results, "account-words").Detail);
    }

    [Fact]
    public void Project1_TwoTerms_NotMetWhenTooShort()
    {
        var result = Get(Project1(GoodProject1 with { PlannedEnd = D(2027, 1, 29) }), "two-terms");

        Assert.False(result.Met);
        Assert.Contains("two terms need at least 132", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, true, "Record the project’s start and planned end dates.")]
    [InlineData(true, false, "Record the project’s start date.")]
    [InlineData(false, true, "Record the project’s planned end date.")]
    public void Project1_TwoTerms_MissingDatesSayWhatToRecord(bool noStart, bool noEnd, string expected)
    {
        var facts = GoodProject1 with
        {
            Start = noStart ? null : GoodProject1.Start,
            PlannedEnd = noEnd ? null : GoodProject1.PlannedEnd,
        };

        var result = Get(Project1(facts), "two-terms");

        Assert.False(result.Met);
        Assert.Equal(expected, result.Detail);
    }

    [Fact]
    public void Project1_Board_OnTheDayImplementationBegan_IsNotBefore()
    {
        var result = Get(Project1(GoodProject1 with { BoardPresentedOn = D(2026, 9, 3) }), "board-before-implementation");

        Assert.False(result.Met);
        Assert.Equal(
            "The plan was presented to the governing board on 3 September 2026, the day implementation began; the board must see it before implementation begins.",
            result.Detail);
    }

    [Fact]
    public void Project1_Board_AfterImplementationBegan_IsNotMet()
    {
        var result = Get(Project1(GoodProject1 with { BoardPresentedOn = D(2026, 10, 1) }), "board-before-implementation");

        Assert.False(result.Met);
        Assert.Contains("after implementation began on 3 September 2026", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Project1_Board_DayBefore_IsMet()
    {
        var result = Get(Project1(GoodProject1 with { BoardPresentedOn = D(2026, 9, 2), BoardFeedbackOn = D(2026, 9, 2) }), "board-before-implementation");

        Assert.True(result.Met);
        Assert.Contains("1 day before", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Project1_Board_FeedbackNotRecorded_IsNotMet()
    {
        var result = Get(Project1(GoodProject1 with { BoardFeedbackRecorded = false }), "board-before-implementation");

        Assert.False(result.Met);
        Assert.EndsWith("Record the governing board’s feedback.", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Project1_Board_MissingDates_SayWhatToRecord()
    {
        var noBoard = Get(Project1(GoodProject1 with { BoardPresentedOn = null }), "board-before-implementation");
        var nothing = Get(Project1(GoodProject1 with { BoardPresentedOn = null, ImplementationStart = null, BoardFeedbackRecorded = false }), "board-before-implementation");

        Assert.False(noBoard.Met);
        Assert.Equal("Record the date the plan was presented to the governing board.", noBoard.Detail);
        Assert.False(nothing.Met);
        Assert.Equal(
            "Record the date the plan was presented to the governing board, the date implementation began and the governing board’s feedback.",
            nothing.Detail);
    }

    [Theory]
    [InlineData(4000, true, "4,000 words of 4,000 (0 to spare). Annexes and supporting documents are not counted.")]
    [InlineData(4001, false, "4,001 words: 1 over the 4,000-word limit. Annexes and supporting documents are not counted.")]
    [InlineData(0, false, "No written account yet. The limit is 4,000 words. Annexes and supporting documents are not counted.")]
    [InlineData(1, true, "1 word of 4,000 (3,999 to spare). Annexes and supporting documents are not counted.")]
    public void Project1_AccountWords(int words, bool met, string detail)
    {
        var result = Get(Project1(GoodProject1 with { AccountWords = words }), "account-words");

        Assert.Equal(met, result.Met);
        Assert.Equal(detail, result.Detail);
        Assert.Equal("Written account within 4,000 words", result.Name);
    }

    [Fact]
    public void Project2_AllMet()
    {
        var results = Project2(GoodProject2);

        Assert.Equal(Project2Keys, results.Select(r => r.Key));
        Assert.All(results, r => Assert.True(r.Met, r.Detail));
        Assert.Equal("9 working days logged; 9 needed.", Get(results, "placement-days").Detail);
        Assert.Equal(
            "Presented to the placement school’s governing board on 10 June 2026; feedback recorded.",
            Get(results, "placement-board").Detail);
    }

    [Fact]
    public void Project2_PlacementDays_ExplainsDaysThatDidNotCount()
    {
        DateOnly[] logged =
        [
            .. NinePlacementDays.Take(6),
            D(2026, 5, 4),   // Early May bank holiday
            D(2026, 5, 9),   // Saturday
            D(2026, 5, 19),  // school closed
            D(2026, 5, 5),   // logged twice
        ];

        var result = Get(Project2(GoodProject2 with { PlacementDays = logged, ClosureDays = [D(2026, 5, 19)] }), "placement-days");

        Assert.False(result.Met);
        Assert.Equal(
            "6 working days logged; 9 needed. Not counted: Monday 4 May 2026 (Early May bank holiday); " +
            "Saturday 9 May 2026 (Weekend); Tuesday 19 May 2026 (Placement school closed). " +
            "1 day was logged more than once and counted once.",
            result.Detail);
    }

    [Fact]
    public void Project2_PlacementDays_BeyondHolidayData_Warns()
    {
        DateOnly[] logged = [.. Enumerable.Range(0, 9).Select(i => D(2031, 3, 3).AddDays(i % 5 + 7 * (i / 5)))];

        var result = Get(Project2(GoodProject2 with { PlacementDays = logged }), "placement-days");

        Assert.True(result.Met);
        Assert.EndsWith("Bank holidays are not known for some logged dates; check none of them was a bank holiday.", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, true, "Record the date the plan was presented to the placement school’s governing board.")]
    [InlineData(true, false, "Presented to the placement school’s governing board on 10 June 2026. Record the board’s feedback.")]
    [InlineData(false, false, "Record the date the plan was presented to the placement school’s governing board and the board’s feedback.")]
    public void Project2_PlacementBoard_NotMet(bool hasDate, bool feedback, string detail)
    {
        var facts = GoodProject2 with { BoardPresentedOn = hasDate ? D(2026, 6, 10) : null, BoardFeedbackRecorded = feedback };

        var result = Get(Project2(facts), "placement-board");

        Assert.False(result.Met);
        Assert.Equal(detail, result.Detail);
    }

    [Theory]
    [InlineData(2500, true)]
    [InlineData(2501, false)]
    public void Project2_AccountWords_LimitIs2500(int words, bool met)
    {
        var result = Get(Project2(GoodProject2 with { AccountWords = words }), "account-words");

        Assert.Equal(met, result.Met);
        Assert.Equal("Written account within 2,500 words", result.Name);
    }

    [Fact]
    public void Override_MarksOnlyThatRequirementMet_WithTheReason()
    {
        var facts = GoodProject1 with { PlannedEnd = D(2026, 12, 18), AccountWords = 4200 };
        var overrides = new Dictionary<string, string> { ["two-terms"] = " Project continued under a new head; agreed with assessor. " };

        var results = Project1(facts, overrides);

        var twoTerms = Get(results, "two-terms");
        Assert.True(twoTerms.Met);
        Assert.True(twoTerms.Overridden);
        Assert.Equal("Overridden by the programme team: Project continued under a new head; agreed with assessor.", twoTerms.Detail);
        Assert.Equal("Lasts at least two school terms", twoTerms.Name);
        var words = Get(results, "account-words");
        Assert.False(words.Met);
        Assert.False(words.Overridden);
    }

    [Fact]
    public void Override_OfAlreadyMetRequirement_IsStillShownAsOverridden()
    {
        var results = Project2(GoodProject2, new Dictionary<string, string> { ["placement-board"] = "Board minutes seen." });

        Assert.True(Get(results, "placement-board").Overridden);
        Assert.Equal("Overridden by the programme team: Board minutes seen.", Get(results, "placement-board").Detail);
    }

    [Fact]
    public void Override_UnknownKeyIsIgnored_BlankReasonIsShown()
    {
        var overrides = new Dictionary<string, string> { ["no-such-requirement"] = "x", ["placement-days"] = "  " };

        var results = Project2(GoodProject2 with { PlacementDays = [] }, overrides);

        Assert.Equal(Project2Keys.Length, results.Count);
        Assert.Equal("Overridden by the programme team: no reason recorded", Get(results, "placement-days").Detail);
        Assert.True(Get(results, "placement-days").Met);
    }

    [Fact]
    public void NegativeWordCount_IsAProgrammingError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Project1(GoodProject1 with { AccountWords = -1 }));
    }
}
