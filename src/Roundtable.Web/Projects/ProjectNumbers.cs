namespace Roundtable.Web.Projects;

// The two assessed NPQH projects: 1 is the whole-school change, 2 the placement.
public static class ProjectNumbers
{
    public const int Change = 1;
    public const int Placement = 2;
    public const string HeadshipCode = "NPQH";

    public static IReadOnlyList<int> All { get; } = [Change, Placement];

    public static bool IsValid(int project) => project is Change or Placement;

    public static string Name(int project) => project switch
    {
        Change => "Project 1: whole-school change",
        Placement => "Project 2: placement",
        _ => $"Project {project}",
    };

    public static string ShortName(int project) => $"Project {project}";

    public static int WordLimit(int project) =>
        project == Change ? ProjectRequirements.Project1WordLimit : ProjectRequirements.Project2WordLimit;

    public static IReadOnlyList<Requirement> Requirements(int project) =>
        project == Change ? ProjectRequirements.Project1Requirements : ProjectRequirements.Project2Requirements;

    public static string RequirementName(int project, string key) =>
        Requirements(project).FirstOrDefault(r => r.Key == key)?.Name ?? key;
}
