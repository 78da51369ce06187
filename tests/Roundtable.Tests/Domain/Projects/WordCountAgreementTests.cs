using System.Diagnostics;
using Roundtable.Tests.Infrastructure;

namespace Roundtable.Tests.Domain.Projects;

// The browser's live count and the server's check must never disagree: the browser script runs
// under Node against the same cases the C# tests use.
public class WordCountAgreementTests
{
    [Fact]
    public async Task BrowserScript_CountsEveryCaseLikeTheServer()
    {
        var root = RepoPaths.Root;
        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                Path.Combine(root, "tests/Roundtable.Tests/Domain/Projects/word-count-check.js"),
                Path.Combine(root, "src/Roundtable.Web/wwwroot/js/word-count.js"),
                Path.Combine(root, "tests/Roundtable.Tests/Domain/Projects/word-count-cases.json"),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start)!;
        var output = await node.StandardOutput.ReadToEndAsync() + await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();

        Assert.True(node.ExitCode == 0, output);
        Assert.Contains("word-count cases passed", output, StringComparison.Ordinal);
    }
}
