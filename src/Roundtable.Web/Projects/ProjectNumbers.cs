namespace Roundtable.Web.Projects;

// The two assessed NPQH projects: 1 is the whole-school change, 2 the placement.
public static class ProjectNumbers
{
    public const int Change = 1;
    public const int Placement = 2;
    // A response to a case study (the reformed assessment) is a Submission with this project number,
    // so it is assessed, released and resubmitted like the projects, against its own criteria.
    public const int CaseStudy = 3;
    public const string HeadshipCode = "NPQH";

    public static IReadOnlyList<int> All { get; } = [Change, Placement];

    public static bool IsValid(int project) => project is Change or Placement;

    // What assessors judge: the projects and case-study responses (criteria are kept for each).
    public static IReadOnlyList<int> Assessed { get; } = [Change, Placement, CaseStudy];

    public static bool IsAssessed(int project) => project is Change or Placement or CaseStudy;

    public static string Name(int project) => project switch
    {
        Change => "Project 1: whole-school change",
        Placement => "Project 2: placement",
        CaseStudy => "Case-study response",
        _ => $"Project {project}",
    };

    public static string ShortName(int project) => project == CaseStudy ? "Case study" : $"Project {project}";

    public static int WordLimit(int project) =>
        project == Change ? ProjectRequirements.Project1WordLimit : ProjectRequirements.Project2WordLimit;

    public static IReadOnlyList<Requirement> Requirements(int project) =>
        project == Change ? ProjectRequirements.Project1Requirements : ProjectRequirements.Project2Requirements;

    public static string RequirementName(int project, string key) =>
        Requirements(project).FirstOrDefault(r => r.Key == key)?.Name ?? key;
}
