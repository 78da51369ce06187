using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Roundtable.Web.People;

namespace Roundtable.Web.Projects;

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
    public DateTime UpdatedAt { get; set; }
    public List<PlacementDay> PlacementDays { get; set; } = [];
    public List<ClosureDay> ClosureDays { get; set; } = [];
    public List<BudgetLine> BudgetLines { get; set; } = [];

    public Project2Facts Facts(int accountWords) =>
        new(PlacementDays.Select(d => d.Date).ToList(), ClosureDays.Select(d => d.Date).ToList(),
            BoardPresentedOn, !string.IsNullOrWhiteSpace(BoardFeedback), accountWords);

    public static Project2Facts NoFacts(int accountWords) => new([], [], null, false, accountWords);
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
}

// A day the placement school was closed (a training day, for instance): not a placement day.
public class ClosureDay
{
    public const int ReasonMaxLength = 200;

    public int Id { get; set; }
    public int Project2Id { get; set; }
    public DateOnly Date { get; set; }
    public string Reason { get; set; } = "";
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
}

