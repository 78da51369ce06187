namespace Roundtable.Web.Projects;

// Stable keys: the API, overrides and the page use them; listed in the README. Never rename one.
public static class RequirementKeys
{
    public const string Rationale = "rationale";
    public const string BaselineEvidence = "baseline-evidence";
    public const string SmartTarget = "smart-target";
    public const string SuccessCriteria = "success-criteria";
    public const string Team = "team";
    public const string TwoTerms = "two-terms";
    public const string BoardBeforeImplementation = "board-before-implementation";
    public const string AccountWords = "account-words";
    public const string DocumentsMapped = "documents-mapped";
    public const string CriteriaEvidenced = "criteria-evidenced";
    public const string PlacementContrast = "placement-contrast";
    public const string PlacementDays = "placement-days";
    public const string Research = "research";
    public const string ActionPlanBudget = "action-plan-budget";
    public const string PlacementBoard = "placement-board";
    public const string NewOrExisting = "new-or-existing";
    public const string WholeSchool = "whole-school";
    public const string AreaExperience = "area-experience";
    public const string AreaToImprove = "area-to-improve";
    public const string LeadsActionPlan = "leads-action-plan";
}

// Fix is where the delegate puts it right (a page and the field's id).
public sealed record Requirement(string Key, string Name, string Fix);

public sealed record RequirementResult(string Key, string Name, bool Met, string Detail, bool Overridden = false, string Fix = "");

// The supporting documents of the latest account: how many, how many are mapped to no criterion,
// and the criteria (code and text) no document evidences, out of how many the project has.
public sealed record EvidenceFacts(int Documents, int UnmappedDocuments, IReadOnlyList<string> UnevidencedCriteria, int CriteriaCount)
{
    public static EvidenceFacts None { get; } = new(0, 0, [], 0);
}

public sealed record Project1Facts(
    DateOnly? Start,
    DateOnly? PlannedEnd,
    DateOnly? BoardPresentedOn,
    bool BoardFeedbackRecorded,
    DateOnly? ImplementationStart,
    int AccountWords,
    DateOnly? BoardFeedbackOn = null,
    bool HasRationale = false,
    bool HasBaselineEvidence = false,
    bool HasSmartTarget = false,
    bool HasSuccessCriteria = false,
    bool HasTeam = false,
    EvidenceFacts? Evidence = null,
    ProjectOrigin? Origin = null,
    bool WholeSchool = false);

public sealed record Project2Facts(
    IReadOnlyCollection<DateOnly> PlacementDays,
    IReadOnlyCollection<DateOnly> ClosureDays,
    DateOnly? BoardPresentedOn,
    bool BoardFeedbackRecorded,
    int AccountWords,
    bool HasPlacementSchool = false,
    bool HasContrast = false,
    bool HasResearch = false,
    bool HasActionPlan = false,
    int BudgetLines = 0,
    EvidenceFacts? Evidence = null,
    bool HasAreaExperience = false,
    bool AreaToImprove = false,
    bool LeadsActionPlan = false);

// The readiness panel: every DfE (2017) NPQH requirement of PRODUCT.md section 3, checked from
// recorded facts. Overrides are keyed by requirement key and hold the programme team's reason; they
// are per delegate and per project, so "account-words" in Project 2's overrides leaves Project 1 alone.
public static class ProjectRequirements
{
    public const int Project1WordLimit = 4000;
    public const int Project2WordLimit = 2500;
    public const int MinimumPlacementDays = 9;

    private const string Project1Page = "/Projects/Project1";
    private const string Project2Page = "/Projects/Project2";
    private const string PlacementPage = "/Projects/Placement";
    private const string BudgetPage = "/Projects/Budget";

    public static readonly Requirement Rationale =
        new(RequirementKeys.Rationale, "Rationale and focus recorded", Project1Page + "#Input_Rationale");

    public static readonly Requirement NewOrExisting =
        new(RequirementKeys.NewOrExisting, "Recorded whether it is a new project or an existing one you already lead", Project1Page + "#Input_Origin");

    public static readonly Requirement WholeSchool =
        new(RequirementKeys.WholeSchool, "Works at whole-school level to improve pupils’ progress and attainment", Project1Page + "#Input_WholeSchool");

