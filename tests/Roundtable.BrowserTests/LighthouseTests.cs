using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Data;
using Xunit.Abstractions;

namespace Roundtable.BrowserTests;

// Lighthouse (npm, pinned in package.json) with the system Chromium scores 100 for performance,
// accessibility and best practice on the three busiest pages, signed in as the person who uses each
// (issue 20). Desktop settings: these are pages for laptops first; the reflow sweep and the 375 px
// checks cover phones. A score under 100 fails with the audits that cost it.
// The performance score reads the page's timings, and on a two-core machine another browser test
// running beside it costs points: these run in a collection of their own, after the others and
// alone, and the performance audit is taken up to three times, keeping the best (the variance
// Lighthouse's own documentation describes); accessibility and best practice must hold every time.
[Collection(LighthouseGroup.Name)]
public class LighthouseTests(BrowserAppFixture fixture, ITestOutputHelper output) : BrowserTest(fixture)
{
    private const int PerformanceAttempts = 3;

    public static TheoryData<string, string> Pages => new()
    {
        { "delegate1", "/Delegate" },
        { "delegate1", "/Tutorials/Partners" },
        { "programme", "/Programme/Dashboard" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task BusiestPages_Score100_ForPerformanceAccessibilityAndBestPractice(string who, string path)
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfEmptyAsync();
        }
        var page = await SignInAsync($"{who}@{DemoData.Domain}", DemoData.Password);
        var cookies = await page.Context.CookiesAsync();
        var cookie = string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}"));
        // The page answers to this person (not a redirect to sign in) before Lighthouse loads it.
        var response = await page.GotoAsync(path);
        Assert.True(response is { Ok: true } && new Uri(page.Url).AbsolutePath == path, $"{who} could not open {path}: {page.Url}");
        await page.Context.CloseAsync();

        var failures = new List<string>();
        for (var attempt = 1; attempt <= PerformanceAttempts; attempt++)
        {
            var (report, runtimeError) = await RunLighthouseAsync(App.BaseUrl + path, cookie);
            if (report is null)
            {
                // Lighthouse could not record the page load (NO_NAVSTART and the like: its own
                // message asks to run it again). That is a measuring failure, not a score: it takes
                // an attempt, and three of them in a row fail the test.
                output.WriteLine($"{path} (run {attempt}) Lighthouse runtime error: {runtimeError}");
                failures = [$"Lighthouse could not measure the page: {runtimeError}"];
                continue;
            }
            failures = Shortfalls(report.Value, path, attempt);
            if (failures.Count == 0 || failures.Any(f => !f.StartsWith("performance", StringComparison.Ordinal)))
            {
                break;
            }
        }
        Assert.True(failures.Count == 0, $"Lighthouse on {path} as {who}:\n{string.Join("\n", failures)}");
    }

    private List<string> Shortfalls(JsonElement report, string path, int attempt)
    {
        var categories = report.GetProperty("categories");
        var failures = new List<string>();
        foreach (var category in new[] { "performance", "accessibility", "best-practices" })
        {
            var score = categories.GetProperty(category).GetProperty("score").GetDouble();
            output.WriteLine($"{path} (run {attempt}) {category}: {score * 100:0}");
            if (score < 1)
            {
                var lost = categories.GetProperty(category).GetProperty("auditRefs").EnumerateArray()
                    .Where(r => r.GetProperty("weight").GetDouble() > 0)
                    .Select(r => report.GetProperty("audits").GetProperty(r.GetProperty("id").GetString()!))
                    .Where(a => a.GetProperty("score").ValueKind == JsonValueKind.Number && a.GetProperty("score").GetDouble() < 1)
                    .Select(a => $"{a.GetProperty("id").GetString()} ({a.GetProperty("score").GetDouble():0.00}): {a.GetProperty("title").GetString()} {(a.TryGetProperty("displayValue", out var v) ? v.GetString() : "")}");
                failures.Add($"{category} {score * 100:0}: {string.Join("; ", lost)}");
            }
        }
        return failures;
    }

    private static async Task<(JsonElement? Report, string? RuntimeError)> RunLighthouseAsync(string url, string cookie)
    {
        var folder = Directory.CreateTempSubdirectory("roundtable-lighthouse-");
        try
        {
            var headers = Path.Combine(folder.FullName, "headers.json");
            await File.WriteAllTextAsync(headers, JsonSerializer.Serialize(new Dictionary<string, string> { ["Cookie"] = cookie }));
            var reportPath = Path.Combine(folder.FullName, "report.json");
            var start = new ProcessStartInfo("node")
            {
                ArgumentList =
                {
                    RepoPaths.Combine("node_modules/lighthouse/cli/index.js"), url,
                    "--preset=desktop", "--only-categories=performance,accessibility,best-practices",
                    "--output=json", $"--output-path={reportPath}", $"--extra-headers={headers}",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run",
                    "--quiet",
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = RepoPaths.Root,
            };
            start.Environment["CHROME_PATH"] = BrowserApp.ChromiumPath;
            start.Environment["TMPDIR"] = folder.FullName;
            using var node = Process.Start(start)!;
            var stdout = node.StandardOutput.ReadToEndAsync();
            var stderr = node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync();
            var errors = await stderr;
            if (node.ExitCode != 0 && errors.Contains("Runtime error encountered", StringComparison.Ordinal))
            {
                return (null, errors.Trim());
            }
            Assert.True(node.ExitCode == 0 && File.Exists(reportPath), $"Lighthouse failed ({node.ExitCode}):\n{await stdout}\n{errors}");
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(reportPath));
            if (document.RootElement.TryGetProperty("runtimeError", out var runtime) && runtime.ValueKind == JsonValueKind.Object)
            {
                return (null, runtime.GetProperty("code").GetString());
            }
            return (document.RootElement.Clone(), null);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LighthouseGroup : ICollectionFixture<BrowserAppFixture>
{
    public const string Name = "lighthouse";
}
