using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Roundtable.Web.People;

namespace Roundtable.Web.Projects;

public sealed record Project2Input(
    string? PlacementSchoolName,
    string? PlacementSchoolUrn,
    string? PlacementSchoolPhase,
    string? ContrastPerformance,
    string? ContrastPupilProfile,
    string? ContrastGeography,
    string? ContrastOther,
    string? Challenges,
    string? ActionPlan,
    DateOnly? BoardPresentedOn,
    string? BoardFeedback,
    string? AreaExperience = null,
    bool AreaToImprove = false,
    bool LeadsActionPlan = false);

public sealed record PlacementDayInput(DateOnly? Date, string? Activity);

public sealed record ClosureDayInput(DateOnly? Date, string? Reason);

// As typed: the category's name, the year the budget year starts, and the amount in pounds.
public sealed record BudgetLineInput(string? Category, string? Year, string? Description, string? Amount);

// Project 2: a placement of at least nine working days in a contrasting school, its resource and
// capability challenges, and an action plan with a curriculum-led budget (DfE 2017).
public class Project2
{
    public const int TextMaxLength = 5000;
    public const int SchoolNameMaxLength = 200;
    public const int MaxLoggedDays = 60;
    public const int MaxBudgetLines = 100;

    public int Id { get; set; }
    public int ParticipantId { get; set; }
    public Participant Participant { get; set; } = null!;
    public string? PlacementSchoolName { get; set; }
    public int? PlacementSchoolUrn { get; set; }
    public SchoolPhase? PlacementSchoolPhase { get; set; }
    public string? ContrastPerformance { get; set; }
    public string? ContrastPupilProfile { get; set; }
    public string? ContrastGeography { get; set; }
    public string? ContrastOther { get; set; }
    public string? Challenges { get; set; }
    public string? ActionPlan { get; set; }
    public DateOnly? BoardPresentedOn { get; set; }
    public string? BoardFeedback { get; set; }
    // The delegate's experience or expertise in the area (seed 003: "an area in which they have some experience/expertise").
    public string? AreaExperience { get; set; }
    // Confirmed: the placement school wants to improve or change this area.
    public bool AreaToImprove { get; set; }
    // Confirmed: the delegate leads the placement school's staff in designing the action plan.
    public bool LeadsActionPlan { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<PlacementDay> PlacementDays { get; set; } = [];
    public List<ClosureDay> ClosureDays { get; set; } = [];
    public List<BudgetLine> BudgetLines { get; set; } = [];

    // Every field may be left empty while the placement is being arranged; text is trimmed.
    public static Failure? Check(Project2Input input) => Apply(input, null, default);

    public Failure? Update(Project2Input input, DateTime now) => Apply(input, this, now);

    // A day at the placement school, today or earlier, once. Days that do not count (weekends, bank
    // holidays, closures) are still logged: the delegate was there.
    public Result<PlacementDay> LogDay(PlacementDayInput input, DateOnly today, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var activity = PlacementDay.ReadActivity(input, errors);
        if (input.Date is not { } date)
        {
            errors.Add(nameof(input.Date), "Enter the date of the placement day");
        }
        else if (date > today)
        {
            errors.Add(nameof(input.Date), "The date of the placement day must be today or in the past");
        }
        else if (PlacementDays.Exists(d => d.Date == date))
        {
            errors.Add(nameof(input.Date), PlacementDay.AlreadyLogged(date));
        }
        else if (PlacementDays.Count >= MaxLoggedDays)
        {
            errors.Add(nameof(input.Date), $"You can log at most {MaxLoggedDays} days");
        }
        if (errors.ToFailure() is { } failure)
        {
            return failure;
        }
        var day = new PlacementDay { Date = input.Date!.Value, Activity = activity! };
        PlacementDays.Add(day);
        UpdatedAt = now;
        return day;
    }

    public Result<ClosureDay> RecordClosure(ClosureDayInput input, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var reason = ClosureDay.ReadReason(input, errors);
        if (input.Date is not { } date)
        {
            errors.Add(nameof(input.Date), "Enter the date the school was closed");
        }
        else if (ClosureDays.Exists(d => d.Date == date))
        {
            errors.Add(nameof(input.Date), ClosureDay.AlreadyRecorded(date));
        }
        if (errors.ToFailure() is { } failure)
        {
            return failure;
        }
        var closure = new ClosureDay { Date = input.Date!.Value, Reason = reason! };
        ClosureDays.Add(closure);
        UpdatedAt = now;
        return closure;
    }

    // A line in one of the budget years offered on the day (see BudgetLine.YearOptions).
    public Result<BudgetLine> AddBudgetLine(BudgetLineInput input, DateOnly today, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        BudgetCategory category = default;
        if (string.IsNullOrEmpty(input.Category))
        {
            errors.Add(nameof(input.Category), "Choose a category");
        }
        else if (!Enum.TryParse(input.Category, out category) || !Enum.IsDefined(category))
        {
            errors.Add(nameof(input.Category), "Choose a category from the list");
        }
        var year = 0;
        if (string.IsNullOrEmpty(input.Year))
        {
            errors.Add(nameof(input.Year), "Choose the budget year");
        }
        else if (!int.TryParse(input.Year, NumberStyles.None, CultureInfo.InvariantCulture, out year)
            || !BudgetLine.YearOptions(today, BudgetLines.Select(l => l.Year)).Contains(year))
        {
            errors.Add(nameof(input.Year), "Choose a budget year from the list");
        }
        var description = errors.Text(input.Description, nameof(input.Description), "what the money is for", BudgetLine.DescriptionMaxLength, required: true);
        long pence = 0;
        if (string.IsNullOrWhiteSpace(input.Amount))
        {
            errors.Add(nameof(input.Amount), "Enter the amount");
        }
        else if (!Money.TryParse(input.Amount, out pence, allowNegative: true, maxAbsPence: BudgetLine.MaxAbsPence))
        {
            errors.Add(nameof(input.Amount), "Enter the amount in pounds, like 1,250 or 1250.50, with a minus sign for a saving");
        }
        else if (pence == 0)
        {
            errors.Add(nameof(input.Amount), "Enter an amount other than zero");
        }
        if (BudgetLines.Count >= MaxBudgetLines)
        {
            errors.Add(nameof(input.Description), $"A budget can have at most {MaxBudgetLines} lines");
        }
        if (errors.ToFailure() is { } failure)
        {
            return failure;
        }
        var line = new BudgetLine { Category = category, Year = year, Description = description!, AmountPence = pence };
        BudgetLines.Add(line);
        UpdatedAt = now;
        return line;
    }

    // BudgetLines must be loaded, or pass their number.
    public Project2Facts Facts(int accountWords, EvidenceFacts? evidence = null, int? budgetLines = null) =>
        new(PlacementDays.Select(d => d.Date).ToList(), ClosureDays.Select(d => d.Date).ToList(),
            BoardPresentedOn, !string.IsNullOrWhiteSpace(BoardFeedback), accountWords,
            !string.IsNullOrWhiteSpace(PlacementSchoolName),
            new[] { ContrastPerformance, ContrastPupilProfile, ContrastGeography, ContrastOther }.Any(c => !string.IsNullOrWhiteSpace(c)),
            !string.IsNullOrWhiteSpace(Challenges), !string.IsNullOrWhiteSpace(ActionPlan), budgetLines ?? BudgetLines.Count, evidence,
            !string.IsNullOrWhiteSpace(AreaExperience), AreaToImprove, LeadsActionPlan);

    public static Project2Facts NoFacts(int accountWords, EvidenceFacts? evidence = null) => new([], [], null, false, accountWords, Evidence: evidence);

    private static Failure? Apply(Project2Input input, Project2? project, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var name = errors.Text(input.PlacementSchoolName, nameof(input.PlacementSchoolName), "the placement school's name", SchoolNameMaxLength);
        int? urn = null;
        if (!string.IsNullOrWhiteSpace(input.PlacementSchoolUrn))
        {
            if (int.TryParse(input.PlacementSchoolUrn.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var u) && School.IsValidUrn(u))
            {
                urn = u;
            }
            else
            {
                errors.Add(nameof(input.PlacementSchoolUrn), "The URN must be 6 digits, like 123456");
            }
        }
        SchoolPhase? phase = null;
        if (!string.IsNullOrEmpty(input.PlacementSchoolPhase))
        {
            if (Enum.TryParse<SchoolPhase>(input.PlacementSchoolPhase, out var p) && Enum.IsDefined(p))
            {
                phase = p;
            }
            else
            {
                errors.Add(nameof(input.PlacementSchoolPhase), "Choose the phase from the list");
            }
        }
        var performance = errors.Text(input.ContrastPerformance, nameof(input.ContrastPerformance), "how its performance contrasts", TextMaxLength);
        var pupils = errors.Text(input.ContrastPupilProfile, nameof(input.ContrastPupilProfile), "how its pupil profile contrasts", TextMaxLength);
        var geography = errors.Text(input.ContrastGeography, nameof(input.ContrastGeography), "how its geography contrasts", TextMaxLength);
        var other = errors.Text(input.ContrastOther, nameof(input.ContrastOther), "other contrasts", TextMaxLength);
        var challenges = errors.Text(input.Challenges, nameof(input.Challenges), "the resource and capability challenges", TextMaxLength);
        var plan = errors.Text(input.ActionPlan, nameof(input.ActionPlan), "the action plan", TextMaxLength);
        var feedback = errors.Text(input.BoardFeedback, nameof(input.BoardFeedback), "the placement school's governing board's feedback", TextMaxLength);
        var experience = errors.Text(input.AreaExperience, nameof(input.AreaExperience), "your experience in the area", TextMaxLength);
        if (errors.Any || project is null)
        {
            return errors.ToFailure();
        }
        project.PlacementSchoolName = name;
        project.PlacementSchoolUrn = urn;
        project.PlacementSchoolPhase = phase;
        project.ContrastPerformance = performance;
        project.ContrastPupilProfile = pupils;
        project.ContrastGeography = geography;
        project.ContrastOther = other;
        project.Challenges = challenges;
        project.ActionPlan = plan;
        project.BoardPresentedOn = input.BoardPresentedOn;
        project.BoardFeedback = feedback;
        project.AreaExperience = experience;
        project.AreaToImprove = input.AreaToImprove;
        project.LeadsActionPlan = input.LeadsActionPlan;
        project.UpdatedAt = now;
        return null;
    }
}

// One day spent at the placement school and what was done. Weekends and bank holidays are kept in
// the log (the delegate was there) but do not count towards the nine days.
public class PlacementDay
{
    public const int ActivityMaxLength = 1000;

