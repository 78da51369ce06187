namespace Roundtable.Web.Projects;

public static class RequirementKeys
{
    public const string TwoTerms = "two-terms";
    public const string BoardBeforeImplementation = "board-before-implementation";
    public const string AccountWords = "account-words";
    public const string PlacementDays = "placement-days";
    public const string PlacementBoard = "placement-board";
}

public sealed record Requirement(string Key, string Name);

public sealed record RequirementResult(string Key, string Name, bool Met, string Detail, bool Overridden = false);

public sealed record Project1Facts(
    DateOnly? Start,
    DateOnly? PlannedEnd,
    DateOnly? BoardPresentedOn,
    bool BoardFeedbackRecorded,
    DateOnly? ImplementationStart,
    int AccountWords);

public sealed record Project2Facts(
    IReadOnlyCollection<DateOnly> PlacementDays,
    IReadOnlyCollection<DateOnly> ClosureDays,
    DateOnly? BoardPresentedOn,
    bool BoardFeedbackRecorded,
    int AccountWords);

// The readiness panel: every DfE (2017) NPQH requirement we can check from recorded facts.
// Overrides are keyed by requirement key and hold the programme team's reason; they are per
// delegate and per project, so "account-words" in Project 2's overrides leaves Project 1 alone.
public static class ProjectRequirements
{
    public const int Project1WordLimit = 4000;
    public const int Project2WordLimit = 2500;
    public const int MinimumPlacementDays = 9;

    public static readonly Requirement TwoTerms =
        new(RequirementKeys.TwoTerms, "Lasts at least two school terms");

    public static readonly Requirement BoardBeforeImplementation =
        new(RequirementKeys.BoardBeforeImplementation, "Plan presented to the governing board, and feedback gathered, before implementation");

    public static readonly Requirement Project1AccountWords =
        new(RequirementKeys.AccountWords, "Written account within 4,000 words");

    public static readonly Requirement PlacementDays =
        new(RequirementKeys.PlacementDays, "Placement of at least 9 working days");

    public static readonly Requirement PlacementBoard =
        new(RequirementKeys.PlacementBoard, "Plan presented to the placement school’s governing board, and feedback gathered");

    public static readonly Requirement Project2AccountWords =
        new(RequirementKeys.AccountWords, "Written account within 2,500 words");

    public static IReadOnlyList<Requirement> Project1Requirements { get; } = [TwoTerms, BoardBeforeImplementation, Project1AccountWords];

    public static IReadOnlyList<Requirement> Project2Requirements { get; } = [PlacementDays, PlacementBoard, Project2AccountWords];

    public static IReadOnlyList<RequirementResult> ForProject1(
        Project1Facts facts,
        IEnumerable<TermPeriod> terms,
        BankHolidayCalendar holidays,
        IReadOnlyDictionary<string, string>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return ApplyOverrides(
        [
            CheckTwoTerms(facts.Start, facts.PlannedEnd, terms, holidays),
            CheckBoardBeforeImplementation(facts.BoardPresentedOn, facts.BoardFeedbackRecorded, facts.ImplementationStart),
            CheckAccountWords(Project1AccountWords, facts.AccountWords, Project1WordLimit),
        ], overrides);
    }

    public static IReadOnlyList<RequirementResult> ForProject2(
        Project2Facts facts,
        BankHolidayCalendar holidays,
        IReadOnlyDictionary<string, string>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return ApplyOverrides(
        [
            CheckPlacementDays(facts.PlacementDays, facts.ClosureDays, holidays),
            CheckPlacementBoard(facts.BoardPresentedOn, facts.BoardFeedbackRecorded),
            CheckAccountWords(Project2AccountWords, facts.AccountWords, Project2WordLimit),
        ], overrides);
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
        DateOnly? implementationStart)
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
            return boardFeedbackRecorded
                ? Result(BoardBeforeImplementation, true, timing + "; feedback recorded.")
                : Result(BoardBeforeImplementation, false, timing + ". Record the governing board’s feedback.");
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
        new(requirement.Key, requirement.Name, met, detail);
}
