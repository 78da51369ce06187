namespace Roundtable.Tests.Infrastructure;

public static class RepoPaths
{
    // The repository's root, found from the test output folder.
    public static string Root { get; } = Find();

    public static string Combine(string relative) => Path.Combine(Root, relative);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Roundtable.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Roundtable.slnx not found above the test output.");
    }
}