    public static readonly Requirement AreaExperience =
        new(RequirementKeys.AreaExperience, "Your experience or expertise in the area recorded", Project2Page + "#Input_AreaExperience");

    public static readonly Requirement AreaToImprove =
        new(RequirementKeys.AreaToImprove, "An area the placement school wants to improve or change", Project2Page + "#Input_AreaToImprove");

    public static readonly Requirement LeadsActionPlan =
        new(RequirementKeys.LeadsActionPlan, "You lead the placement school’s staff in designing the action plan", Project2Page + "#Input_LeadsActionPlan");

    public static readonly Requirement BaselineEvidence =
        new(RequirementKeys.BaselineEvidence, "Baseline evidence recorded", Project1Page + "#Input_BaselineEvidence");

    public static readonly Requirement SmartTarget =
        new(RequirementKeys.SmartTarget, "SMART target recorded", Project1Page + "#Input_SmartTarget");

    public static readonly Requirement SuccessCriteria =
        new(RequirementKeys.SuccessCriteria, "Success criteria recorded", Project1Page + "#Input_SuccessCriteria");

    public static readonly Requirement Team =
        new(RequirementKeys.Team, "Project team recorded", Project1Page + "#Input_Team");

    public static readonly Requirement TwoTerms =
        new(RequirementKeys.TwoTerms, "Lasts at least two school terms", Project1Page + "#Input_Start");

    public static readonly Requirement BoardBeforeImplementation =
        new(RequirementKeys.BoardBeforeImplementation, "Plan presented to the governing board, and feedback gathered, before implementation", Project1Page + "#Input_BoardPresentedOn");

    public static readonly Requirement Project1AccountWords =
        new(RequirementKeys.AccountWords, "Written account within 4,000 words", "/Projects/Submission/1#word-count");

    public static readonly Requirement Project1DocumentsMapped =
        new(RequirementKeys.DocumentsMapped, "Supporting documents attached and mapped to the criteria", "/Projects/Submission/1#documents");

    public static readonly Requirement Project1CriteriaEvidenced =
        new(RequirementKeys.CriteriaEvidenced, "Every assessment criterion evidenced", "/Projects/Submission/1#documents");

    public static readonly Requirement PlacementContrast =
        new(RequirementKeys.PlacementContrast, "Placement school recorded, and how it contrasts with yours", Project2Page + "#Input_PlacementSchoolName");

    public static readonly Requirement PlacementDays =
        new(RequirementKeys.PlacementDays, "Placement of at least 9 working days", PlacementPage);

    public static readonly Requirement Research =
        new(RequirementKeys.Research, "Research into the placement school’s resource and capability challenges recorded", Project2Page + "#Input_Challenges");

    public static readonly Requirement ActionPlanBudget =
        new(RequirementKeys.ActionPlanBudget, "Action plan recorded, with a curriculum-led budget", Project2Page + "#Input_ActionPlan");

    public static readonly Requirement PlacementBoard =
        new(RequirementKeys.PlacementBoard, "Plan presented to the placement school’s governing board, and feedback gathered", Project2Page + "#Input_BoardPresentedOn");

    public static readonly Requirement Project2AccountWords =
        new(RequirementKeys.AccountWords, "Written account within 2,500 words", "/Projects/Submission/2#word-count");

    public static readonly Requirement Project2DocumentsMapped =
        new(RequirementKeys.DocumentsMapped, "Supporting documents attached and mapped to the criteria", "/Projects/Submission/2#documents");

    public static readonly Requirement Project2CriteriaEvidenced =
        new(RequirementKeys.CriteriaEvidenced, "Every assessment criterion evidenced", "/Projects/Submission/2#documents");

    public static IReadOnlyList<Requirement> Project1Requirements { get; } =
    [
        NewOrExisting, WholeSchool, Rationale, BaselineEvidence, SmartTarget, SuccessCriteria, Team, BoardBeforeImplementation, TwoTerms,
        Project1AccountWords, Project1DocumentsMapped, Project1CriteriaEvidenced,
    ];

    public static IReadOnlyList<Requirement> Project2Requirements { get; } =
    [
        PlacementContrast, PlacementDays, AreaExperience, AreaToImprove, Research, ActionPlanBudget, LeadsActionPlan, PlacementBoard,
        Project2AccountWords, Project2DocumentsMapped, Project2CriteriaEvidenced,
    ];

