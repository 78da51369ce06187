using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Roundtable.Web.Data;

namespace Roundtable.BrowserTests;

// WCAG 1.4.10 reflow: every page each role can reach from its home, on the demo data, fits a 320 px
// phone and a 1280 px desktop without scrolling sideways, and passes axe.
public partial class ReflowSweepTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    private const int MaxPagesPerRole = 80;

    [Theory(Skip = "Known failures (issue 13, open): at 320 px /Communities/Problem/{id}, /Tutorials/Partner/{id}, /Programme/Programmes, /Programme/Communities/Cohort/{id}, /Programme/Tutorials/Booking/{id}, /Programme/Invoices/Fees, /Programme/Invoices/{id} and the live shared screen still scroll sideways")]
    [InlineData("programme")]
    [InlineData("tutor1")]
    [InlineData("partner1")]
    [InlineData("delegate1")]
    [InlineData("delegate2")]
    [InlineData("assessor1")]
    public async Task EveryPage_FitsPhoneAndDesktop_WithoutSidewaysScrolling(string who)
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfEmptyAsync();
        }
        var page = await SignInAsync($"{who}@{DemoData.Domain}", DemoData.Password);

        var queue = new Queue<string>([new Uri(page.Url).PathAndQuery]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { Shape(queue.Peek()) };
        var visited = new List<string>();
        var problems = new List<string>();
        while (queue.Count > 0 && visited.Count < MaxPagesPerRole)
        {
            var url = queue.Dequeue();
            await page.SetViewportSizeAsync(1280, 900);
            var response = await page.GotoAsync(url);
            if (response is null || !response.Ok || !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
            {
                continue;
            }
            visited.Add(url);
            foreach (var width in new[] { 1280, 320 })
            {
                await page.SetViewportSizeAsync(width, 900);
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                if (overflow > 0)
                {
                    problems.Add($"{url} at {width} px scrolls sideways by {overflow} px");
                }
            }
            await page.SetViewportSizeAsync(1280, 900);
            await AssertAccessibleAsync(page);

            var links = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('main a[href], nav a[href]')).filter(a => !a.hasAttribute('download')).map(a => a.getAttribute('href'))");
            foreach (var href in links)
            {
                if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal) || Skipped().IsMatch(href))
                {
                    continue;
                }
                var target = href.Split('#')[0];
                if (seen.Add(Shape(target)))
                {
                    queue.Enqueue(target);
                }
            }
        }

        Assert.True(visited.Count >= 2, $"Only {visited.Count} pages reached as {who}.");
        Assert.True(problems.Count == 0, $"As {who}, of {visited.Count} pages:\n{string.Join("\n", problems)}");
    }

    // One page of each kind: /Partner/Tutorial/12 and /Partner/Tutorial/13 are the same layout.
    private static string Shape(string url)
    {
        var parts = url.Split('?', 2);
        var path = Digits().Replace(parts[0], "{n}");
        var keys = parts.Length > 1 ? string.Join('&', parts[1].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal)) : "";
        return path + "?" + keys;
    }

    [GeneratedRegex(@"(?<=/)\d+(?=/|$)")]
    private static partial Regex Digits();

    // Downloads, feeds, the API and signing out are not pages to sweep.
    [GeneratedRegex(@"^/(api/|lib/|js/|css/|Account/SignOut)|\.(csv|ics|pdf|json)(\?|$)|[?&/](export|download|handler=(Export|Download|Csv|Calendar))", RegexOptions.IgnoreCase)]
    private static partial Regex Skipped();
}
