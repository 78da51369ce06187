using System.Text.RegularExpressions;
using Roundtable.Tests.Infrastructure;

namespace Roundtable.Tests.Domain;

// The areas (People, Communities, Tutorials, ...), Data and Infrastructure hold the rules and the
// services; pages sit on top of them. Nothing below Pages may reach up into a page's types.
public partial class ArchitectureTests
{
    private static readonly string Source = RepoPaths.Combine("src/Roundtable.Web");

    [Fact]
    public void NothingOutsidePages_ReferencesPages()
    {
        var offenders = SourceFiles()
            .Where(f => !f.Relative.StartsWith("Pages/", StringComparison.Ordinal))
            .SelectMany(f => PagesReference().Matches(WithoutCommentsAndStrings(File.ReadAllText(f.Full)))
                .Select(m => $"{f.Relative}: {m.Value.Trim()}"))
            .ToList();

        Assert.True(offenders.Count == 0, "These files outside Pages/ use page types:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void TheCheck_FindsEveryWayOfNamingAPageType()
    {
        Assert.Matches(PagesReference(), "using Roundtable.Web.Pages.Shared;");
        Assert.Matches(PagesReference(), "var d = Pages.Shared.Forms.Parts(date);");
        Assert.Matches(PagesReference(), "x is Roundtable.Web.Pages.Projects.ProjectViews");
        Assert.Matches(PagesReference(), "using static Roundtable.Web.Pages.Shared.Forms;");
        Assert.DoesNotMatch(PagesReference(), WithoutCommentsAndStrings("var url = \"/Pages.Shared/x\"; // Pages.Shared.Forms"));
        Assert.DoesNotMatch(PagesReference(), "var pages = Pages.Count;");
    }

    private static IEnumerable<(string Full, string Relative)> SourceFiles() =>
        Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(Source, f).Replace('\\', '/')))
            .Where(f => !f.Relative.StartsWith("bin/", StringComparison.Ordinal) && !f.Relative.StartsWith("obj/", StringComparison.Ordinal)
                && !f.Relative.StartsWith("Data/Migrations/", StringComparison.Ordinal));

    private static string WithoutCommentsAndStrings(string code) => CommentOrString().Replace(code, " ");

    // "using Roundtable.Web.Pages...", "Roundtable.Web.Pages.X" or "Pages.Shared.X" from inside Roundtable.Web.
    [GeneratedRegex(@"\bRoundtable\.Web\.Pages\b|(?<![\w.])Pages\.[A-Z]\w*\.[A-Z]")]
    private static partial Regex PagesReference();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@?""(?:[^""\\\n]|\\.|"""")*""", RegexOptions.Singleline)]
    private static partial Regex CommentOrString();
}
