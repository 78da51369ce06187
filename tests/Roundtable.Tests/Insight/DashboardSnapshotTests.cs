using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Insight;

namespace Roundtable.Tests.Insight;

// The dashboard page shows what was counted at most five minutes ago (DashboardSnapshots), says
// when, counts again on request, and forgets its counts when a budget is set. Runs on SQLite and
// PostgreSQL with the fixed clock.
public class DashboardSnapshotTests(AppFactory app) : AppTest(app)
{
    private static int Delegates(AngleSharp.Dom.IDocument page) =>
        int.Parse(page.QuerySelector("#dashboard-stats .rt-stat__value")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static string CountedAt(AngleSharp.Dom.IDocument page) => page.QuerySelector("#counted-at strong")!.TextContent.Trim();

    [Fact]
    public async Task Figures_AreKeptForFiveMinutes_SayWhenCounted_ThenCountedAgain()
    {
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.CohortAsync("NPQH Summer");
        await Data.DelegateAsync(cohort, "d1@test.example");
        var client = await SignedInAsync("team@test.example");
        var url = $"/Programme/Dashboard?cohort={cohort.Id}";

        var first = await client.GetDocumentAsync(url);
        Assert.Equal(1, Delegates(first));
        Assert.Equal("23 November 2026, 10:00am", CountedAt(first));

        await Data.DelegateAsync(cohort, "d2@test.example");
        App.Clock.Advance(TimeSpan.FromMinutes(4));
        var kept = await client.GetDocumentAsync(url);
        Assert.Equal(1, Delegates(kept));
        Assert.Equal("23 November 2026, 10:00am", CountedAt(kept));
        Assert.Contains("counted again when they are more than 5 minutes old", kept.Text("#counted-at"), StringComparison.Ordinal);

        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var recounted = await client.GetDocumentAsync(url);
        Assert.Equal(2, Delegates(recounted));
        Assert.Equal("23 November 2026, 10:05am", CountedAt(recounted));

        // The whole programme is its own count.
        Assert.Equal(2, Delegates(await client.GetDocumentAsync("/Programme/Dashboard")));
    }

    [Fact]
    public async Task CountAgainNow_CountsAtOnce_AndComesBackToTheSameView()
    {
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.CohortAsync("NPQH Summer");
        await Data.DelegateAsync(cohort, "d1@test.example");
        var client = await SignedInAsync("team@test.example");
        var url = $"/Programme/Dashboard?cohort={cohort.Id}";
        var page = await client.GetDocumentAsync(url);
        Assert.Equal(1, Delegates(page));
        await Data.DelegateAsync(cohort, "d2@test.example");

        var response = await client.SubmitAsync(page, [], "#counted-at");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(url, response.Headers.Location!.OriginalString);
        Assert.Equal(2, Delegates(await client.GetDocumentAsync(url)));

        // The whole programme's view comes back to itself too.
        var programmePage = await client.GetDocumentAsync("/Programme/Dashboard");
        var again = await client.SubmitAsync(programmePage, [], "#counted-at");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal($"/Programme/Dashboard?programme={cohort.ProgrammeId}", again.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task CountAgain_WithoutTheFormsToken_OrByAnotherRole_IsRefused()
    {
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.CohortAsync("NPQH Summer");
        await Data.TutorAsync("tutor@test.example");
        await Data.DelegateAsync(cohort, "d1@test.example");
        var team = await SignedInAsync("team@test.example");
        var bare = await team.PostAsync($"/Programme/Dashboard?handler=CountAgain&cohort={cohort.Id}", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);

        foreach (var email in new[] { "tutor@test.example", "d1@test.example" })
        {
            var other = await SignedInAsync(email);
            var refused = await other.PostAsync($"/Programme/Dashboard?handler=CountAgain&cohort={cohort.Id}", new FormUrlEncodedContent([]));
            Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest
                || (refused.StatusCode == HttpStatusCode.Redirect && refused.Headers.Location!.OriginalString.Contains("AccessDenied", StringComparison.Ordinal)),
                $"{email}: {(int)refused.StatusCode} {refused.Headers.Location}");
        }
    }

    [Fact]
    public async Task SettingABudget_ShowsOnTheDashboardAtOnce()
    {
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.CohortAsync("NPQH Summer");
        var client = await SignedInAsync("team@test.example");
        var url = $"/Programme/Dashboard?cohort={cohort.Id}";
        Assert.DoesNotContain("£12,500.00", (await client.GetDocumentAsync(url)).Text(), StringComparison.Ordinal);

        var saved = await client.PostFormAsync($"/Programme/Budget?cohort={cohort.Id}", new() { ["Amount"] = "12500" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Contains("£12,500.00", (await client.GetDocumentAsync(url)).Text(), StringComparison.Ordinal);
    }

    // Twenty people opening the same view at once wait for one count, not twenty.
    [Fact]
    public async Task ViewersAtTheSameTime_WaitForOneCount()
    {
        var snapshots = new DashboardSnapshots(App.Clock, new ConfigurationBuilder().Build());
        var scope = new ReportScope(1, null);
        var release = new TaskCompletionSource();
        var counts = 0;
        async Task<(DashboardFigures, AtRiskSummary)> CountAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref counts);
            await release.Task;
            return (null!, new AtRiskSummary(counts, []));
        }

        var viewers = Enumerable.Range(0, 20).Select(_ => Task.Run(() => snapshots.GetAsync(scope, countAgain: false, CountAsync))).ToList();
        await Task.Delay(200);
        release.SetResult();
        var seen = await Task.WhenAll(viewers);

        Assert.Equal(1, counts);
        Assert.All(seen, s => Assert.Same(seen[0], s));

        // "Count again" made after that count counts once more; a new scope has its own count.
        await snapshots.GetAsync(scope, countAgain: true, CountAsync);
        await snapshots.GetAsync(new ReportScope(2, null), countAgain: false, CountAsync);
        Assert.Equal(3, counts);
        snapshots.Forget();
        await snapshots.GetAsync(scope, countAgain: false, CountAsync);
        Assert.Equal(4, counts);
    }
}