    public int Id { get; set; }
    public int Project2Id { get; set; }
    public DateOnly Date { get; set; }
    public string Activity { get; set; } = "";

    public static string AlreadyLogged(DateOnly date) => $"You have already logged {UkFormat.DayAndDate(date)}";

    // What can be checked without the log, for a form that could not read the date: the date is
    // checked against the log by Project2.LogDay.
    public static Failure? Check(PlacementDayInput input)
    {
        var errors = new FieldErrors();
        ReadActivity(input, errors);
        return errors.ToFailure();
    }

    internal static string? ReadActivity(PlacementDayInput input, FieldErrors errors) =>
        errors.Text(input.Activity, nameof(input.Activity), "what you did that day", ActivityMaxLength, required: true);
}

// A day the placement school was closed (a training day, for instance): not a placement day.
public class ClosureDay
{
    public const int ReasonMaxLength = 200;

    public int Id { get; set; }
    public int Project2Id { get; set; }
    public DateOnly Date { get; set; }
    public string Reason { get; set; } = "";

    public static string AlreadyRecorded(DateOnly date) => $"{UkFormat.DayAndDate(date)} is already recorded as a closure day";

    // What can be checked without the other closure days, for a form that could not read the date.
    public static Failure? Check(ClosureDayInput input)
    {
        var errors = new FieldErrors();
        ReadReason(input, errors);
        return errors.ToFailure();
    }