    public static string BudgetFix => BudgetPage;

    public static IReadOnlyList<RequirementResult> ForProject1(
        Project1Facts facts,
        IEnumerable<TermPeriod> terms,
        BankHolidayCalendar holidays,
        IReadOnlyDictionary<string, string>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var evidence = facts.Evidence ?? EvidenceFacts.None;
        return ApplyOverrides(
        [
            Recorded(NewOrExisting, facts.Origin is not null, "whether this is a new project arising from the NPQH or an existing one you already lead"),
            Result(WholeSchool, facts.WholeSchool, facts.WholeSchool ? "Confirmed." : "Confirm that the change works at whole-school level to improve pupils’ progress and attainment."),
            Recorded(Rationale, facts.HasRationale, "the rationale and focus of the change"),
            Recorded(BaselineEvidence, facts.HasBaselineEvidence, "the baseline evidence"),
            Recorded(SmartTarget, facts.HasSmartTarget, "the SMART target: specific, measurable, achievable, relevant and timed"),
            Recorded(SuccessCriteria, facts.HasSuccessCriteria, "the success criteria"),
            Recorded(Team, facts.HasTeam, "who is in the project team"),
            CheckBoardBeforeImplementation(facts.BoardPresentedOn, facts.BoardFeedbackRecorded, facts.ImplementationStart, facts.BoardFeedbackOn),
            CheckTwoTerms(facts.Start, facts.PlannedEnd, terms, holidays),
            CheckAccountWords(Project1AccountWords, facts.AccountWords, Project1WordLimit),
            CheckDocumentsMapped(Project1DocumentsMapped, evidence),
            CheckCriteriaEvidenced(Project1CriteriaEvidenced, evidence),
        ], overrides);
    }

    public static IReadOnlyList<RequirementResult> ForProject2(
        Project2Facts facts,
        BankHolidayCalendar holidays,
        IReadOnlyDictionary<string, string>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var evidence = facts.Evidence ?? EvidenceFacts.None;
        return ApplyOverrides(
        [
            CheckPlacementContrast(facts.HasPlacementSchool, facts.HasContrast),
            CheckPlacementDays(facts.PlacementDays, facts.ClosureDays, holidays),
            Recorded(AreaExperience, facts.HasAreaExperience, "your experience or expertise in the area you will work on"),
            Result(AreaToImprove, facts.AreaToImprove, facts.AreaToImprove ? "Confirmed." : "Confirm that the placement school wants to improve or change this area."),
            Recorded(Research, facts.HasResearch, "what your research found about the placement school’s current and projected resource and capability challenges"),
            CheckActionPlanBudget(facts.HasActionPlan, facts.BudgetLines),
            Result(LeadsActionPlan, facts.LeadsActionPlan, facts.LeadsActionPlan ? "Confirmed." : "Confirm that you lead the placement school’s staff in designing the action plan."),
            CheckPlacementBoard(facts.BoardPresentedOn, facts.BoardFeedbackRecorded),
            CheckAccountWords(Project2AccountWords, facts.AccountWords, Project2WordLimit),
            CheckDocumentsMapped(Project2DocumentsMapped, evidence),
            CheckCriteriaEvidenced(Project2CriteriaEvidenced, evidence),
        ], overrides);
    }

