namespace Roundtable.Web.Tutorials;

public sealed record TutorialWindow(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly date) => date >= From && date <= To;

    public override string ToString() => $"{UkFormat.Date(From)} to {UkFormat.Date(To)}";
}

// When each tutorial is meant to happen (seed 003): tutorial 1 within the first three months of
// the course, tutorial 2 two to three months after tutorial 1. Outside them is allowed but flagged.
public static class TutorialWindows
{
    public static TutorialWindow Tutorial1(DateOnly courseStart) => new(courseStart, courseStart.AddMonths(3));

    public static TutorialWindow Tutorial2(DateOnly tutorial1) => new(tutorial1.AddMonths(2), tutorial1.AddMonths(3));

    // Null when tutorial 2's window is not known yet (no tutorial 1 booked).
    public static TutorialWindow? For(int project, DateOnly courseStart, DateOnly? tutorial1) =>
        project == 1 ? Tutorial1(courseStart) : tutorial1 is { } t1 ? Tutorial2(t1) : null;

    // The warning a delegate sees before booking, and the reason the booking is flagged to the team.
    public static string? Warning(int project, DateOnly date, DateOnly courseStart, DateOnly? tutorial1, bool overridden)
    {
        if (overridden)
        {
            return null;
        }
        var window = For(project, courseStart, tutorial1);
        if (window is null)
        {
            return "Tutorial 2 is meant to come two to three months after tutorial 1, and you have no tutorial 1 booked.";
        }
        return window.Contains(date)
            ? null
            : $"{UkFormat.Date(date)} is outside the recommended window for tutorial {project} ({window}). You can still book it; the programme team will see that it is outside the window.";
    }
}