    internal static string? ReadReason(ClosureDayInput input, FieldErrors errors) =>
        errors.Text(input.Reason, nameof(input.Reason), "why the school was closed", ReasonMaxLength, required: true);
}

public enum BudgetCategory
{
    [Display(Name = "Teaching staff")] TeachingStaff,
    [Display(Name = "Support staff")] SupportStaff,
    [Display(Name = "Leadership")] Leadership,
    [Display(Name = "Curriculum resources")] CurriculumResources,
    [Display(Name = "Professional development")] ProfessionalDevelopment,
    [Display(Name = "ICT")] Ict,
    [Display(Name = "Premises")] Premises,
    [Display(Name = "Other")] Other,
}

// A line of the curriculum-led budget: money as integer pence; a saving is a negative amount.
public class BudgetLine
{
    public const int DescriptionMaxLength = 200;
    public const long MaxAbsPence = 100_000_000_00L;

    public int Id { get; set; }
    public int Project2Id { get; set; }
    public BudgetCategory Category { get; set; }
    // The year the school's budget year starts: 2027 is 2027/28.
    public int Year { get; set; }
    public string Description { get; set; } = "";
    public long AmountPence { get; set; }

    public static string YearName(int year) => $"{year}/{(year + 1) % 100:00}";

    // The budget years a line can go in: from last school year to four years ahead, and any year
    // already used. A school year starts in September.
    public static IReadOnlyList<int> YearOptions(DateOnly today, IEnumerable<int> yearsInUse)
    {
        var thisYear = today.Month >= 9 ? today.Year : today.Year - 1;
        return [.. Enumerable.Range(thisYear - 1, 6).Union(yearsInUse).Order()];
    }
}

