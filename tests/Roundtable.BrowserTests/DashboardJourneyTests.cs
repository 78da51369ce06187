using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Roundtable.Web.Data;

namespace Roundtable.BrowserTests;

// The programme team opens the dashboard from home on the demo data: charts with their tables,
// the cohort picker (a plain GET form) changes the figures, and an at-risk reason leads to the
// delegate (from the at-risk list and from the dashboard's first few per reason); the attendance of
// every group is a paged list. axe on every page; at 375 px wide nothing scrolls sideways.
public class DashboardJourneyTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} scrolls sideways by {overflow} px");
    }

    [Fact]
    public async Task ProgrammeTeam_ReadsTheDashboard_PicksACohort_AndFollowsAnAtRiskReason()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfEmptyAsync();
        }
        // The demo's main cohort (the reminders demo adds two small ones).
        var cohort = await App.WithDbAsync(db => db.Cohorts.OrderByDescending(c => c.Participants.Count).Select(c => new { c.Id, c.Name }).FirstAsync());
        var page = await SignInAsync($"programme@{DemoData.Domain}", DemoData.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Programme dashboard" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Programme dashboard");
        await Assertions.Expect(page.Locator("#dashboard-heading")).ToContainTextAsync("all cohorts");
        Assert.True(await page.Locator("svg[role=img]").CountAsync() >= 8);
        await Assertions.Expect(page.Locator("#chart-attendance-month .rt-chart__bar").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#chart-spend .rt-chart__marker")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#spend-summary")).ToContainTextAsync("£2,400.00 spent");
        // The figures behind a chart, as a table.
        await page.Locator("#tutorial-windows summary").ClickAsync();
        await Assertions.Expect(page.Locator("#tutorial-windows-table")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#tutorial-windows-table caption")).ToHaveTextAsync("Tutorials against their windows");
        // Delegates at risk: a count per reason (a chart and its table) and the first few delegates of each.
        await Assertions.Expect(page.Locator("#chart-at-risk")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-at-risk-reason] li a").First).ToBeVisibleAsync();
        Assert.True(await page.Locator("[data-at-risk-reason] ul").EvaluateAllAsync<int>("uls => Math.max(...uls.map(u => u.children.length))") <= 10);
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Cohort", new() { Exact = true }).SelectOptionAsync(cohort.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show figures" }).ClickAsync();
        await Assertions.Expect(page.Locator("#dashboard-heading")).ToContainTextAsync(cohort.Name);
        Assert.Contains($"cohort={cohort.Id}", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#set-budget")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.SetViewportSizeAsync(375, 800);
        await AssertNoSidewaysScrollAsync(page);
        var svgWidth = await page.Locator("#chart-spend").EvaluateAsync<double>("e => e.getBoundingClientRect().width");
        Assert.True(svgWidth <= 375, $"The spend chart is {svgWidth} px wide");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Set this cohort's budget" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Cohort budget");
        await AssertNoSidewaysScrollAsync(page);
        await page.GetByLabel("Budget").FillAsync("-3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save budget" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The budget must be £0 or more");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Budget").FillAsync("3000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save budget" }).ClickAsync();
        await Assertions.Expect(page.Locator("#spend-summary")).ToContainTextAsync("of £3,000.00 spent");

        await page.GetByRole(AriaRole.Link, new() { Name = "Delegates at risk" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Delegates at risk");
        await AssertNoSidewaysScrollAsync(page);
        await AssertAccessibleAsync(page);
        var reason = page.Locator("#at-risk li[data-reason] a").First;
        var href = await reason.GetAttributeAsync("href");
        await reason.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith(href!, StringComparison.Ordinal));
        await AssertNoSidewaysScrollAsync(page);
        await AssertAccessibleAsync(page);

        // From the dashboard: a reason's full list, and a delegate named under a reason.
        await page.GotoAsync("/Programme/Dashboard");
        var group = page.Locator("[data-at-risk-reason]").First;
        var code = await group.GetAttributeAsync("data-at-risk-reason");
        await group.Locator("a[data-reason-link]").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Delegates at risk");
        Assert.Contains($"reason={code}", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator($"#at-risk li[data-reason={code}]").First).ToBeVisibleAsync();
        await page.GoBackAsync();
        var named = page.Locator("[data-at-risk-reason] li a").First;
        var delegateHref = await named.GetAttributeAsync("href");
        await named.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith(delegateHref!, StringComparison.Ordinal));

        // The attendance of every group, paged, from the dashboard.
        await page.GotoAsync("/Programme/Dashboard");
        await page.Locator("#attendance-groups-all").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Attendance by group");
        await Assertions.Expect(page.Locator("#attendance-groups tbody tr").First).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page);
        await AssertAccessibleAsync(page);
    }
}