    public static RequirementResult Recorded(Requirement requirement, bool recorded, string what)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        return Result(requirement, recorded, recorded ? "Recorded." : $"Record {what}.");
    }

    public static RequirementResult CheckPlacementContrast(bool hasSchool, bool hasContrast) => (hasSchool, hasContrast) switch
    {
        (true, true) => Result(PlacementContrast, true, "Placement school and how it contrasts recorded."),
        (true, false) => Result(PlacementContrast, false, "Record how the placement school contrasts with yours: performance, pupil profile, geography or other."),
        (false, true) => Result(PlacementContrast, false, "Record the placement school’s name."),
        (false, false) => Result(PlacementContrast, false, "Record the placement school and how it contrasts with yours."),
    };

    public static RequirementResult CheckActionPlanBudget(bool hasActionPlan, int budgetLines)
    {
        var lines = UkFormat.Plural(budgetLines, "budget line", "budget lines");
        return (hasActionPlan, budgetLines > 0) switch
        {
            (true, true) => Result(ActionPlanBudget, true, $"Action plan recorded; {lines} in its budget."),
            (true, false) => Result(ActionPlanBudget, false, "Action plan recorded. Add the lines of its curriculum-led budget.") with { Fix = BudgetPage },
            (false, true) => Result(ActionPlanBudget, false, $"Record the action plan ({lines} in its budget)."),
            (false, false) => Result(ActionPlanBudget, false, "Record the action plan and add the lines of its curriculum-led budget."),
        };
    }

    // Each attached document evidences at least one criterion (when the team has published criteria).
    public static RequirementResult CheckDocumentsMapped(Requirement requirement, EvidenceFacts evidence)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.Documents == 0)
        {
            return Result(requirement, false, "Attach the supporting documents that evidence the criteria.");
        }
        var documents = UkFormat.Plural(evidence.Documents, "document", "documents");
        if (evidence.CriteriaCount == 0)
        {
            return Result(requirement, false, $"{documents} attached; the programme team has not published the criteria to map them to yet.");
        }
        return evidence.UnmappedDocuments == 0
            ? Result(requirement, true, $"{documents} attached, each mapped to the criteria it evidences.")
            : Result(requirement, false, $"{documents} attached; {UkFormat.Plural(evidence.UnmappedDocuments, "is", "are")} not mapped to any criterion.");
    }

    public static RequirementResult CheckCriteriaEvidenced(Requirement requirement, EvidenceFacts evidence)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.CriteriaCount == 0)
        {
            return Result(requirement, false, "The programme team has not published the assessment criteria yet.");
        }
        return evidence.UnevidencedCriteria.Count == 0
            ? Result(requirement, true, $"All {UkFormat.Number(evidence.CriteriaCount)} criteria are evidenced by a document.")
            : Result(requirement, false, "No document evidences " + UkFormat.List([.. evidence.UnevidencedCriteria]) + ".");
    }

    public static RequirementResult CheckTwoTerms(
        DateOnly? start,
        DateOnly? plannedEnd,
        IEnumerable<TermPeriod> terms,
        BankHolidayCalendar holidays)
    {
        if (start is not { } from || plannedEnd is not { } to)
        {
            var missing = (start, plannedEnd) switch
            {
                (null, null) => "start and planned end dates",
                (null, _) => "start date",
                _ => "planned end date",
            };
            return Result(TwoTerms, false, $"Record the project’s {missing}.");
        }

        var check = SchoolTerms.CheckTwoTerms(from, to, terms, holidays);
        return Result(TwoTerms, check.Met, check.Detail);
    }

    // Strictly before: governors can only shape a plan they see before it starts, and a meeting on
    // the day implementation begins gives no time to act on their feedback.
    public static RequirementResult CheckBoardBeforeImplementation(
        DateOnly? boardPresentedOn,
        bool boardFeedbackRecorded,
        DateOnly? implementationStart,
        DateOnly? boardFeedbackOn = null)
    {
        var toRecord = new List<string>();
        if (boardPresentedOn is null)
        {
            toRecord.Add("the date the plan was presented to the governing board");
        }

        if (implementationStart is null)
        {
            toRecord.Add("the date implementation began");
        }

        if (!boardFeedbackRecorded)
        {
            toRecord.Add("the governing board’s feedback");
        }

        if (boardPresentedOn is { } board && implementationStart is { } began)
        {
            if (board == began)
            {
                return Result(BoardBeforeImplementation, false,
                    $"The plan was presented to the governing board on {UkFormat.Date(board)}, the day implementation began; " +
                    "the board must see it before implementation begins.");
            }

            if (board > began)
            {
                return Result(BoardBeforeImplementation, false,
                    $"The plan was presented to the governing board on {UkFormat.Date(board)}, after implementation began on " +
                    $"{UkFormat.Date(began)}; the board must see it before implementation begins.");
            }

            var timing = $"Presented to the governing board on {UkFormat.Date(board)}, " +
                $"{UkFormat.Plural(began.DayNumber - board.DayNumber, "day", "days")} before implementation began on {UkFormat.Date(began)}";
            if (!boardFeedbackRecorded)
            {
                return Result(BoardBeforeImplementation, false, timing + ". Record the governing board’s feedback.");
            }
            // The feedback must be gathered before implementation too, or it could not shape the plan.
            return boardFeedbackOn switch
            {
                null => Result(BoardBeforeImplementation, false, timing + ". Record the date the board’s feedback was gathered."),
                { } gathered when gathered < board => Result(BoardBeforeImplementation, false,
                    timing + $". The feedback is dated {UkFormat.Date(gathered)}, before the board saw the plan: check the dates."),
                { } gathered when gathered >= began => Result(BoardBeforeImplementation, false,
                    timing + $", but the feedback was gathered on {UkFormat.Date(gathered)}, once implementation had begun; it must be gathered before."),
                { } gathered => Result(BoardBeforeImplementation, true, timing + $"; feedback gathered on {UkFormat.Date(gathered)}."),
            };
        }

        return Result(BoardBeforeImplementation, false, "Record " + UkFormat.List(toRecord) + ".");
    }

    public static RequirementResult CheckPlacementDays(
        IEnumerable<DateOnly> placementDays,
        IEnumerable<DateOnly> closureDays,
        BankHolidayCalendar holidays)
    {
        var count = WorkingDays.CountPlacementDays(placementDays, closureDays, holidays);
        var detail = $"{UkFormat.Plural(count.Counted, "working day", "working days")} logged; {UkFormat.Number(MinimumPlacementDays)} needed.";
        if (count.NotCounted.Count > 0)
        {
            detail += " Not counted: " +
                string.Join("; ", count.NotCounted.Select(d => $"{UkFormat.DayAndDate(d.Date)} ({d.Reason})")) + ".";
        }

        if (count.DuplicatesIgnored > 0)
        {
            detail += $" {UkFormat.Plural(count.DuplicatesIgnored, "day was", "days were")} logged more than once and counted once.";
        }

        if (!count.HolidayDataCoversLog)
        {
            detail += " Bank holidays are not known for some logged dates; check none of them was a bank holiday.";
        }

        return Result(PlacementDays, count.Counted >= MinimumPlacementDays, detail);
    }

    public static RequirementResult CheckPlacementBoard(DateOnly? boardPresentedOn, bool boardFeedbackRecorded)
    {
        return (boardPresentedOn, boardFeedbackRecorded) switch
        {
            ({ } board, true) => Result(PlacementBoard, true,
                $"Presented to the placement school’s governing board on {UkFormat.Date(board)}; feedback recorded."),
            ({ } board, false) => Result(PlacementBoard, false,
                $"Presented to the placement school’s governing board on {UkFormat.Date(board)}. Record the board’s feedback."),
            (null, true) => Result(PlacementBoard, false,
                "Record the date the plan was presented to the placement school’s governing board."),
            (null, false) => Result(PlacementBoard, false,
                "Record the date the plan was presented to the placement school’s governing board and the board’s feedback."),
        };
    }

    public static RequirementResult CheckAccountWords(Requirement requirement, int words, int limit)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentOutOfRangeException.ThrowIfNegative(words);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);

        const string excluded = "Annexes and supporting documents are not counted.";
        if (words == 0)
        {
            return Result(requirement, false, $"No written account yet. The limit is {UkFormat.Number(limit)} words. {excluded}");
        }

        return words <= limit
            ? Result(requirement, true,
                $"{UkFormat.Plural(words, "word", "words")} of {UkFormat.Number(limit)} ({UkFormat.Number(limit - words)} to spare). {excluded}")
            : Result(requirement, false,
                $"{UkFormat.Plural(words, "word", "words")}: {UkFormat.Number(words - limit)} over the {UkFormat.Number(limit)}-word limit. {excluded}");
    }

    public static IReadOnlyList<RequirementResult> ApplyOverrides(
        IEnumerable<RequirementResult> results,
        IReadOnlyDictionary<string, string>? overrides)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (overrides is null || overrides.Count == 0)
        {
            return [.. results];
        }

        return
        [
            .. results.Select(r => overrides.TryGetValue(r.Key, out var reason)
                ? r with
                {
                    Met = true,
                    Overridden = true,
                    Detail = "Overridden by the programme team: " + (string.IsNullOrWhiteSpace(reason) ? "no reason recorded" : reason.Trim()),
                }
                : r),
        ];
    }

    private static RequirementResult Result(Requirement requirement, bool met, string detail) =>
        new(requirement.Key, requirement.Name, met, detail, Fix: requirement.Fix);
}
