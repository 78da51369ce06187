using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Roundtable.Web.Data;
using Xunit.Abstractions;

namespace Roundtable.BrowserTests;

// WCAG 1.4.10 reflow: the pages each role reaches from its home on the demo data fit a 320 px phone
// and a 1280 px desktop without scrolling sideways, and pass axe at phone width (the journey tests
// run axe on their pages at desktop width).
// Kept quick: one signed-in browser context per role; the pages are the home, every page its
// navigation and home link to, and then one page of each further kind (one invoice, one session, one
// problem card...), up to three links from home; no fixed waits.
public partial class ReflowSweepTests(BrowserAppFixture fixture, ITestOutputHelper output) : BrowserTest(fixture)
{
    private const int MaxDepth = 3;
    private const int MaxPagesPerRole = 60;

    [Theory]
    [InlineData("programme")]
    [InlineData("tutor1")]
    [InlineData("partner1")]
    [InlineData("partner3")]
    [InlineData("delegate1")]
    [InlineData("delegate2")]
    [InlineData("assessor1")]
    public async Task EveryPage_FitsPhoneAndDesktop_WithoutSidewaysScrolling(string who)
    {
        var clock = Stopwatch.StartNew();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfEmptyAsync();
        }
        var page = await SignInAsync($"{who}@{DemoData.Domain}", DemoData.Password);

        var home = new Uri(page.Url).PathAndQuery;
        var queue = new Queue<(string Url, int Depth)>([(home, 0)]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { Shape(home) };
        var visited = new List<string>();
        var problems = new List<string>();
        while (queue.Count > 0 && visited.Count < MaxPagesPerRole)
        {
            var (url, depth) = queue.Dequeue();
            // Loaded at phone width, as a phone would load it.
            await page.SetViewportSizeAsync(320, 900);
            var response = await page.GotoAsync(url);
            if (response is null || !response.Ok || !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
            {
                continue;
            }
            visited.Add(url);
            await CheckReflowAsync(page, url, 320, problems);
            try
            {
                await AssertAccessibleAsync(page);
            }
            catch (Xunit.Sdk.TrueException e)
            {
                problems.Add($"At 320 px: {e.Message}");
            }
            await page.SetViewportSizeAsync(1280, 900);
            await CheckReflowAsync(page, url, 1280, problems);

            if (depth >= MaxDepth)
            {
                continue;
            }
            // The header's navigation only from home: it is the same on every page.
            var selector = depth == 0 ? "main a[href], nav a[href]" : "main a[href]";
            var links = await page.EvaluateAsync<string[]>("s => Array.from(document.querySelectorAll(s)).filter(a => !a.hasAttribute('download')).map(a => a.getAttribute('href'))", selector);
            foreach (var href in links)
            {
                if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal) || Skipped().IsMatch(href))
                {
                    continue;
                }
                var target = href.Split('#')[0];
                if (seen.Add(Shape(target)))
                {
                    queue.Enqueue((target, depth + 1));
                }
            }
        }

        output.WriteLine($"{who}: {visited.Count} pages in {clock.Elapsed.TotalSeconds:0} s\n{string.Join("\n", visited)}");
        Assert.True(visited.Count >= 2, $"Only {visited.Count} pages reached as {who}.");
        Assert.True(problems.Count == 0, $"As {who}, of {visited.Count} pages:\n{string.Join("\n", problems)}");
    }

    private static async Task CheckReflowAsync(IPage page, string url, int width, List<string> problems)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            problems.Add($"{url} at {width} px scrolls sideways by {overflow} px");
        }
    }

    // One page of each kind: /Partner/Tutorial/12 and /Partner/Tutorial/13 are the same layout, and
    // so are a list and the same list sorted, filtered or paged (?sort=, ?status=, ?page=).
    private static string Shape(string url) => Ids().Replace(url.Split('?', 2)[0], "{n}");

    // Numeric and GUID ids: /Programme/People/Edit/{guid} is one page, however many people there are.
    [GeneratedRegex(@"(?<=/)(\d+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?=/|$)")]
    private static partial Regex Ids();

    // Downloads, feeds, the API and signing out are not pages to sweep.
    [GeneratedRegex(@"^/(api/|lib/|js/|css/|Account/SignOut)|\.(csv|ics|pdf|json)(\?|$)|[?&/](export|download|format=csv|handler=(Export|Download|Csv|Calendar))", RegexOptions.IgnoreCase)]
    private static partial Regex Skipped();
}
