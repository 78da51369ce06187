using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Data;

namespace Roundtable.Tests.Demo;

public class InsightDemoTests(AppFactory app) : AppTest(app)
{
    // The demo's main cohort: the one with the most delegates (the reminders demo adds two small
    // cohorts; an unordered "first cohort" may be one of those, whose delegates are not at risk).
    private async Task<int> MainCohortAsync()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfEmptyAsync();
        }
        return await App.WithDbAsync(db => db.Cohorts.OrderByDescending(c => c.Participants.Count).ThenBy(c => c.Id).Select(c => c.Id).FirstAsync());
    }

    [Fact]
    public async Task Demo_CohortReport_ShowsDelegatesAtRiskAndNonZeroFigures()
    {
        var cohortId = await MainCohortAsync();
        var client = await SignedInAsync($"programme@{DemoData.Domain}", DemoData.Password);

        var report = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/cohorts/{cohortId}");
        var reasons = report.GetProperty("atRisk").EnumerateArray().SelectMany(d => d.GetProperty("reasons").EnumerateArray().Select(r => r.GetString())).ToHashSet();

        Assert.Contains("missed-two-sessions", reasons);
        Assert.Contains("feedback-overdue", reasons);
        Assert.True(report.GetProperty("sessions").GetProperty("held").GetInt32() > 0);
        Assert.True(report.GetProperty("sessions").GetProperty("attendanceRate").GetDouble() > 0);
        Assert.True(report.GetProperty("tutorials").GetProperty("held").GetInt32() > 0);
    }

    [Fact]
    public async Task Demo_Dashboard_HasNonEmptyChartsAndABudget()
    {
        var cohortId = await MainCohortAsync();
        var client = await SignedInAsync($"programme@{DemoData.Domain}", DemoData.Password);

        var page = await client.GetDocumentAsync($"/Programme/Dashboard?cohort={cohortId}");

        Assert.Contains("of £2,400.00 spent", page.QuerySelector("#spend-summary")!.TextContent, StringComparison.Ordinal);
        foreach (var chart in new[] { "chart-community", "chart-attendance-month", "chart-attendance-group", "chart-tutorial-windows", "chart-spend", "chart-project1" })
        {
            var widths = page.QuerySelectorAll($"#{chart} rect.rt-chart__bar").Select(r => double.Parse(r.GetAttribute("width")!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(widths.Any(w => w > 0), $"{chart} has no bar");
        }
    }
}
